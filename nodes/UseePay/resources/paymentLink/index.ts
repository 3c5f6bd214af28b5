import { getOperation, useePayResource } from '../../shared/resource';
import { create } from './create';
import { getMany } from './getAll';
import { update } from './update';

/** Payment links: hosted pages a payer opens to pay. */
export const paymentLink = useePayResource({
	value: 'paymentLink',
	displayName: 'Payment Link',
	idPlaceholder: 'e.g. plk_1JA7UDDQG3800',
	list: { label: (l) => String(l.name || l.url || 'Payment link') },
	operations: [create, getOperation('a payment link', '/api/v1/payment_links/{paymentLinkId}'), getMany, update],
});
