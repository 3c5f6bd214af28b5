import { describeRouting } from '../support/routingTable';

const id = (value: string, mode = 'id') => ({ __rl: true, mode, value });
const PI = '1012500000000000001';
const REFUND = '3f2a9c0d5e6b47a18c9d0e1f2a3b4c5d';

describeRouting(
	'Refund operations through n8n-core routing',
	'refund',
	[
		{
			name: 'Create sends the reference example exactly (payment intent picked from the list)',
			parameters: {
				operation: 'create',
				payment_intent_id: id(PI, 'list'),
				additionalFields: { amount: 12.5, currency: 'USD', reason: 'customer returned item' },
			},
			method: 'POST',
			path: '/api/v1/refunds/create',
			body: { payment_intent_id: PI, amount: 12.5, currency: 'USD', reason: 'customer returned item' },
		},
		{
			name: 'Create without an amount asks for a full refund',
			parameters: { operation: 'create', payment_intent_id: id(PI), additionalFields: { reason: 'duplicate' } },
			method: 'POST',
			path: '/api/v1/refunds/create',
			body: { payment_intent_id: PI, reason: 'duplicate' },
		},
		{
			name: 'Create accepts the payment intent ID as an expression',
			parameters: {
				operation: 'create',
				payment_intent_id: id(`={{ "${PI}" }}`),
				additionalFields: { metadata: { entries: [{ key: 'ticket', value: 'T-1' }] }, extraFields: '{"locale":"en"}' },
			},
			method: 'POST',
			path: '/api/v1/refunds/create',
			body: { payment_intent_id: PI, metadata: { ticket: 'T-1' }, locale: 'en' },
		},
		{
			name: 'Get reads one refund by ID',
			parameters: { operation: 'get', refundId: id(REFUND, 'list') },
			method: 'GET',
			path: `/api/v1/refunds/${REFUND}`,
		},
		{
			name: 'Update sends reason and metadata',
			parameters: {
				operation: 'update',
				refundId: id(REFUND),
				updateFields: { reason: 'damaged', metadata: { entries: [{ key: 'k', value: 'v' }] } },
			},
			method: 'POST',
			path: `/api/v1/refunds/${REFUND}`,
			body: { reason: 'damaged', metadata: { k: 'v' } },
		},
		{
			name: 'Get Many sends the payment intent and status filters',
			parameters: {
				operation: 'getAll',
				returnAll: false,
				limit: 20,
				filters: { payment_intent_id: PI, status: 'failed' },
			},
			method: 'GET',
			path: '/api/v1/refunds',
			query: { payment_intent_id: PI, status: 'failed', page_num: '0', page_size: '20' },
		},
	],
	[
		{
			name: 'payment intent (resource locator) empty',
			parameters: { operation: 'create', payment_intent_id: id('={{ "" }}') },
			message: /^'Payment Intent ID' is required \[item 0\]$/,
		},
		{
			name: 'empty refund ID',
			parameters: { operation: 'update', refundId: id(' '), updateFields: { reason: 'x' } },
			message: /^'Refund ID' is empty \[item 0\]$/,
		},
	],
	{
		parameters: { filters: { payment_intent_id: PI, from_created_at: '2024-09-29T07:44:50.774Z' } },
		path: '/api/v1/refunds',
		query: { payment_intent_id: PI, from_created_at: '2024-09-29T07:44:50.774Z' },
	},
);
