import { getOperation, updateOperation, useePayResource } from '../../shared/resource';
import { create } from './create';
import { getMany } from './getAll';
import { paymentMethodFields } from './shared';

/**
 * Payment methods (stored cards). UseePay's reference pages for them were still "Developing", so
 * paths and fields follow its conventions and demo (see the API reference §1). The Apple Pay
 * merchant session and payment method configuration endpoints are browser-checkout helpers and
 * are left out on purpose.
 */
export const paymentMethod = useePayResource({
	value: 'paymentMethod',
	displayName: 'Payment Method',
	idPlaceholder: 'e.g. pm_1JA7UDDQG3800',
	list: { label: (m) => `${m.type ?? 'method'} ${((m.card as { last4?: string }) ?? {}).last4 ?? ''}` },
	operations: [
		create,
		getOperation('a payment method', '/api/v1/payment_methods/{paymentMethodId}'),
		getMany,
		updateOperation('a payment method', '/api/v1/payment_methods/{paymentMethodId}', paymentMethodFields),
	],
});
