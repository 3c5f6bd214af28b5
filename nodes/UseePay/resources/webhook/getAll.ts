import type { INodeProperties } from 'n8n-workflow';

import { getManyFields, queryFilter } from '../../shared/pagination';
import { webhookStatusOptions } from './shared';

const showOnlyForWebhookGetMany = { operation: ['getAll'], resource: ['webhook'] };

export const webhookGetManyFields: INodeProperties[] = getManyFields(
	showOnlyForWebhookGetMany,
	[
		queryFilter({
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: webhookStatusOptions,
			default: 'enabled',
		}),
	],
	'webhooks',
);
