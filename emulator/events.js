'use strict';
/** Webhook event catalogue (from the reference's webhook-events.json) and api_version rules. */

const EVENT_NAMES = Object.freeze([
	'payment_intent.created',
	'payment_intent.requires_payment_method',
	'payment_intent.requires_customer_action',
	'payment_intent.requires_capture',
	'payment_intent.pending',
	'payment_intent.succeeded',
	'payment_intent.cancelled',
	'payment_intent.failed',
	'refund.received',
	'refund.accepted',
	'refund.succeeded',
	'refund.failed',
	'subscription.created',
	'subscription.active',
	'subscription.paused',
	'subscription.unpaid',
	'subscription.cancelled',
	'subscription.expired',
	'subscription.updated',
	'invoice.sent',
	'invoice.open',
	'invoice.paid',
	'invoice.payment_failed',
	'invoice.cancelled',
	'checkout_session.completed',
	'checkout_session.expired',
	'dispute.created',
	'dispute.closed',
	'payment_method.created',
	'payment_method.updated',
]);

const DEFAULT_API_VERSION = '2026-04';

/**
 * JSON bodies for 2025-11-06 and later (incl. 2026-04); form-encoded `data=` for older versions.
 * Versions compare as strings (YYYY-MM[-DD]).
 * @param {string|null|undefined} apiVersion
 * @returns {boolean}
 */
function isJsonVersion(apiVersion) {
	const v = apiVersion || DEFAULT_API_VERSION;
	return v >= '2025-11-06' || v.startsWith('2025-11-06');
}

module.exports = { EVENT_NAMES, DEFAULT_API_VERSION, isJsonVersion };
