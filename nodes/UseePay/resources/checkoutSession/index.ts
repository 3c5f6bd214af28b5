import { getOperation, useePayResource } from '../../shared/resource';
import { create } from './create';

/** Checkout sessions: a payment (or subscription) the customer completes with UseePay.js. */
export const checkoutSession = useePayResource({
	value: 'checkoutSession',
	displayName: 'Checkout Session',
	idPlaceholder: 'e.g. cs_1JA7UDDQG3800',
	// No Get Many operation: the locator lists them all the same.
	list: {
		path: '/api/v1/checkout_sessions',
		label: (s) => `${s.status ?? 'session'} ${s.amount ?? ''} ${s.currency ?? ''}`,
	},
	operations: [create, getOperation('a checkout session', '/api/v1/checkout_sessions/{checkoutSessionId}')],
});
