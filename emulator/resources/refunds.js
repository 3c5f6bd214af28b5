'use strict';
/**
 * Refunds. Only `succeeded` payment intents can be refunded; the sum of refunds may not exceed
 * the captured amount. Refunds settle immediately: the object is returned with status
 * `succeeded` after `refund.received` and `refund.succeeded` have been emitted.
 */
const { newId, invalid, toMilli, fromMilli, notFound } = require('../util');
const { stamp, val, touch } = require('./common');
const { retrieveRoute, createRoute, updateRoute, listRoute } = require('./routes');

const COLLECTION = 'refunds';

/** @type {Record<string, import('../validate').FieldSpec>} */
const CREATE_SCHEMA = {
	payment_intent_id: { type: 'string', required: true },
	amount: { type: 'number', positive: true, money: true },
	currency: { type: 'string', currency: true },
	reason: { type: 'string' },
	metadata: { type: 'object' },
};

/**
 * The amount to refund (in 1/1000 units) after checking the payment can give it back.
 * @param {import('../store').StoredRecord} piRec
 * @param {Record<string, any>} body
 */
function refundableAmount(piRec, body) {
	const pi = piRec.obj;
	if (pi.status !== 'succeeded')
		throw invalid(
			'payment_intent_id',
			`PaymentIntent ${pi.id} is ${pi.status}; only succeeded payments can be refunded`,
		);
	if (body.currency && String(body.currency).toUpperCase() !== String(pi.currency).toUpperCase())
		throw invalid('currency', `currency must match the payment currency ${pi.currency}`);
	const captured = toMilli(pi.captured_amount ?? pi.amount);
	const refunded = piRec.meta.refunded || 0;
	const remaining = captured - refunded;
	const amount = body.amount === undefined || body.amount === null ? remaining : toMilli(body.amount);
	if (remaining <= 0) throw invalid('amount', `PaymentIntent ${pi.id} has already been fully refunded`);
	if (amount > remaining)
		throw invalid(
			'amount',
			`amount exceeds the refundable amount ${fromMilli(remaining)} (captured ${fromMilli(captured)}, already refunded ${fromMilli(refunded)})`,
		);
	return amount;
}

/** @type {import('./common').Route[]} */
const routes = [
	createRoute('/api/v1/refunds/create', CREATE_SCHEMA, (ctx, body) => {
		const piRec = ctx.store.getRecord(ctx.merchantNo, 'payment_intents', body.payment_intent_id);
		if (!piRec) throw notFound(`PaymentIntent ${body.payment_intent_id}`, 'payment_intent_id');
		const pi = piRec.obj;
		const amount = refundableAmount(piRec, body);
		piRec.meta.refunded = (piRec.meta.refunded || 0) + amount;
		const obj = stamp(ctx, newId('re_'), {
			payment_intent_id: pi.id,
			acquirer_reference_number: null,
			amount: fromMilli(amount),
			currency: pi.currency,
			status: 'received',
			metadata: val(body, 'metadata', {}),
			reason: val(body, 'reason'),
		});
		ctx.store.insert(ctx.merchantNo, COLLECTION, obj);
		ctx.emit('refund.received', obj);
		obj.status = 'succeeded';
		obj.acquirer_reference_number = String(Date.now()).padStart(23, '7');
		touch(obj);
		ctx.emit('refund.succeeded', obj);
		return obj;
	}),
	retrieveRoute('/api/v1/refunds/{refund_id}', COLLECTION, 'Refund'),
	updateRoute('/api/v1/refunds/{refund_id}', COLLECTION, 'Refund', {
		metadata: { type: 'object' },
		reason: { type: 'string' },
	}),
	listRoute('/api/v1/refunds', COLLECTION, ['payment_intent_id', 'status']),
];

module.exports = { routes, COLLECTION };
