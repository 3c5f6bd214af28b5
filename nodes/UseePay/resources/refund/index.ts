import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/operations';
import { refundCreateFields } from './create';
import { refundGetFields } from './get';
import { refundGetManyFields } from './getAll';
import { refundUpdateFields } from './update';

const showOnlyForRefunds = { resource: ['refund'] };

export const refundDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForRefunds },
		options: [
			operation({
				name: 'Create',
				value: 'create',
				action: 'Create a refund',
				description: 'Refund a succeeded payment, fully or partly',
				method: 'POST',
				path: '/api/v1/refunds/create',
				body: { required: ['payment_intent_id'], collection: 'additionalFields' },
			}),
			operation({
				name: 'Get',
				value: 'get',
				action: 'Get a refund',
				description: 'Retrieve a refund',
				method: 'GET',
				path: '/api/v1/refunds/{refundId}',
			}),
			operation({
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many refunds',
				description: 'List refunds',
				method: 'GET',
				path: '/api/v1/refunds',
				list: true,
			}),
			operation({
				name: 'Update',
				value: 'update',
				action: 'Update a refund',
				description: 'Update the reason or metadata of a refund',
				method: 'POST',
				path: '/api/v1/refunds/{refundId}',
				body: { collection: 'updateFields' },
			}),
		],
		default: 'create',
	},
	...refundCreateFields,
	...refundGetFields,
	...refundGetManyFields,
	...refundUpdateFields,
];
