import { byDisplayName } from '../../shared/fields';
import { updateOperation } from '../../shared/resource';
import { eventsField, urlField, webhookFields } from './shared';

export const update = updateOperation(
	'a webhook',
	'/api/v1/webhooks/{webhookId}',
	[...webhookFields, eventsField, urlField].sort(byDisplayName),
	'Update a webhook endpoint (UseePay has no delete: set Status to Disabled instead)',
);
