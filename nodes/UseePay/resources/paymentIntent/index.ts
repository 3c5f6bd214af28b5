import { moneyMoveRun } from '../../shared/moneyMoves';
import { getOperation, useePayResource } from '../../shared/resource';
import { cancel } from './cancel';
import { capture } from './capture';
import { confirm } from './confirm';
import { create } from './create';
import { getMany } from './getAll';
import { prepareCapture, prepareConfirm } from './moveOnce';
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
		// Run as code: they move money once, whatever retries happen (moveOnce.ts).
		{ ...capture, run: moneyMoveRun(prepareCapture) },
		{ ...confirm, run: moneyMoveRun(prepareConfirm) },
		create,
		getOperation('a payment intent', '/api/v1/payment_intents/{paymentIntentId}'),
		getMany,
		update,
	],
});
