import { getOperation, useePayResource } from '../../shared/resource';
import { cancel } from './cancel';
import { create } from './create';
import { getMany } from './getAll';
import { update } from './update';

export const subscription = useePayResource({
	value: 'subscription',
	displayName: 'Subscription',
	idPlaceholder: 'e.g. sub_1JBPC9HT80000',
	list: { label: (s) => `${s.customer_id ?? 'Subscription'} · ${s.status ?? ''}` },
	operations: [
		cancel,
		create,
		getOperation('a subscription', '/api/v1/subscriptions/{subscriptionId}'),
		getMany,
		update,
	],
});
