'use strict';
/** Mandates: a stored record of the customer's consent. No state machine. */
const { validate, CUSTOMER_ACCEPTANCE } = require('../validate');
const { newId } = require('../util');
const { stamp, val, applyUpdate, mustGet, mustRef, retrieveRoute, listRoute } = require('./common');

const COLLECTION = 'mandates';

/** @type {import('./common').Route[]} */
const routes = [
	{
		method: 'POST',
		path: '/api/v1/mandates/create',
		handler: (ctx) => {
			const body = ctx.body;
			validate(body, {
				customer_id: { type: 'string', required: true },
				payment_intent_id: { type: 'string' },
				customer_acceptance: { ...CUSTOMER_ACCEPTANCE, required: true },
				metadata: { type: 'object' },
			});
			mustRef(ctx, 'customers', body.customer_id, 'customer_id', 'Customer');
			if (body.payment_intent_id)
				mustRef(ctx, 'payment_intents', body.payment_intent_id, 'payment_intent_id', 'PaymentIntent');
			const obj = stamp(ctx, newId('man_'), {
				customer_id: body.customer_id,
				payment_intent_id: val(body, 'payment_intent_id'),
				customer_acceptance: val(body, 'customer_acceptance'),
				metadata: val(body, 'metadata'),
			});
			ctx.store.insert(ctx.merchantNo, COLLECTION, obj);
			return obj;
		},
	},
	retrieveRoute('/api/v1/mandates/{mandate_id}', COLLECTION, 'Mandate'),
	{
		method: 'POST',
		path: '/api/v1/mandates/{mandate_id}',
		handler: (ctx) => {
			const obj = mustGet(ctx, COLLECTION, ctx.params.mandate_id, 'Mandate');
			validate(ctx.body, { metadata: { type: 'object' }, customer_acceptance: CUSTOMER_ACCEPTANCE });
			return applyUpdate(obj, ctx.body, ['metadata', 'customer_acceptance']);
		},
	},
	listRoute('/api/v1/mandates', COLLECTION, ['customer_id', 'payment_intent_id']),
];

module.exports = { routes, COLLECTION };
