import { getOperation, useePayResource } from '../../shared/resource';
import { create } from './create';
import { getMany } from './getAll';
import { update } from './update';

/** Webhook endpoints (the management API): where and which events UseePay delivers. */
export const webhook = useePayResource({
	value: 'webhook',
	displayName: 'Webhook',
	idPlaceholder: 'e.g. wek_1KX0HOOK0000',
	list: { label: (w) => String(w.url || 'Webhook') },
	operations: [
		create,
		getOperation('a webhook', '/api/v1/webhooks/{webhookId}', 'Retrieve a webhook endpoint'),
		getMany,
		update,
	],
});
