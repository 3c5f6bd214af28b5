import type { INodeProperties } from 'n8n-workflow';

import { webhookLocator } from './shared';

const showOnlyForWebhookGet = { operation: ['get'], resource: ['webhook'] };

export const webhookGetFields: INodeProperties[] = [
	{ ...webhookLocator, displayOptions: { show: showOnlyForWebhookGet } },
];
