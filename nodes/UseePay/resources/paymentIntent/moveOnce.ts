import { transitionMove } from '../../shared/moneyTransitions';
import { capture } from './capture';
import { confirm } from './confirm';

/**
 * Capture and Confirm move money once (shared/moneyMoves.ts): UseePay refuses both once the
 * payment intent is past them, and the payment intent's status then says whether it moved.
 */
const PAYMENT_INTENT = '/api/v1/payment_intents/{paymentIntentId}';
const safeAgain = (operation: string) =>
	`Running ${operation} again is safe: the payment intent is returned, not charged twice`;

export const prepareCapture = transitionMove({
	op: capture,
	idParameter: 'paymentIntentId',
	objectPath: PAYMENT_INTENT,
	done: ['succeeded'],
	noun: 'capture',
	pastTense: 'captured',
	howToCheck: (id) =>
		`run Payment Intent → Get for ${id}: status succeeded means it was captured. ${safeAgain('Capture')}`,
	paymentOf: 'payment intent',
});

/** After a confirm: paid (succeeded), authorised (requires_capture), or waiting for 3-D Secure or the network. */
const CONFIRMED = ['succeeded', 'requires_capture', 'requires_customer_action', 'pending'];

export const prepareConfirm = transitionMove({
	op: confirm,
	idParameter: 'paymentIntentId',
	objectPath: PAYMENT_INTENT,
	done: CONFIRMED,
	noun: 'payment',
	pastTense: 'charged',
	howToCheck: (id) =>
		`run Payment Intent → Get for ${id}: status ${CONFIRMED.join(', ')} means it was confirmed. ${safeAgain('Confirm')}`,
	paymentOf: 'payment intent',
});
