import type { INodeProperties } from 'n8n-workflow';

import { resourceLocator } from '../../shared/locators';
import { operation } from '../../shared/operations';

// STUB: to be completed with every operation of the reference (one file per operation).
const show = { resource: ['webhook'] };

export const webhookDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			operation({
				name: 'Get',
				value: 'get',
				action: 'Get a webhook',
				description: 'Retrieve a webhook',
				method: 'GET',
				path: '/api/v1/webhooks/{webhookId}',
			}),
		],
		default: 'get',
	},
	{
		...resourceLocator({
			name: 'webhookId',
			displayName: 'Webhook',
			searchListMethod: 'searchWebhooks',
			placeholder: 'e.g. wek_1KX0HOOK0000',
		}),
		displayOptions: { show: { ...show, operation: ['get'] } },
	},
];
