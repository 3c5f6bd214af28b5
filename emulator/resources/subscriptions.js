'use strict';
/**
 * Subscriptions: create -> `incomplete` (or `active` when `default_payment_method` is given);
 * paying an invoice of an incomplete subscription activates it; cancel -> `cancelled` with
 * `canceled_at` (UseePay's own spelling mix); cancelling twice -> 400.
 */
const { ORDER } = require('../validate');
const { newId, isoNow, badState } = require('../util');
const { stamp, val, applyUpdate, mustRef, touch, normStatus, cancelledStatus } = require('./common');
const { retrieveRoute, createRoute, updateRoute, listRoute } = require('./routes');

const COLLECTION = 'subscriptions';
const INTERVALS = ['day', 'week', 'month', 'year'];

/** @param {boolean} req @returns {import('../validate').FieldSpec} */
const recurring = (req) => ({
	type: 'object',
	required: req,
	fields: {
		interval: { type: 'string', required: req, enum: INTERVALS },
		interval_count: { type: 'integer', required: req, min: 1 },
		unit_amount: { type: 'amount', required: req, min: 0 },
		total_billing_cycles: { type: 'integer', min: 1 },
	},
});

/** @type {Record<string, import('../validate').FieldSpec>} */
const UPDATE_SCHEMA = {
	customer_id: { type: 'string' },
	currency: { type: 'string', currency: true },
	recurring: recurring(false),
	default_payment_method: { type: 'string' },
	collection_method: { type: 'string', enum: ['charge_automatically', 'send_invoice'] },
	days_until_due: { type: 'integer', min: 0 },
	description: { type: 'string' },
	order: ORDER,
	metadata: { type: 'object' },
};

/** @type {Record<string, import('../validate').FieldSpec>} */
const CREATE_SCHEMA = {
	...UPDATE_SCHEMA,
	customer_id: { type: 'string', required: true },
	currency: { type: 'string', required: true, currency: true },
	recurring: recurring(true),
	current_period_start: { type: 'string', datetime: true },
};

/**
 * End of the billing period that starts at `startMs`.
 * @param {number} startMs
 * @param {{interval: string, interval_count: number}} rec
 */
function periodEnd(startMs, rec) {
	const d = new Date(startMs);
	const n = Number(rec.interval_count) || 1;
	if (rec.interval === 'day') d.setUTCDate(d.getUTCDate() + n);
	else if (rec.interval === 'week') d.setUTCDate(d.getUTCDate() + 7 * n);
	else if (rec.interval === 'month') d.setUTCMonth(d.getUTCMonth() + n);
	else d.setUTCFullYear(d.getUTCFullYear() + n);
	return d.getTime();
}

/**
 * Moves a subscription to `active`, starting a billing period, and emits subscription.active.
 * @param {import('./common').Ctx} ctx
 * @param {Record<string, any>} sub
 */
function activate(ctx, sub) {
	if (normStatus(sub.status) === 'cancelled' || sub.status === 'active') return;
	const start = sub.current_period_start ? Date.parse(sub.current_period_start) : Date.now();
	sub.status = 'active';
	sub.current_period_start = isoNow(start);
	sub.current_period_end = isoNow(periodEnd(start, sub.recurring));
	sub.recurring.current_billing_cycles = Math.max(1, sub.recurring.current_billing_cycles || 0);
	touch(sub);
	ctx.emit('subscription.active', sub);
}

/** Every field of a new subscription, in the order UseePay prints them. */
const EMPTY_SUBSCRIPTION = Object.freeze({
	customer_id: null,
	currency: null,
	recurring: null,
	status: 'incomplete',
	description: null,
	order: null,
	metadata: null,
	collection_method: 'charge_automatically',
	days_until_due: null,
	default_payment_method: null,
	current_period_start: null,
	current_period_end: null,
	latest_invoice: null,
	first_invoice_id: null,
	cancel_at_period_end: null,
	cancel_at: null,
	canceled_at: null,
	ended_at: null,
	cancellation_details: null,
	livemode: false,
	prorate: null,
	invoice_now: null,
});

/**
 * A new subscription (`incomplete`), stored, with subscription.created emitted: from the API
 * and from a completed checkout session. `recurring.unit_amount` may be a numeric string.
 * @param {import('./common').Ctx} ctx
 * @param {{customer_id: string, currency: string, recurring: Record<string, any>} & Record<string, any>} fields
 *   the subscription's own values; the others start empty
 */
function createSubscription(ctx, fields) {
	const r = fields.recurring;
	const obj = stamp(
		ctx,
		newId('sub_'),
		{
			...EMPTY_SUBSCRIPTION,
			...fields,
			recurring: {
				interval: r.interval,
				interval_count: r.interval_count,
				unit_amount: typeof r.unit_amount === 'string' ? Number(r.unit_amount) : r.unit_amount,
				total_billing_cycles: r.total_billing_cycles ?? null,
				current_billing_cycles: 0,
			},
		},
		{ errorFields: 'short' },
	);
	ctx.store.insert(ctx.merchantNo, COLLECTION, obj);
	ctx.emit('subscription.created', obj);
	return obj;
}

/** @type {Record<string, import('../validate').FieldSpec>} */
const CANCEL_SCHEMA = {
	cancel_at_period_end: { type: 'boolean' },
	cancellation_details: {
		type: 'object',
		fields: {
			comment: { type: 'string' },
			feedback: {
				type: 'string',
				enum: [
					'customer_service',
					'low_quality',
					'missing_features',
					'other',
					'switched_service',
					'too_complex',
					'too_expensive',
					'unused',
				],
			},
		},
	},
	invoice_now: { type: 'boolean' },
	prorate: { type: 'boolean' },
};

/**
 * @param {import('./common').Ctx} ctx
 * @param {Record<string, any>} obj
 * @param {Record<string, any>} body validated
 */
function updateSubscription(ctx, obj, body) {
	if (normStatus(obj.status) === 'cancelled') throw badState('Subscription is cancelled and can no longer be updated');
	if (body.customer_id) mustRef(ctx, 'customers', body.customer_id, 'customer_id', 'Customer');
	if (body.default_payment_method)
		mustRef(ctx, 'payment_methods', body.default_payment_method, 'default_payment_method', 'Payment method');
	if (body.recurring) {
		const r = { ...obj.recurring, ...body.recurring };
		if (typeof r.unit_amount === 'string') r.unit_amount = Number(r.unit_amount);
		obj.recurring = r;
	}
	if (body.currency) obj.currency = String(body.currency).toUpperCase();
	applyUpdate(obj, body, [
		'customer_id',
		'default_payment_method',
		'collection_method',
		'days_until_due',
		'description',
		'order',
		'metadata',
	]);
	ctx.emit('subscription.updated', obj);
	if (obj.status === 'incomplete' && body.default_payment_method) activate(ctx, obj);
	return obj;
}

/** @type {import('./common').Route[]} */
const routes = [
	createRoute('/api/v1/subscriptions/create', CREATE_SCHEMA, (ctx, body) => {
		mustRef(ctx, 'customers', body.customer_id, 'customer_id', 'Customer');
		if (body.default_payment_method)
			mustRef(ctx, 'payment_methods', body.default_payment_method, 'default_payment_method', 'Payment method');
		const obj = createSubscription(ctx, {
			customer_id: body.customer_id,
			currency: String(body.currency).toUpperCase(),
			recurring: body.recurring,
			description: val(body, 'description'),
			order: val(body, 'order'),
			metadata: val(body, 'metadata'),
			collection_method: val(body, 'collection_method', 'charge_automatically'),
			days_until_due: val(body, 'days_until_due'),
			default_payment_method: val(body, 'default_payment_method'),
			current_period_start: val(body, 'current_period_start'),
		});
		if (obj.default_payment_method) activate(ctx, obj);
		return obj;
	}),
	retrieveRoute('/api/v1/subscriptions/{id}', COLLECTION, 'Subscription'),
	updateRoute('/api/v1/subscriptions/{id}', COLLECTION, 'Subscription', UPDATE_SCHEMA, updateSubscription),
	updateRoute('/api/v1/subscriptions/{id}/cancel', COLLECTION, 'Subscription', CANCEL_SCHEMA, (ctx, obj, body) => {
		if (normStatus(obj.status) === 'cancelled') throw badState('Subscription is already cancelled');
		const now = isoNow();
		obj.status = cancelledStatus(ctx);
		obj.canceled_at = now;
		obj.ended_at = now;
		obj.cancel_at_period_end = val(body, 'cancel_at_period_end', false);
		obj.cancellation_details = val(body, 'cancellation_details');
		obj.invoice_now = val(body, 'invoice_now');
		obj.prorate = val(body, 'prorate');
		touch(obj);
		ctx.emit('subscription.cancelled', obj);
		return obj;
	}),
	listRoute('/api/v1/subscriptions', COLLECTION, ['customer_id', 'status'], {
		status: (obj, v) => normStatus(obj.status) === normStatus(v),
	}),
];

module.exports = { routes, activate, createSubscription, COLLECTION };
