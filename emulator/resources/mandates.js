'use strict';
/** Mandates: a stored record of the customer's consent. No state machine. */
const { CUSTOMER_ACCEPTANCE } = require('../validate');
const { newId } = require('../util');
const { stamp, val, mustRef } = require('./common');
const { retrieveRoute, createRoute, updateRoute, listRoute } = require('./routes');

const COLLECTION = 'mandates';

/** @type {Record<string, import('../validate').FieldSpec>} */
const CREATE_SCHEMA = {
	customer_id: { type: 'string', required: true },
	payment_intent_id: { type: 'string' },
	customer_acceptance: { ...CUSTOMER_ACCEPTANCE, required: true },
	metadata: { type: 'object' },
};

/** @type {import('./common').Route[]} */
const routes = [
	createRoute('/api/v1/mandates/create', CREATE_SCHEMA, (ctx, body) => {
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
	}),
	retrieveRoute('/api/v1/mandates/{mandate_id}', COLLECTION, 'Mandate'),
	updateRoute('/api/v1/mandates/{mandate_id}', COLLECTION, 'Mandate', {
		metadata: { type: 'object' },
		customer_acceptance: CUSTOMER_ACCEPTANCE,
	}),
	listRoute('/api/v1/mandates', COLLECTION, ['customer_id', 'payment_intent_id']),
];

module.exports = { routes, COLLECTION };
