import type { INodeProperties } from 'n8n-workflow';

import { getManyFields, statusFilter } from '../../shared/pagination';
import { webhookStatusOptions } from './shared';

const showOnlyForWebhookGetMany = { operation: ['getAll'], resource: ['webhook'] };

export const webhookGetManyFields: INodeProperties[] = getManyFields(
	showOnlyForWebhookGetMany,
	[statusFilter(webhookStatusOptions, 'enabled')],
	'webhooks',
);
