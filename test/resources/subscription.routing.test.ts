import { describeRouting } from '../support/routingTable';

const id = (value: string, mode = 'id') => ({ __rl: true, mode, value });
const monthly = { details: { interval: 'month', interval_count: 1, unit_amount: 9.99 } };

describeRouting(
	'Subscription operations through n8n-core routing',
	'subscription',
	[
		{
			name: 'Create sends the reference minimal request (customer resource locator → its value)',
			parameters: {
				operation: 'create',
				customer_id: id('cus_1JA7UDDQG3800', 'list'),
				currency: 'USD',
				recurring: monthly,
				additionalFields: {},
			},
			method: 'POST',
			path: '/api/v1/subscriptions/create',
			body: {
				customer_id: 'cus_1JA7UDDQG3800',
				currency: 'USD',
				recurring: { interval: 'month', interval_count: 1, unit_amount: 9.99 },
			},
		},
		{
			name: 'Create sends the optional fields, an order (products `items` group → array), a trimmed locator value and total_billing_cycles through Extra Fields',
			parameters: {
				operation: 'create',
				customer_id: id('  cus_1  '),
				currency: 'EUR',
				recurring: { details: { interval: 'week', interval_count: 2, unit_amount: 5 } },
				additionalFields: {
					collection_method: 'send_invoice',
					days_until_due: 14,
					default_payment_method: 'pm_1',
					description: 'Coffee club',
					current_period_start: '2025-06-01T00:00:00Z',
					order: { details: { products: { items: [{ name: 'Beans', quantity: 1, unit_price: 5 }] } } },
					metadata: { entries: [{ key: 'plan', value: 'gold' }] },
					extraFields: '{"recurring":{"total_billing_cycles":12}}',
				},
			},
			method: 'POST',
			path: '/api/v1/subscriptions/create',
			body: {
				customer_id: 'cus_1',
				currency: 'EUR',
				recurring: { interval: 'week', interval_count: 2, unit_amount: 5, total_billing_cycles: 12 },
				collection_method: 'send_invoice',
				days_until_due: 14,
				default_payment_method: 'pm_1',
				description: 'Coffee club',
				current_period_start: '2025-06-01T00:00:00Z',
				order: { products: [{ name: 'Beans', quantity: 1, unit_price: 5 }] },
				metadata: { plan: 'gold' },
			},
		},
		{
			name: 'Get reads one subscription by ID',
			parameters: { operation: 'get', subscriptionId: id('sub_A-b_9', 'list') },
			method: 'GET',
			path: '/api/v1/subscriptions/sub_A-b_9',
		},
		{
			name: 'Update sends the reference example fields',
			parameters: {
				operation: 'update',
				subscriptionId: id('sub_1JBQUBE5K0000'),
				updateFields: {
					currency: 'USD',
					customer_id: 'cus_1JA7UDDQG3800',
					recurring: { details: { interval: 'year', interval_count: 1, unit_amount: 112 } },
					default_payment_method: 'pm_2',
					description: 'upgraded',
					collection_method: 'send_invoice',
					metadata: { entries: [{ key: 'k', value: 'v' }] },
				},
			},
			method: 'POST',
			path: '/api/v1/subscriptions/sub_1JBQUBE5K0000',
			body: {
				currency: 'USD',
				customer_id: 'cus_1JA7UDDQG3800',
				recurring: { interval: 'year', interval_count: 1, unit_amount: 112 },
				default_payment_method: 'pm_2',
				description: 'upgraded',
				collection_method: 'send_invoice',
				metadata: { k: 'v' },
			},
		},
		{
			name: 'Cancel without fields sends no body',
			parameters: { operation: 'cancel', subscriptionId: id('sub_1'), additionalFields: {} },
			method: 'POST',
			path: '/api/v1/subscriptions/sub_1/cancel',
		},
		{
			name: 'Cancel sends period end, cancellation details and flags',
			parameters: {
				operation: 'cancel',
				subscriptionId: id('sub_1'),
				additionalFields: {
					cancel_at_period_end: true,
					cancellation_details: { comment: 'moving', feedback: 'too_expensive' },
					invoice_now: false,
					prorate: true,
				},
			},
			method: 'POST',
			path: '/api/v1/subscriptions/sub_1/cancel',
			body: {
				cancel_at_period_end: true,
				cancellation_details: { comment: 'moving', feedback: 'too_expensive' },
				invoice_now: false,
				prorate: true,
			},
		},
		{
			name: 'Get Many sends the customer and status filters, Canceled spelt as the SDK does',
			parameters: {
				operation: 'getAll',
				returnAll: false,
				limit: 10,
				filters: { customer_id: 'cus_1', status: 'canceled' },
			},
			method: 'GET',
			path: '/api/v1/subscriptions',
			query: { customer_id: 'cus_1', status: 'canceled', page_num: '0', page_size: '10' },
		},
		{
			name: "Get Many with the status 'cancelled' (a saved workflow, an expression) asks for 'canceled' too",
			parameters: { operation: 'getAll', returnAll: false, limit: 10, filters: { status: 'cancelled' } },
			method: 'GET',
			path: '/api/v1/subscriptions',
			query: { status: 'canceled', page_num: '0', page_size: '10' },
		},
	],
	[
		{
			name: 'customer (resource locator) empty',
			parameters: { operation: 'create', customer_id: id(' '), currency: 'USD', recurring: monthly },
			message: /^'Customer ID' is required \[item 0\]$/,
		},
		{
			name: 'empty subscription ID',
			parameters: { operation: 'cancel', subscriptionId: id('  ') },
			message: /^'Subscription ID' is empty \[item 0\]$/,
		},
		{
			name: 'metadata key empty',
			parameters: {
				operation: 'update',
				subscriptionId: id('sub_1'),
				updateFields: { metadata: { entries: [{ key: ' ', value: 'v' }] } },
			},
			message: /^'Metadata' has a row with an empty key \[item 0\]$/,
		},
	],
	{
		parameters: { filters: { status: 'active' } },
		path: '/api/v1/subscriptions',
		query: { status: 'active' },
	},
);
