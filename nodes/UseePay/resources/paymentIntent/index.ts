import { getOperation, useePayResource } from '../../shared/resource';
import { cancel } from './cancel';
import { capture } from './capture';
import { confirm } from './confirm';
import { create } from './create';
import { getMany } from './getAll';
import { update } from './update';

export const paymentIntent = useePayResource({
	value: 'paymentIntent',
	displayName: 'Payment Intent',
	idPlaceholder: 'e.g. pi_1JA7UDDQG3800',
	list: {
		label: (p) => `${p.merchant_order_id ?? 'Payment'} · ${p.amount ?? ''} ${p.currency ?? ''} · ${p.status ?? ''}`,
	},
	operations: [
		cancel,
		capture,
		confirm,
		create,
		getOperation('a payment intent', '/api/v1/payment_intents/{paymentIntentId}'),
		getMany,
		update,
	],
});
