import type { INodeProperties } from 'n8n-workflow';

import { getManyFields, idFilter, statusFilter } from '../../shared/pagination';

const showOnlyForRefundGetMany = { operation: ['getAll'], resource: ['refund'] };

export const refundGetManyFields: INodeProperties[] = getManyFields(
	showOnlyForRefundGetMany,
	[
		idFilter('payment_intent_id', 'Payment Intent ID', '1012500000000000001'),
		statusFilter(
			[
				{ name: 'Accepted', value: 'accepted', description: 'In progress at the acquirer' },
				{ name: 'Failed', value: 'failed' },
				{ name: 'Received', value: 'received', description: 'Queued' },
				{ name: 'Succeeded', value: 'succeeded' },
			],
			'succeeded',
		),
	],
	'refunds',
);
