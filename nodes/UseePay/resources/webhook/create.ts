import type { INodeProperties } from 'n8n-workflow';

import { eventsField, urlField, webhookFields } from './shared';

const showOnlyForWebhookCreate = { operation: ['create'], resource: ['webhook'] };

export const webhookCreateFields: INodeProperties[] = [
	{ ...urlField, required: true, displayOptions: { show: showOnlyForWebhookCreate } },
	{ ...eventsField, required: true, displayOptions: { show: showOnlyForWebhookCreate } },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForWebhookCreate },
		options: webhookFields,
	},
];
