import { transitionMove } from '../../shared/moneyTransitions';
import { pay } from './pay';

/** Pay moves money once (shared/moneyMoves.ts): UseePay refuses to pay a paid invoice. */
export const preparePay = transitionMove({
	op: pay,
	idParameter: 'invoiceId',
	objectPath: '/api/v1/invoices/{invoiceId}',
	done: ['paid'],
	noun: 'payment',
	pastTense: 'paid',
	howToCheck: (id) =>
		`run Invoice → Get for ${id}: status paid means it was paid. Running Pay again is safe: a paid invoice is returned, not paid again`,
	paymentOf: 'invoice',
});
