'use strict';
/**
 * Invoices: create -> `open` (emits invoice.sent); pay -> `paid` (invoice.paid) or, when the
 * customer's email starts with "fail" or the payment method is a declining test card,
 * `payment_failed` with `message` set (HTTP 200, invoice.payment_failed). Paying an incomplete
 * subscription's invoice activates the subscription.
 */
const { CUSTOMER_ACCEPTANCE } = require('../validate');
const { newId, badState } = require('../util');
const { stamp, val, applyUpdate, mustRef, touch, normStatus } = require('./common');
const { retrieveRoute, createRoute, updateRoute, listRoute } = require('./routes');
const { outcomeFor, INVOICE_FAILED, AUTH_FAILED } = require('../cards');
const { activate } = require('./subscriptions');

const COLLECTION = 'invoices';

/** @type {Record<string, import('../validate').FieldSpec>} */
const UPDATE_SCHEMA = {
	description: { type: 'string' },
	footer: { type: 'string' },
	metadata: { type: 'object' },
	days_until_due: { type: 'integer', min: 0 },
	collection_method: { type: 'string', enum: ['send_invoice', 'charge_automatically'] },
};

/** @type {Record<string, import('../validate').FieldSpec>} */
const CREATE_SCHEMA = {
	customer_id: { type: 'string', required: true },
	currency: { type: 'string', required: true, currency: true },
	total_amount: { type: 'number', required: true, positive: true, money: true },
	subscription_id: { type: 'string' },
	...UPDATE_SCHEMA,
};

/** @type {Record<string, import('../validate').FieldSpec>} */
const PAY_SCHEMA = {
	mandate_data: { type: 'object', fields: { customer_acceptance: CUSTOMER_ACCEPTANCE } },
	payment_method_id: { type: 'string' },
};

/**
 * Decides whether paying this invoice fails. Returns the error or null.
 * @param {import('./common').Ctx} ctx
 * @param {Record<string, any>} inv
 * @param {string|undefined} pmId
 */
function payError(ctx, inv, pmId) {
	const customer = ctx.store.get(ctx.merchantNo, 'customers', inv.customer_id);
	if (customer && typeof customer.email === 'string' && customer.email.toLowerCase().startsWith('fail'))
		return INVOICE_FAILED;
	let pm = pmId;
	if (!pm && inv.subscription_id) {
		const sub = ctx.store.get(ctx.merchantNo, 'subscriptions', inv.subscription_id);
		if (sub) pm = sub.default_payment_method;
	}
	if (pm) {
		const pmObj = ctx.store.get(ctx.merchantNo, 'payment_methods', pm);
		const outcome = outcomeFor(pmObj && pmObj.card ? pmObj.card.last4 : null);
		if (outcome.kind === 'decline' && outcome.error) return outcome.error;
		if (outcome.kind === 'three_ds') return AUTH_FAILED; // off-session: no customer to authenticate
	}
	return null;
}

/**
 * @param {import('./common').Ctx} ctx
 * @param {Record<string, any>} body validated
 */
function createInvoice(ctx, body) {
	mustRef(ctx, 'customers', body.customer_id, 'customer_id', 'Customer');
	const sub = body.subscription_id
		? mustRef(ctx, 'subscriptions', body.subscription_id, 'subscription_id', 'Subscription')
		: null;
	const n = ctx.store.nextCounter(ctx.merchantNo, 'invoice_number');
	const obj = stamp(
		ctx,
		newId('inv_'),
		{
			number: `invoicenum${String(n).padStart(9, '0')}`,
			status: 'open',
			customer_id: body.customer_id,
			subscription_id: val(body, 'subscription_id'),
			currency: String(body.currency).toUpperCase(),
			total_amount: body.total_amount,
			collection_method: val(body, 'collection_method', 'charge_automatically'),
			days_until_due: val(body, 'days_until_due'),
			description: val(body, 'description'),
			footer: val(body, 'footer'),
			metadata: val(body, 'metadata'),
			hosted_invoice_url: null,
			payment_intent: null,
			period_start: sub ? sub.current_period_start : null,
			period_end: sub ? sub.current_period_end : null,
		},
		{ errorFields: true },
	);
	ctx.store.insert(ctx.merchantNo, COLLECTION, obj);
	if (sub) {
		sub.latest_invoice = obj.id;
		if (!sub.first_invoice_id) sub.first_invoice_id = obj.id;
		touch(sub);
	}
	ctx.emit('invoice.sent', obj);
	return obj;
}

/**
 * Pays an open (or failed) invoice: `paid`, or `payment_failed` with the decline (still HTTP 200).
 * @param {import('./common').Ctx} ctx
 * @param {Record<string, any>} obj
 * @param {Record<string, any>} body validated
 */
function payInvoice(ctx, obj, body) {
	if (obj.status !== 'open' && obj.status !== 'payment_failed')
		throw badState(`Invoice is ${obj.status}; only open or payment_failed invoices can be paid`);
	const pmId = body.payment_method_id;
	if (pmId) mustRef(ctx, 'payment_methods', pmId, 'payment_method_id', 'Payment method');
	const err = payError(ctx, obj, pmId);
	if (err) {
		obj.status = 'payment_failed';
		Object.assign(obj, { code: err.code, message: err.message, decline_code: err.decline_code });
		touch(obj);
		ctx.emit('invoice.payment_failed', obj);
		return obj;
	}
	obj.status = 'paid';
	Object.assign(obj, { code: null, source: null, message: null, decline_code: null });
	touch(obj);
	ctx.emit('invoice.paid', obj);
	if (obj.subscription_id) {
		const sub = ctx.store.get(ctx.merchantNo, 'subscriptions', obj.subscription_id);
		if (sub && (sub.status === 'incomplete' || sub.status === 'past_due' || sub.status === 'unpaid'))
			activate(ctx, sub);
	}
	return obj;
}

/** @type {import('./common').Route[]} */
const routes = [
	createRoute('/api/v1/invoices/create', CREATE_SCHEMA, createInvoice),
	retrieveRoute('/api/v1/invoices/{id}', COLLECTION, 'Invoice'),
	updateRoute('/api/v1/invoices/{id}', COLLECTION, 'Invoice', UPDATE_SCHEMA, (_ctx, obj, body) => {
		if (obj.status === 'paid' || normStatus(obj.status) === 'cancelled')
			throw badState(`Invoice is ${obj.status} and can no longer be updated`);
		return applyUpdate(obj, body, Object.keys(UPDATE_SCHEMA));
	}),
	updateRoute('/api/v1/invoices/{id}/pay', COLLECTION, 'Invoice', PAY_SCHEMA, payInvoice),
	listRoute('/api/v1/invoices', COLLECTION, ['customer_id', 'subscription_id', 'status'], {
		status: (obj, v) => normStatus(obj.status) === normStatus(v),
	}),
];

module.exports = { routes, COLLECTION };
