import { describeRouting } from '../support/routingTable';

const id = (value: string, mode = 'id') => ({ __rl: true, mode, value });

describeRouting(
	'Webhook operations through n8n-core routing',
	'webhook',
	[
		{
			name: 'Create sends url and events, with every additional field',
			parameters: {
				operation: 'create',
				url: 'https://n8n.example.com/webhook/useepay',
				events: ['payment_intent.succeeded', 'refund.succeeded'],
				additionalFields: {
					api_version: '2026-04',
					description: 'n8n trigger',
					metadata: { entries: [{ key: 'source', value: 'n8n' }] },
					status: 'enabled',
					extraFields: '{"secret_hint":"x"}',
				},
			},
			method: 'POST',
			path: '/api/v1/webhooks/create',
			body: {
				url: 'https://n8n.example.com/webhook/useepay',
				events: ['payment_intent.succeeded', 'refund.succeeded'],
				api_version: '2026-04',
				description: 'n8n trigger',
				metadata: { source: 'n8n' },
				status: 'enabled',
				secret_hint: 'x',
			},
		},
		{
			name: 'Create with only the required fields sends nothing else',
			parameters: { operation: 'create', url: 'https://n8n.example.com/hook', events: ['*'], additionalFields: {} },
			method: 'POST',
			path: '/api/v1/webhooks/create',
			body: { url: 'https://n8n.example.com/hook', events: ['*'] },
		},
		{
			name: 'Get reads one webhook by ID',
			parameters: { operation: 'get', webhookId: id('wek_A-b_9', 'list') },
			method: 'GET',
			path: '/api/v1/webhooks/wek_A-b_9',
		},
		{
			name: 'Update sends only the fields set',
			parameters: {
				operation: 'update',
				webhookId: id('wek_1KX0HOOK0000'),
				updateFields: { events: ['*'], status: 'disabled', url: 'https://n8n.example.com/new' },
			},
			method: 'POST',
			path: '/api/v1/webhooks/wek_1KX0HOOK0000',
			body: { events: ['*'], status: 'disabled', url: 'https://n8n.example.com/new' },
		},
		{
			name: 'Get Many with a status filter',
			parameters: { operation: 'getAll', returnAll: false, limit: 10, filters: { status: 'enabled' } },
			method: 'GET',
			path: '/api/v1/webhooks',
			query: { status: 'enabled', page_num: '0', page_size: '10' },
		},
	],
	[
		{
			name: 'no events (an expression that yields an empty list)',
			parameters: { operation: 'create', url: 'https://n8n.example.com/hook', events: '={{ [] }}' },
			message: /^'Events' is required \[item 0\]$/,
		},
		{
			name: 'empty URL (from an expression)',
			parameters: { operation: 'create', url: '={{ "" }}', events: ['*'] },
			message: /^'URL' is required \[item 0\]$/,
		},
		{
			name: 'empty webhook ID',
			parameters: { operation: 'update', webhookId: id(' '), updateFields: { status: 'disabled' } },
			message: /^'Webhook ID' is empty \[item 0\]$/,
		},
	],
	{
		parameters: { filters: { status: 'disabled', from_created_at: '2024-09-29T07:44:50.774Z' } },
		path: '/api/v1/webhooks',
		query: { status: 'disabled', from_created_at: '2024-09-29T07:44:50.774Z' },
	},
);
