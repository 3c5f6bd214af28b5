import { describeRouting } from '../support/routingTable';

const id = (value: string, mode = 'id') => ({ __rl: true, mode, value });

const card = {
	details: {
		number: '4111111111111111',
		expiry_month: '04',
		expiry_year: '2030',
		cvc: '123',
		name: 'Ada',
		number_type: 'pan',
	},
};

describeRouting(
	'Payment method operations through n8n-core routing',
	'paymentMethod',
	[
		{
			name: 'Create sends type, card and every additional field',
			parameters: {
				operation: 'create',
				type: 'card',
				card,
				additionalFields: {
					customer_id: 'cus_1KX0CUSTOMER0',
					billing: {
						details: {
							name: 'Ada Lovelace',
							email: 'ada@example.com',
							phone: '+44 20',
							address: { details: { line1: '1 Main St', city: 'London', country: 'GB' } },
						},
					},
					metadata: { entries: [{ key: 'crm', value: '42' }] },
					extraFields: '{"card":{"number_type":"pan"},"livemode":false}',
				},
			},
			method: 'POST',
			path: '/api/v1/payment_methods/create',
			body: {
				type: 'card',
				card: {
					number: '4111111111111111',
					expiry_month: '04',
					expiry_year: '2030',
					cvc: '123',
					name: 'Ada',
					number_type: 'pan',
				},
				customer_id: 'cus_1KX0CUSTOMER0',
				billing: {
					name: 'Ada Lovelace',
					email: 'ada@example.com',
					phone: '+44 20',
					address: { line1: '1 Main St', city: 'London', country: 'GB' },
				},
				metadata: { crm: '42' },
				livemode: false,
			},
		},
		{
			name: 'Get reads one payment method by ID',
			parameters: { operation: 'get', paymentMethodId: id('pm_A-b_9', 'list') },
			method: 'GET',
			path: '/api/v1/payment_methods/pm_A-b_9',
		},
		{
			name: 'Update sends the reference example exactly',
			parameters: {
				operation: 'update',
				paymentMethodId: id('pm_1'),
				updateFields: { billing: { details: { email: 'new@example.com' } } },
			},
			method: 'POST',
			path: '/api/v1/payment_methods/pm_1',
			body: { billing: { email: 'new@example.com' } },
		},
		{
			name: 'Get Many with customer and type filters',
			parameters: { operation: 'getAll', returnAll: true, filters: { customer_id: 'cus_1', type: 'card' } },
			method: 'GET',
			path: '/api/v1/payment_methods',
			query: { customer_id: 'cus_1', type: 'card', page_num: '0', page_size: '100' },
		},
	],
	[
		{
			name: 'no card',
			parameters: { operation: 'create', type: 'card', card: {} },
			message: /^'Card' is required \[item 0\]$/,
		},
		{
			name: 'malformed billing email',
			parameters: {
				operation: 'create',
				type: 'card',
				card,
				additionalFields: { billing: { details: { email: 'not-an-email' } } },
			},
			message: /^'Email' is not a valid email address \[item 0\]$/,
		},
		{
			name: 'empty payment method ID',
			parameters: { operation: 'update', paymentMethodId: id(' '), updateFields: { customer_id: 'cus_1' } },
			message: /^'Payment Method ID' is empty \[item 0\]$/,
		},
	],
	{
		parameters: { filters: { type: 'card' } },
		path: '/api/v1/payment_methods',
		query: { type: 'card' },
	},
);
