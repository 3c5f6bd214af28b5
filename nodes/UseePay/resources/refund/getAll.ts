import { getManyOperation, idFilter, statusFilter } from '../../shared/getMany';

export const getMany = getManyOperation('refunds', 'List refunds', '/api/v1/refunds', [
	idFilter('payment_intent_id', 'Payment Intent ID', '1012500000000000001'),
	statusFilter(
		[
			{ name: 'Accepted', value: 'accepted', description: 'In progress at the acquirer' },
			'failed',
			{ name: 'Received', value: 'received', description: 'Queued' },
			'succeeded',
		],
		'succeeded',
	),
]);
