import type { INodeProperties } from 'n8n-workflow';

import { eventsField, urlField, webhookFields, webhookLocator } from './shared';

const showOnlyForWebhookUpdate = { operation: ['update'], resource: ['webhook'] };

export const webhookUpdateFields: INodeProperties[] = [
	{ ...webhookLocator, displayOptions: { show: showOnlyForWebhookUpdate } },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForWebhookUpdate },
		options: [...webhookFields, eventsField, urlField].sort((a, b) => a.displayName.localeCompare(b.displayName)),
	},
];
