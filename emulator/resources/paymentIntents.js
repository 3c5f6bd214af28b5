'use strict';
/**
 * Payment intents and their state machine:
 *
 *   create ──► requires_payment_method ──confirm──► succeeded            (auto_capture, default)
 *                                        │         requires_capture ──capture──► succeeded
 *                                        │         requires_customer_action ──3DS page──► succeeded / requires_capture / failed
 *                                        └─────►   failed (declined test card; can be confirmed again)
 *   cancel: from requires_payment_method / requires_customer_action / requires_capture ──► cancelled
 *
 * Outcomes of confirm are driven by the test-card rules in ../cards.js.
 */
const { validate, ORDER, PAYMENT_METHOD_DATA, PAYMENT_METHOD_OPTIONS, DEVICE_DATA, ADDRESS } = require('../validate');
const { newId, hex32, isoNow, invalid, badState, required, toMilli, clone } = require('../util');
const { duplicateError } = require('../dialects');
const { stamp, val, applyUpdate, mustGet, mustRef, touch, normStatus, cancelledStatus } = require('./common');
const { retrieveRoute, createRoute, updateRoute, listRoute } = require('./routes');
const { outcomeFor, AUTH_FAILED } = require('../cards');
const { maskCard } = require('./paymentMethods');

const COLLECTION = 'payment_intents';

/** @type {import('../validate').FieldSpec} */
const INLINE_CUSTOMER = {
	type: 'object',
	fields: {
		merchant_customer_id: { type: 'string' },
		email: { type: 'string', email: true },
		first_name: { type: 'string' },
		last_name: { type: 'string' },
		name: { type: 'string' },
		phone: { type: 'string' },
		address: { type: 'object', fields: ADDRESS },
	},
};

/** @type {Record<string, import('../validate').FieldSpec>} */
const UPDATE_SCHEMA = {
	auto_capture: { type: 'boolean' },
	amount: { type: 'number', positive: true, money: true },
	currency: { type: 'string', currency: true },
	merchant_order_id: { type: 'string', nonEmpty: true, maxLength: 64 },
	customer_id: { type: 'string' },
	customer: INLINE_CUSTOMER,
	description: { type: 'string' },
	return_url: { type: 'string' },
	payment_method_options: PAYMENT_METHOD_OPTIONS,
	device_data: DEVICE_DATA,
	order: ORDER,
	metadata: { type: 'object' },
};

/** @type {Record<string, import('../validate').FieldSpec>} */
const CREATE_SCHEMA = {
	...UPDATE_SCHEMA,
	amount: { type: 'number', required: true, positive: true, money: true },
	currency: { type: 'string', required: true, currency: true },
	merchant_order_id: { type: 'string', required: true, maxLength: 64 },
	confirm: { type: 'boolean' },
	auto_capture: { type: 'boolean' },
	payment_method_id: { type: 'string' },
	payment_method_types: { type: 'array', items: { type: 'string' } },
	payment_method_data: PAYMENT_METHOD_DATA,
	mode: { type: 'string', enum: ['payment', 'subscription'] },
	subscription_id: { type: 'string' },
};

/** @type {Record<string, import('../validate').FieldSpec>} */
const CONFIRM_SCHEMA = {
	auto_capture: { type: 'boolean' },
	payment_method_id: { type: 'string' },
	payment_method_data: PAYMENT_METHOD_DATA,
	return_url: { type: 'string' },
	device_data: DEVICE_DATA,
	payment_method_options: PAYMENT_METHOD_OPTIONS,
};

const CANCELLABLE = ['requires_payment_method', 'requires_customer_action', 'requires_capture'];
const CONFIRMABLE = ['requires_payment_method', 'failed'];

/** @param {string} mid */
const orderKey = (mid) => `payment_intents:merchant_order_id:${mid}`;

/** Request-style method names -> the spelling UseePay returns in available_payment_method_types. */
const AVAILABLE_NAMES = /** @type {Record<string, string>} */ ({ apple_pay: 'applepay', google_pay: 'googlepay' });

/**
 * @typedef {object} PmInfo
 * @property {string} type
 * @property {string|null} last4
 * @property {string|null} brand
 * @property {string|null} id saved payment method id
 */

/**
 * Resolves the payment method given in a create/confirm body.
 * @param {import('./common').Ctx} ctx
 * @param {Record<string, any>} body
 * @returns {PmInfo|null}
 */
function paymentMethodFrom(ctx, body) {
	if (body.payment_method_id) {
		const rec = ctx.store.getRecord(ctx.merchantNo, 'payment_methods', body.payment_method_id);
		if (!rec) mustRef(ctx, 'payment_methods', body.payment_method_id, 'payment_method_id', 'Payment method');
		const pm = /** @type {import('../store').StoredRecord} */ (rec).obj;
		return { type: pm.type, last4: pm.card ? pm.card.last4 : null, brand: pm.card ? pm.card.brand : null, id: pm.id };
	}
	const data = body.payment_method_data;
	if (data) {
		const type = data.type || (data.card ? 'card' : null);
		if (!type) throw required('payment_method_data.type');
		if (type === 'card') {
			if (!data.card) throw required('payment_method_data.card');
			const masked = maskCard(data.card, 'payment_method_data.card');
			return { type, last4: masked.last4, brand: masked.brand, id: null };
		}
		return { type, last4: null, brand: null, id: null };
	}
	return null;
}

/**
 * @param {PmInfo} pm
 * @returns {Record<string, any>}
 */
const publicPm = (pm) => ({ type: pm.type, card: pm.type === 'card' ? { brand: pm.brand, last4: pm.last4 } : null });

/** Clears the error-ish fields on a PI. @param {Record<string, any>} obj */
function clearError(obj) {
	Object.assign(obj, { last_payment_error: null, code: null, source: null, message: null, decline_code: null });
}

/**
 * Authorisation succeeded: capture automatically or wait for capture.
 * @param {import('./common').Ctx} ctx
 * @param {Record<string, any>} obj
 */
function authorised(ctx, obj) {
	clearError(obj);
	obj.next_action = null;
	if (obj.auto_capture) {
		obj.status = 'succeeded';
		obj.captured_amount = obj.amount;
		touch(obj);
		ctx.emit('payment_intent.succeeded', obj);
	} else {
		obj.status = 'requires_capture';
		touch(obj);
		ctx.emit('payment_intent.requires_capture', obj);
	}
}

/**
 * @param {import('./common').Ctx} ctx
 * @param {Record<string, any>} obj
 * @param {{code: string, decline_code: string|null, message: string, type: string}} err
 */
function failed(ctx, obj, err) {
	obj.status = 'failed';
	obj.next_action = null;
	obj.last_payment_error = { ...err };
	Object.assign(obj, { code: err.code, message: err.message, decline_code: err.decline_code });
	touch(obj);
	ctx.emit('payment_intent.failed', obj);
}

/**
 * Runs a confirmation attempt.
 * @param {import('./common').Ctx} ctx
 * @param {import('../store').StoredRecord} rec
 * @param {PmInfo|null} pm
 */
function runConfirm(ctx, rec, pm) {
	const obj = rec.obj;
	const method = pm || rec.meta.pm;
	if (!method) throw required('payment_method_data');
	rec.meta.pm = method;
	obj.confirm = true;
	obj.payment_method_id = method.id;
	obj.payment_method = publicPm(method);
	/** @type {import('../cards').CardOutcome} */
	const outcome = method.type === 'card' ? outcomeFor(method.last4) : { kind: 'success' };
	const force3ds =
		obj.payment_method_options &&
		obj.payment_method_options.card &&
		obj.payment_method_options.card.three_ds_action === 'force_3ds';
	if (outcome.kind === 'decline' && outcome.error) return failed(ctx, obj, outcome.error);
	if (outcome.kind === 'three_ds' || (force3ds && method.type === 'card')) {
		clearError(obj);
		obj.status = 'requires_customer_action';
		obj.next_action = {
			type: 'redirect',
			redirect: { method: 'GET', url: `${ctx.baseUrl}/__emulator/3ds/${obj.id}`, contentType: null },
		};
		touch(obj);
		ctx.emit('payment_intent.requires_customer_action', obj);
		return;
	}
	authorised(ctx, obj);
}

/**
 * Completes (or fails) the simulated 3-D Secure challenge of a PI in requires_customer_action.
 * @param {import('./common').Ctx} ctx
 * @param {Record<string, any>} obj
 * @param {boolean} success
 */
function complete3ds(ctx, obj, success) {
	if (obj.status !== 'requires_customer_action')
		throw badState(`PaymentIntent is ${obj.status}; 3-D Secure can only be completed in requires_customer_action`);
	if (success) authorised(ctx, obj);
	else failed(ctx, obj, AUTH_FAILED);
	return obj;
}

/**
 * Effective auto-capture flag: top-level `auto_capture`, else payment_method_options.card.auto_capture, else true.
 * @param {Record<string, any>} body
 * @param {boolean} current
 */
function autoCaptureFrom(body, current) {
	if (typeof body.auto_capture === 'boolean') return body.auto_capture;
	const pmo = body.payment_method_options;
	if (pmo && pmo.card && typeof pmo.card.auto_capture === 'boolean') return pmo.card.auto_capture;
	return current;
}

/**
 * Customer snapshot embedded in the PI.
 * @param {import('./common').Ctx} ctx
 * @param {Record<string, any>} body
 */
function customerSnapshot(ctx, body) {
	if (body.customer_id) {
		const c = mustRef(ctx, 'customers', body.customer_id, 'customer_id', 'Customer');
		return clone({
			id: c.id,
			merchant_customer_id: c.merchant_customer_id,
			email: c.email,
			first_name: c.first_name,
			last_name: c.last_name,
			name: c.name,
			phone: c.phone,
			address: c.address,
			description: c.description,
			metadata: c.metadata,
			shipping: c.shipping,
		});
	}
	if (body.customer) return { id: null, ...clone(body.customer) };
	return null;
}

/** Every field of a new payment intent, in the order UseePay prints them (`client_secret` is added). */
const EMPTY_PAYMENT_INTENT = Object.freeze({
	amount: null,
	currency: null,
	status: 'requires_payment_method',
	merchant_order_id: null,
	customer_id: null,
	customer: null,
	description: null,
	order: null,
	metadata: null,
	confirm: false,
	auto_capture: true,
	invoice_id: null,
	captured_amount: null,
	available_payment_method_types: null,
	payment_method_options: null,
	payment_method_id: null,
	payment_method: null,
	cancellation_reason: null,
	cancelled_at: null,
	next_action: null,
	return_url: null,
	client_secret: null,
	last_payment_error: null,
	mode: null,
	subscription_id: null,
});

/**
 * A new payment intent, stored (with its payment method and refunded total in the record's
 * meta) under its merchant_order_id, payment_intent.created emitted: from the API and from a
 * completed checkout session.
 * @param {import('./common').Ctx} ctx
 * @param {Record<string, any>} fields the intent's own values; the others start empty
 * @param {PmInfo|null} pm
 * @returns {import('../store').StoredRecord}
 */
function createPaymentIntent(ctx, fields, pm) {
	const id = newId('pi_');
	const obj = stamp(
		ctx,
		id,
		{ ...EMPTY_PAYMENT_INTENT, ...fields, client_secret: `${id}_secret_${hex32()}` },
		{ errorFields: true },
	);
	const rec = ctx.store.insert(ctx.merchantNo, COLLECTION, obj, { pm, refunded: 0 });
	const key = orderKey(obj.merchant_order_id);
	if (!ctx.store.getUnique(ctx.merchantNo, key)) ctx.store.setUnique(ctx.merchantNo, key, id);
	ctx.emit('payment_intent.created', obj);
	return rec;
}

/**
 * Refuses a merchant_order_id another payment intent of the merchant has.
 * @param {import('./common').Ctx} ctx
 * @param {string} merchantOrderId
 */
function mustBeNewOrder(ctx, merchantOrderId) {
	if (ctx.store.getUnique(ctx.merchantNo, orderKey(merchantOrderId)))
		throw duplicateError(
			ctx,
			'payment_intent',
			'merchant_order_id',
			merchantOrderId,
			`A PaymentIntent with merchant_order_id ${merchantOrderId} already exists`,
		);
}

/**
 * @param {import('./common').Ctx} ctx
 * @param {Record<string, any>} obj
 * @param {Record<string, any>} body validated
 */
function updatePaymentIntent(ctx, obj, body) {
	if (obj.status === 'succeeded' || normStatus(obj.status) === 'cancelled')
		throw badState(`PaymentIntent is ${obj.status} and can no longer be updated`);
	if (
		(body.amount !== undefined || body.currency !== undefined) &&
		obj.status !== 'requires_payment_method' &&
		obj.status !== 'failed'
	)
		throw badState(`amount and currency can only change in requires_payment_method (now ${obj.status})`);
	if (body.customer_id || body.customer) {
		const snap = customerSnapshot(ctx, body);
		obj.customer = snap;
		obj.customer_id = snap ? snap.id : null;
	}
	if (body.merchant_order_id && body.merchant_order_id !== obj.merchant_order_id) {
		mustBeNewOrder(ctx, body.merchant_order_id);
		ctx.store.deleteUnique(ctx.merchantNo, orderKey(obj.merchant_order_id));
		ctx.store.setUnique(ctx.merchantNo, orderKey(body.merchant_order_id), obj.id);
		obj.merchant_order_id = body.merchant_order_id;
	}
	if (body.currency) obj.currency = String(body.currency).toUpperCase();
	obj.auto_capture = autoCaptureFrom(body, obj.auto_capture);
	applyUpdate(obj, body, ['amount', 'description', 'metadata', 'order', 'return_url', 'payment_method_options']);
	return obj;
}

/** @type {import('./common').Route[]} */
const routes = [
	createRoute('/api/v1/payment_intents/create', CREATE_SCHEMA, (ctx, body) => {
		const customer = customerSnapshot(ctx, body);
		if (body.subscription_id) mustRef(ctx, 'subscriptions', body.subscription_id, 'subscription_id', 'Subscription');
		const pm = paymentMethodFrom(ctx, body);
		mustBeNewOrder(ctx, body.merchant_order_id);
		const types = Array.isArray(body.payment_method_types)
			? body.payment_method_types
			: ['card', 'apple_pay', 'google_pay'];
		const rec = createPaymentIntent(
			ctx,
			{
				amount: body.amount,
				currency: String(body.currency).toUpperCase(),
				merchant_order_id: body.merchant_order_id,
				customer_id: customer ? customer.id : null,
				customer,
				description: val(body, 'description'),
				order: val(body, 'order'),
				metadata: val(body, 'metadata'),
				auto_capture: autoCaptureFrom(body, true),
				available_payment_method_types: types.map((/** @type {string} */ t) => AVAILABLE_NAMES[t] || t),
				payment_method_options: val(body, 'payment_method_options'),
				payment_method_id: pm ? pm.id : null,
				payment_method: pm ? publicPm(pm) : null,
				return_url: val(body, 'return_url'),
				mode: val(body, 'mode'),
				subscription_id: val(body, 'subscription_id'),
			},
			pm,
		);
		if (body.confirm === true && pm) runConfirm(ctx, rec, pm);
		return rec.obj;
	}),
	retrieveRoute('/api/v1/payment_intents/{id}', COLLECTION, 'PaymentIntent'),
	updateRoute('/api/v1/payment_intents/{id}', COLLECTION, 'PaymentIntent', UPDATE_SCHEMA, updatePaymentIntent),
	{
		method: 'POST',
		path: '/api/v1/payment_intents/{id}/confirm',
		schema: CONFIRM_SCHEMA,
		handler: (ctx) => {
			const rec = ctx.store.getRecord(ctx.merchantNo, COLLECTION, ctx.params.id);
			if (!rec) return mustGet(ctx, COLLECTION, ctx.params.id, 'PaymentIntent');
			validate(ctx.body, CONFIRM_SCHEMA, ctx.dialect);
			const obj = rec.obj;
			if (!CONFIRMABLE.includes(obj.status))
				throw badState(`PaymentIntent is ${obj.status}; only ${CONFIRMABLE.join(' or ')} can be confirmed`);
			const pm = paymentMethodFrom(ctx, ctx.body);
			if (ctx.body.return_url !== undefined) obj.return_url = ctx.body.return_url;
			if (ctx.body.payment_method_options !== undefined)
				obj.payment_method_options = clone(ctx.body.payment_method_options);
			obj.auto_capture = autoCaptureFrom(ctx.body, obj.auto_capture);
			runConfirm(ctx, rec, pm);
			return obj;
		},
	},
	updateRoute(
		'/api/v1/payment_intents/{id}/capture',
		COLLECTION,
		'PaymentIntent',
		{ amount: { type: 'number', positive: true, money: true } },
		(ctx, obj, body) => {
			if (obj.status !== 'requires_capture')
				throw badState(`PaymentIntent is ${obj.status}; only requires_capture can be captured`);
			const amount = body.amount === undefined || body.amount === null ? obj.amount : body.amount;
			if (toMilli(amount) > toMilli(obj.amount))
				throw invalid('amount', `amount ${amount} exceeds the authorised amount ${obj.amount}`);
			obj.captured_amount = amount;
			obj.status = 'succeeded';
			obj.next_action = null;
			touch(obj);
			ctx.emit('payment_intent.succeeded', obj);
			return obj;
		},
	),
	updateRoute(
		'/api/v1/payment_intents/{id}/cancel',
		COLLECTION,
		'PaymentIntent',
		{ cancellation_reason: { type: 'string' } },
		(ctx, obj, body) => {
			if (!CANCELLABLE.includes(obj.status))
				throw badState(`PaymentIntent is ${obj.status}; only ${CANCELLABLE.join(', ')} can be cancelled`);
			obj.status = cancelledStatus(ctx);
			obj.cancelled_at = isoNow();
			obj.cancellation_reason = val(body, 'cancellation_reason');
			obj.next_action = null;
			touch(obj);
			ctx.emit('payment_intent.cancelled', obj);
			return obj;
		},
	),
	listRoute('/api/v1/payment_intents', COLLECTION, ['status', 'customer_id', 'merchant_order_id'], {
		status: (obj, v) => normStatus(obj.status) === normStatus(v),
	}),
];

module.exports = { routes, complete3ds, authorised, createPaymentIntent, COLLECTION, orderKey };
