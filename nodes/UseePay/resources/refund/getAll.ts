import type { INodeProperties } from 'n8n-workflow';

import { getManyFields, queryFilter } from '../../shared/pagination';

const showOnlyForRefundGetMany = { operation: ['getAll'], resource: ['refund'] };

export const refundGetManyFields: INodeProperties[] = getManyFields(
	showOnlyForRefundGetMany,
	[
		queryFilter({
			displayName: 'Payment Intent ID',
			name: 'payment_intent_id',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1012500000000000001',
		}),
		queryFilter({
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Accepted', value: 'accepted', description: 'In progress at the acquirer' },
				{ name: 'Failed', value: 'failed' },
				{ name: 'Received', value: 'received', description: 'Queued' },
				{ name: 'Succeeded', value: 'succeeded' },
			],
			default: 'succeeded',
		}),
	],
	'refunds',
);
