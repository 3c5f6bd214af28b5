import { describeRouting } from '../support/routingTable';

const id = (value: string, mode = 'id') => ({ __rl: true, mode, value });

const required = {
	mode: 'payment',
	ui_mode: 'custom',
	amount: 49,
	currency: 'USD',
	merchant_order_id: 'ORD-2025-0001',
	line_items: {
		items: [
			{
				quantity: 1,
				price_data: {
					details: { product_data: { details: { name: 'Annual licence' } }, unit_amount: 49, currency: 'USD' },
				},
			},
		],
	},
	billing: { details: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' } },
};

describeRouting(
	'Checkout session operations through n8n-core routing',
	'checkoutSession',
	[
		{
			name: 'Create sends the reference example exactly',
			parameters: {
				operation: 'create',
				...required,
				additionalFields: {
					customer: { details: { name: 'Ada Lovelace', merchant_customer_id: 'crm-77', email: 'ada@example.com' } },
					payment_method_types: ['card'],
					metadata: { entries: [{ key: 'source', value: 'n8n' }] },
				},
			},
			method: 'POST',
			path: '/api/v1/checkout_sessions',
			body: {
				mode: 'payment',
				ui_mode: 'custom',
				amount: 49,
				currency: 'USD',
				merchant_order_id: 'ORD-2025-0001',
				customer: { name: 'Ada Lovelace', merchant_customer_id: 'crm-77', email: 'ada@example.com' },
				line_items: [
					{ quantity: 1, price_data: { product_data: { name: 'Annual licence' }, unit_amount: 49, currency: 'USD' } },
				],
				payment_method_types: ['card'],
				billing: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' },
				metadata: { source: 'n8n' },
			},
		},
		{
			name: 'Create in subscription mode sends recurring, subscription data and collection method',
			parameters: {
				operation: 'create',
				...required,
				mode: 'subscription',
				amount: 10,
				line_items: {
					items: [
						{
							quantity: 2,
							price_data: {
								details: {
									product_data: { details: { name: 'Seat', desc: 'Per user' } },
									unit_amount: 5,
									recurring: { interval: 'month', interval_count: 1, total_billing_cycles: 12 },
								},
							},
						},
					],
				},
				additionalFields: {
					customer_id: 'cus_1',
					collection_method: 'auto_charge',
					subscription_data: {
						details: { discount_period_config: { details: { discount_period_count: 2, discount_period_amount: 3.5 } } },
					},
					shipping: {
						details: { name: 'Ada', phone: '+44 20', address: { details: { line1: '1 Main St', country: 'GB' } } },
					},
				},
			},
			method: 'POST',
			path: '/api/v1/checkout_sessions',
			body: {
				mode: 'subscription',
				ui_mode: 'custom',
				amount: 10,
				currency: 'USD',
				merchant_order_id: 'ORD-2025-0001',
				customer_id: 'cus_1',
				line_items: [
					{
						quantity: 2,
						price_data: {
							product_data: { name: 'Seat', desc: 'Per user' },
							unit_amount: 5,
							recurring: { interval: 'month', interval_count: 1, total_billing_cycles: 12 },
						},
					},
				],
				collection_method: 'auto_charge',
				subscription_data: { discount_period_config: { discount_period_count: 2, discount_period_amount: 3.5 } },
				billing: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' },
				shipping: { name: 'Ada', phone: '+44 20', address: { line1: '1 Main St', country: 'GB' } },
			},
		},
		{
			name: 'Create in subscription mode without Subscription Data sends it empty (UseePay answers 400 without it)',
			parameters: {
				operation: 'create',
				...required,
				mode: 'subscription',
				additionalFields: { collection_method: 'auto_charge', subscription_data: { details: {} } },
			},
			method: 'POST',
			path: '/api/v1/checkout_sessions',
			body: {
				mode: 'subscription',
				ui_mode: 'custom',
				amount: 49,
				currency: 'USD',
				merchant_order_id: 'ORD-2025-0001',
				line_items: [
					{ quantity: 1, price_data: { product_data: { name: 'Annual licence' }, unit_amount: 49, currency: 'USD' } },
				],
				billing: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' },
				collection_method: 'auto_charge',
				subscription_data: {},
			},
		},
		{
			name: 'Create in payment mode sends no subscription data',
			parameters: { operation: 'create', ...required, additionalFields: {} },
			method: 'POST',
			path: '/api/v1/checkout_sessions',
			body: {
				mode: 'payment',
				ui_mode: 'custom',
				amount: 49,
				currency: 'USD',
				merchant_order_id: 'ORD-2025-0001',
				line_items: [
					{ quantity: 1, price_data: { product_data: { name: 'Annual licence' }, unit_amount: 49, currency: 'USD' } },
				],
				billing: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' },
			},
		},
		{
			name: 'Get reads one checkout session by ID',
			parameters: { operation: 'get', checkoutSessionId: id('cs_A-b_9', 'list') },
			method: 'GET',
			path: '/api/v1/checkout_sessions/cs_A-b_9',
		},
	],
	[
		{
			name: 'empty merchant order ID',
			parameters: { operation: 'create', ...required, merchant_order_id: '={{ "" }}' },
			message: /^'Merchant Order ID' is required \[item 0\]$/,
		},
		{
			name: 'no line items',
			parameters: { operation: 'create', ...required, line_items: {} },
			message: /^'Line Items' is required \[item 0\]$/,
		},
		{
			name: 'no billing',
			parameters: { operation: 'create', ...required, billing: {} },
			message: /^'Billing' is required \[item 0\]$/,
		},
		{
			name: 'malformed billing email',
			parameters: {
				operation: 'create',
				...required,
				billing: { details: { first_name: 'Ada', last_name: 'L', email: 'nope' } },
			},
			message: /^'Email' is not a valid email address \[item 0\]$/,
		},
		{
			name: 'empty checkout session ID',
			parameters: { operation: 'get', checkoutSessionId: id(' ') },
			message: /^'Checkout Session ID' is empty \[item 0\]$/,
		},
	],
);
