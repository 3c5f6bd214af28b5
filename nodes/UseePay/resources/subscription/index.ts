import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/operations';
import { subscriptionCancelFields } from './cancel';
import { subscriptionCreateFields } from './create';
import { subscriptionGetFields } from './get';
import { subscriptionGetManyFields } from './getAll';
import { subscriptionUpdateFields } from './update';

const showOnlyForSubscriptions = { resource: ['subscription'] };

export const subscriptionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForSubscriptions },
		options: [
			operation({
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel a subscription',
				description: 'Cancel a subscription',
				method: 'POST',
				path: '/api/v1/subscriptions/{subscriptionId}/cancel',
				body: { collection: 'additionalFields' },
			}),
			operation({
				name: 'Create',
				value: 'create',
				action: 'Create a subscription',
				description: 'Create a subscription',
				method: 'POST',
				path: '/api/v1/subscriptions/create',
				body: { required: ['customer_id', 'currency', 'recurring'], collection: 'additionalFields' },
			}),
			operation({
				name: 'Get',
				value: 'get',
				action: 'Get a subscription',
				description: 'Retrieve a subscription',
				method: 'GET',
				path: '/api/v1/subscriptions/{subscriptionId}',
			}),
			operation({
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many subscriptions',
				description: 'List subscriptions',
				method: 'GET',
				path: '/api/v1/subscriptions',
				list: true,
			}),
			operation({
				name: 'Update',
				value: 'update',
				action: 'Update a subscription',
				description: 'Update a subscription',
				method: 'POST',
				path: '/api/v1/subscriptions/{subscriptionId}',
				body: { collection: 'updateFields' },
			}),
		],
		default: 'create',
	},
	...subscriptionCancelFields,
	...subscriptionCreateFields,
	...subscriptionGetFields,
	...subscriptionGetManyFields,
	...subscriptionUpdateFields,
];
