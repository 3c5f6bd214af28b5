'use strict';
/**
 * Checkout sessions (POST /api/v1/checkout_sessions, no /create suffix). A session starts `open`
 * / `unpaid`; the control endpoints POST /__emulator/checkout_sessions/{id}/complete and /expire
 * play the shopper's part (complete creates a succeeded PaymentIntent, and for mode=subscription
 * an active Subscription, then emits checkout_session.completed).
 */
const { newId, hex32, ApiError, toMilli, required, invalid, isoNow, badState } = require('../util');
const { stamp, val, mustRef, touch } = require('./common');
const { retrieveRoute, createRoute, listRoute } = require('./routes');
const { createCustomer, findByMerchantCustomerId } = require('./customers');
const { createPaymentIntent } = require('./paymentIntents');
const { activate, createSubscription } = require('./subscriptions');

const COLLECTION = 'checkout_sessions';

/** @type {import('../validate').FieldSpec} */
const ADDRESS_REQ = {
	type: 'object',
	fields: {
		line1: { type: 'string', required: true },
		line2: { type: 'string' },
		city: { type: 'string', required: true },
		state: { type: 'string', required: true },
		postcode: { type: 'string', required: true },
		country: { type: 'string', required: true },
	},
};

/** @type {Record<string, import('../validate').FieldSpec>} */
const CREATE_SCHEMA = {
	mode: { type: 'string', required: true, enum: ['payment', 'subscription'] },
	ui_mode: { type: 'string', required: true, enum: ['custom'] },
	amount: { type: 'number', required: true, min: 0.01, money: true },
	currency: { type: 'string', required: true, currency: true },
	merchant_order_id: { type: 'string', required: true, maxLength: 64 },
	customer_id: { type: 'string' },
	customer: {
		type: 'object',
		fields: {
			id: { type: 'string' },
			name: { type: 'string', required: true },
			merchant_customer_id: { type: 'string', required: true },
			email: { type: 'string', email: true },
			phone: { type: 'string' },
		},
	},
	line_items: {
		type: 'array',
		required: true,
		minItems: 1,
		items: {
			type: 'object',
			fields: {
				quantity: { type: 'integer', required: true, min: 1 },
				price_data: {
					type: 'object',
					required: true,
					fields: {
						product_data: {
							type: 'object',
							required: true,
							fields: { name: { type: 'string', required: true }, desc: { type: 'string' } },
						},
						unit_amount: { type: 'number', required: true, min: 0.01, money: true },
						currency: { type: 'string', currency: true },
						recurring: {
							type: 'object',
							fields: {
								interval: { type: 'string', required: true, enum: ['day', 'week', 'month', 'year'] },
								interval_count: { type: 'integer', required: true, min: 1 },
								unit_amount: { type: 'amount', min: 0 },
								total_billing_cycles: { type: 'integer', min: 1 },
							},
						},
					},
				},
			},
		},
	},
	payment_method_types: { type: 'array', items: { type: 'string', enum: ['card', 'apple_pay', 'google_pay'] } },
	subscription_data: {
		type: 'object',
		fields: {
			discount_period_config: {
				type: 'object',
				fields: {
					discount_period_count: { type: 'integer', required: true, min: 1 },
					discount_period_amount: { type: 'number', required: true, min: 0.01, money: true },
				},
			},
		},
	},
	collection_method: { type: 'string', enum: ['auto_charge'] },
	metadata: { type: 'object' },
	shipping: {
		type: 'object',
		fields: { name: { type: 'string' }, phone: { type: 'string' }, address: ADDRESS_REQ },
	},
	billing: {
		type: 'object',
		required: true,
		fields: {
			first_name: { type: 'string', required: true },
			last_name: { type: 'string', required: true },
			email: { type: 'string', required: true, email: true },
			phone: { type: 'string' },
			date_of_birth: { type: 'string' },
			address: ADDRESS_REQ,
		},
	},
};

/** @param {string|null} source @param {string} message */
const requestError = (source, message) => new ApiError(400, 'invalid_request_error', source, message);

/**
 * What the OpenAPI export requires beyond the field types: a customer, a birth date as
 * YYYY-MM-DD, line items that add up to the amount, subscription data in subscription mode.
 * @param {Record<string, any>} body validated against CREATE_SCHEMA
 */
function checkSessionBody(body) {
	if (!body.customer_id && !body.customer) throw required('customer_id');
	if (body.customer && !body.customer.email && !body.customer.phone) throw required('customer.email');
	if (body.billing.date_of_birth && !/^\d{4}-\d{2}-\d{2}$/.test(body.billing.date_of_birth))
		throw invalid('billing.date_of_birth', 'billing.date_of_birth must be YYYY-MM-DD');
	const sum = body.line_items.reduce(
		(/** @type {number} */ acc, /** @type {any} */ li) => acc + li.quantity * toMilli(li.price_data.unit_amount),
		0,
	);
	if (sum !== toMilli(body.amount)) throw requestError('amount', 'amount not equals to item lines');
	if (body.mode === 'subscription') {
		if (!body.subscription_data)
			throw requestError('subscription_data', 'subscription_data required for subscription mode');
		body.line_items.forEach((/** @type {any} */ li, /** @type {number} */ i) => {
			if (!li.price_data.recurring) throw required(`line_items[${i}].price_data.recurring`);
		});
	}
}

/**
 * The session's customer: `customer_id`, else the inline customer matched by id or
 * merchant_customer_id, else created from it.
 * @param {import('./common').Ctx} ctx
 * @param {Record<string, any>} body
 * @returns {Record<string, any>}
 */
function sessionCustomer(ctx, body) {
	if (body.customer_id) return mustRef(ctx, 'customers', body.customer_id, 'customer_id', 'Customer');
	return (
		(body.customer.id && ctx.store.get(ctx.merchantNo, 'customers', body.customer.id)) ||
		findByMerchantCustomerId(ctx, body.customer.merchant_customer_id) ||
		createCustomer(ctx, {
			merchant_customer_id: body.customer.merchant_customer_id,
			name: body.customer.name,
			email: body.customer.email,
			phone: body.customer.phone,
		})
	);
}

/** @type {import('./common').Route[]} */
const routes = [
	createRoute('/api/v1/checkout_sessions', CREATE_SCHEMA, (ctx, body) => {
		checkSessionBody(body);
		const customer = sessionCustomer(ctx, body);
		const id = newId('cs_');
		const created = Math.floor(Date.now() / 1000);
		const obj = stamp(
			ctx,
			id,
			{
				object: 'checkout.session',
				mode: body.mode,
				ui_mode: body.ui_mode,
				amount: body.amount,
				currency: String(body.currency).toUpperCase(),
				merchant_order_id: body.merchant_order_id,
				status: 'open',
				payment_status: 'unpaid',
				customer_id: customer.id,
				customer: {
					id: customer.id,
					name: customer.name,
					merchant_customer_id: customer.merchant_customer_id,
					email: customer.email,
					phone: customer.phone,
				},
				line_items: val(body, 'line_items'),
				subscription_data: val(body, 'subscription_data'),
				collection_method: val(body, 'collection_method'),
				payment_method_types: val(body, 'payment_method_types', ['card']),
				metadata: val(body, 'metadata'),
				shipping: val(body, 'shipping'),
				billing: val(body, 'billing'),
				created,
				expires_at: created + 86400,
				client_secret: `${id}_secret_${hex32()}`,
				subscription_id: null,
				payment_intent_id: null,
			},
			{ errorFields: 'short' },
		);
		ctx.store.insert(ctx.merchantNo, COLLECTION, obj);
		return obj;
	}),
	retrieveRoute('/api/v1/checkout_sessions/{checkout_session_id}', COLLECTION, 'Checkout Session'),
	listRoute('/api/v1/checkout_sessions', COLLECTION, ['status', 'customer_id', 'merchant_order_id']),
];

/**
 * Plays a successful payment of an open session.
 * @param {import('./common').Ctx} ctx
 * @param {Record<string, any>} cs
 */
function completeSession(ctx, cs) {
	if (cs.status !== 'open') throw badState(`Checkout session is ${cs.status}; only open sessions can be completed`);
	const pi = createPaymentIntent(
		ctx,
		{
			amount: cs.amount,
			currency: cs.currency,
			status: 'succeeded',
			merchant_order_id: cs.merchant_order_id,
			customer_id: cs.customer_id,
			customer: cs.customer,
			metadata: cs.metadata,
			confirm: true,
			captured_amount: cs.amount,
			available_payment_method_types: ['card'],
			payment_method: { type: 'card', card: { brand: 'visa', last4: '4242' } },
			mode: cs.mode,
		},
		{ type: 'card', last4: '4242', brand: 'visa', id: null },
	).obj;
	ctx.emit('payment_intent.succeeded', pi);
	if (cs.mode === 'subscription') {
		const li = cs.line_items[0];
		const r = li.price_data.recurring;
		const sub = createSubscription(ctx, {
			customer_id: cs.customer_id,
			currency: cs.currency,
			recurring: { ...r, unit_amount: r.unit_amount !== undefined ? Number(r.unit_amount) : li.price_data.unit_amount },
			metadata: cs.metadata,
		});
		activate(ctx, sub);
		cs.subscription_id = sub.id;
		pi.subscription_id = sub.id;
	}
	cs.status = 'complete';
	cs.payment_status = 'paid';
	cs.payment_intent_id = pi.id;
	cs.completed_at = isoNow();
	touch(cs);
	ctx.emit('checkout_session.completed', cs);
	return cs;
}

/**
 * @param {import('./common').Ctx} ctx
 * @param {Record<string, any>} cs
 */
function expireSession(ctx, cs) {
	if (cs.status !== 'open') throw badState(`Checkout session is ${cs.status}; only open sessions can expire`);
	cs.status = 'expired';
	cs.expires_at = Math.floor(Date.now() / 1000);
	touch(cs);
	ctx.emit('checkout_session.expired', cs);
	return cs;
}

module.exports = { routes, completeSession, expireSession, COLLECTION };
