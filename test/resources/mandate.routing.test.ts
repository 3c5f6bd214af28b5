import { describeRouting } from '../support/routingTable';

const id = (value: string, mode = 'id') => ({ __rl: true, mode, value });

const acceptance = {
	details: {
		type: 'online',
		accepted_at: '2025-05-01T09:00:00Z',
		online: { details: { ip_address: '203.0.113.7', user_agent: 'Mozilla/5.0' } },
	},
};

describeRouting(
	'Mandate operations through n8n-core routing',
	'mandate',
	[
		{
			name: 'Create sends the reference example exactly, plus metadata and extra fields',
			parameters: {
				operation: 'create',
				customer_id: 'cus_1KX0CUSTOMER0',
				customer_acceptance: acceptance,
				additionalFields: {
					payment_intent_id: '1012500000000000001',
					metadata: { entries: [{ key: 'plan', value: 'gold' }] },
					extraFields: '{"customer_acceptance":{"online":{"locale":"en"}}}',
				},
			},
			method: 'POST',
			path: '/api/v1/mandates/create',
			body: {
				customer_id: 'cus_1KX0CUSTOMER0',
				payment_intent_id: '1012500000000000001',
				customer_acceptance: {
					type: 'online',
					accepted_at: '2025-05-01T09:00:00Z',
					online: { ip_address: '203.0.113.7', user_agent: 'Mozilla/5.0', locale: 'en' },
				},
				metadata: { plan: 'gold' },
			},
		},
		{
			name: 'Create with only the required fields sends nothing else',
			parameters: {
				operation: 'create',
				customer_id: 'cus_1',
				customer_acceptance: { details: { type: 'offline', accepted_at: '2025-05-01T09:00:00Z' } },
				additionalFields: {},
			},
			method: 'POST',
			path: '/api/v1/mandates/create',
			body: { customer_id: 'cus_1', customer_acceptance: { type: 'offline', accepted_at: '2025-05-01T09:00:00Z' } },
		},
		{
			name: 'Get reads one mandate by ID',
			parameters: { operation: 'get', mandateId: id('man_A-b_9', 'list') },
			method: 'GET',
			path: '/api/v1/mandates/man_A-b_9',
		},
		{
			name: 'Update sends the acceptance and metadata',
			parameters: {
				operation: 'update',
				mandateId: id('man_1KX0EXAMPLE00'),
				updateFields: {
					customer_acceptance: { details: { type: 'online', accepted_at: '2025-05-01T09:00:00Z' } },
					metadata: { entries: [{ key: 'k', value: 'v' }] },
				},
			},
			method: 'POST',
			path: '/api/v1/mandates/man_1KX0EXAMPLE00',
			body: { customer_acceptance: { type: 'online', accepted_at: '2025-05-01T09:00:00Z' }, metadata: { k: 'v' } },
		},
		{
			name: 'Get Many with customer and status filters',
			parameters: {
				operation: 'getAll',
				returnAll: false,
				limit: 5,
				filters: { customer_id: 'cus_1', status: 'active' },
			},
			method: 'GET',
			path: '/api/v1/mandates',
			query: { customer_id: 'cus_1', status: 'active', page_num: '0', page_size: '5' },
		},
	],
	[
		{
			name: 'empty customer ID',
			parameters: { operation: 'create', customer_id: '={{ "" }}', customer_acceptance: acceptance },
			message: /^'Customer ID' is required \[item 0\]$/,
		},
		{
			name: 'no customer acceptance',
			parameters: { operation: 'create', customer_id: 'cus_1', customer_acceptance: {} },
			message: /^'Customer Acceptance' is required \[item 0\]$/,
		},
		{
			name: 'empty mandate ID',
			parameters: { operation: 'get', mandateId: id('  ') },
			message: /^'Mandate ID' is empty \[item 0\]$/,
		},
	],
	{
		parameters: { filters: { customer_id: 'cus_1KX0CUSTOMER0' } },
		path: '/api/v1/mandates',
		query: { customer_id: 'cus_1KX0CUSTOMER0' },
	},
);
