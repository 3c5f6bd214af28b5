'use strict';
/**
 * Test-card rules (documented in emulator/README.md). The outcome is chosen by the LAST FOUR
 * digits of the card number; every other card number succeeds.
 */

/**
 * @typedef {object} CardOutcome
 * @property {'success'|'decline'|'three_ds'} kind
 * @property {{code: string, decline_code: string|null, message: string, type: string}} [error]
 */

/** @type {Record<string, CardOutcome>} */
const RULES = {
	'0002': {
		kind: 'decline',
		error: {
			code: 'card_declined',
			decline_code: 'insufficient_funds',
			message: 'Your card has insufficient funds.',
			type: 'card_error',
		},
	},
	'0069': {
		kind: 'decline',
		error: {
			code: 'card_declined',
			decline_code: 'expired_card',
			message: 'Your card has expired.',
			type: 'card_error',
		},
	},
	'0127': {
		kind: 'decline',
		error: {
			code: 'card_declined',
			decline_code: 'incorrect_cvc',
			message: "Your card's security code is incorrect.",
			type: 'card_error',
		},
	},
	9979: {
		kind: 'decline',
		error: {
			code: 'card_declined',
			decline_code: 'stolen_card',
			message: 'Your card was declined.',
			type: 'card_error',
		},
	},
	'0119': {
		kind: 'decline',
		error: {
			code: 'processing_error',
			decline_code: null,
			message: 'An error occurred while processing your card. Try again.',
			type: 'card_error',
		},
	},
	3155: { kind: 'three_ds' },
};

/** Error recorded when the simulated 3-D Secure challenge is failed. */
const AUTH_FAILED = {
	code: 'authentication_failed',
	decline_code: null,
	message: 'The 3-D Secure authentication failed.',
	type: 'card_error',
};

/** Error recorded on an invoice whose payment fails because of the customer's email (fail...). */
const INVOICE_FAILED = {
	code: 'card_declined',
	decline_code: 'insufficient_funds',
	message: 'Your card has insufficient funds.',
	type: 'card_error',
};

/**
 * @param {string|null|undefined} last4
 * @returns {CardOutcome}
 */
function outcomeFor(last4) {
	return (last4 && RULES[last4]) || { kind: 'success' };
}

/** @param {string} number */
function brandOf(number) {
	if (/^4/.test(number)) return 'visa';
	if (/^(5[1-5]|2[2-7])/.test(number)) return 'mastercard';
	if (/^3[47]/.test(number)) return 'amex';
	if (/^35/.test(number)) return 'jcb';
	if (/^62/.test(number)) return 'unionpay';
	if (/^6/.test(number)) return 'discover';
	return 'unknown';
}

/** Digits of a card number (spaces and dashes dropped). @param {string} n */
const digitsOf = (n) => String(n).replace(/[\s-]/g, '');

module.exports = { RULES, AUTH_FAILED, INVOICE_FAILED, outcomeFor, brandOf, digitsOf };
