import { byDisplayName, updateFields } from '../../shared/fields';
import type { OperationSpec } from '../../shared/resource';
import { eventsField, urlField, webhookFields } from './shared';

export const update: OperationSpec = {
	name: 'Update',
	value: 'update',
	action: 'Update a webhook',
	description: 'Update a webhook endpoint (UseePay has no delete: set Status to Disabled instead)',
	method: 'POST',
	path: '/api/v1/webhooks/{webhookId}',
	body: { collection: 'updateFields' },
	fields: [updateFields([...webhookFields, eventsField, urlField].sort(byDisplayName))],
};
