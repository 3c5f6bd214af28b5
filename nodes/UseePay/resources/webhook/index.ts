import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/operations';
import { webhookCreateFields } from './create';
import { webhookGetFields } from './get';
import { webhookGetManyFields } from './getAll';
import { webhookUpdateFields } from './update';

const showOnlyForWebhooks = { resource: ['webhook'] };

/** Webhook endpoints (the management API): where and which events UseePay delivers. */
export const webhookDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForWebhooks },
		options: [
			operation({
				name: 'Create',
				value: 'create',
				action: 'Create a webhook',
				description: 'Create a webhook endpoint',
				method: 'POST',
				path: '/api/v1/webhooks/create',
				body: { required: ['url', 'events'], collection: 'additionalFields' },
			}),
			operation({
				name: 'Get',
				value: 'get',
				action: 'Get a webhook',
				description: 'Retrieve a webhook endpoint',
				method: 'GET',
				path: '/api/v1/webhooks/{webhookId}',
			}),
			operation({
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many webhooks',
				description: 'List webhook endpoints',
				method: 'GET',
				path: '/api/v1/webhooks',
				list: true,
			}),
			operation({
				name: 'Update',
				value: 'update',
				action: 'Update a webhook',
				description: 'Update a webhook endpoint (UseePay has no delete: set Status to Disabled instead)',
				method: 'POST',
				path: '/api/v1/webhooks/{webhookId}',
				body: { collection: 'updateFields' },
			}),
		],
		default: 'create',
	},
	...webhookCreateFields,
	...webhookGetFields,
	...webhookGetManyFields,
	...webhookUpdateFields,
];
