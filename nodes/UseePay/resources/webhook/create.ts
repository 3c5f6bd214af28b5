import { additionalFields } from '../../shared/fields';
import type { OperationSpec } from '../../shared/resource';
import { eventsField, urlField, webhookFields } from './shared';

export const create: OperationSpec = {
	name: 'Create',
	value: 'create',
	action: 'Create a webhook',
	description: 'Create a webhook endpoint',
	method: 'POST',
	path: '/api/v1/webhooks/create',
	body: { required: ['url', 'events'], collection: 'additionalFields' },
	fields: [{ ...urlField, required: true }, { ...eventsField, required: true }, additionalFields(webhookFields)],
};
