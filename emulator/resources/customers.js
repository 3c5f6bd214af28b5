'use strict';
/** Customers: create / retrieve / update / list. `merchant_customer_id` is unique per merchant. */
const { ADDRESS } = require('../validate');
const { newId } = require('../util');
const { duplicateError } = require('../dialects');
const { stamp, val, applyUpdate } = require('./common');
const { retrieveRoute, createRoute, updateRoute, listRoute } = require('./routes');

const COLLECTION = 'customers';

/** @type {Record<string, import('../validate').FieldSpec>} */
const SHIPPING_FIELDS = {
	name: { type: 'string' },
	first_name: { type: 'string' },
	last_name: { type: 'string' },
	phone: { type: 'string' },
	shipping_method: { type: 'string' },
	address: { type: 'object', fields: ADDRESS },
};

/** @type {Record<string, import('../validate').FieldSpec>} */
const UPDATE_SCHEMA = {
	merchant_customer_id: { type: 'string', nonEmpty: true },
	name: { type: 'string' },
	email: { type: 'string', email: true },
	phone: { type: 'string' },
	first_name: { type: 'string' },
	last_name: { type: 'string' },
	description: { type: 'string' },
	address: { type: 'object', fields: ADDRESS },
	shipping: { type: 'object', fields: SHIPPING_FIELDS },
	metadata: { type: 'object' },
};

/** @type {Record<string, import('../validate').FieldSpec>} */
const CREATE_SCHEMA = {
	...UPDATE_SCHEMA,
	merchant_customer_id: { type: 'string', required: true },
};

const FIELDS = [
	'merchant_customer_id',
	'name',
	'first_name',
	'last_name',
	'email',
	'phone',
	'description',
	'address',
	'shipping',
	'metadata',
];

/** @param {string} mci */
const uniqueKey = (mci) => `customers:merchant_customer_id:${mci}`;

/** @param {import('./common').Ctx} ctx @param {string} mci */
const duplicate = (ctx, mci) =>
	duplicateError(
		ctx,
		'customer',
		'merchant_customer_id',
		mci,
		`A customer with merchant_customer_id ${mci} already exists`,
	);

/**
 * Creates and stores a customer (also used by checkout sessions with an inline customer).
 * @param {import('./common').Ctx} ctx
 * @param {Record<string, any>} body already validated
 * @returns {Record<string, any>}
 */
function createCustomer(ctx, body) {
	const key = uniqueKey(body.merchant_customer_id);
	if (ctx.store.getUnique(ctx.merchantNo, key)) throw duplicate(ctx, body.merchant_customer_id);
	/** @type {Record<string, any>} */
	const fields = {};
	for (const f of FIELDS) fields[f] = val(body, f);
	const obj = stamp(ctx, newId('cus_'), fields, { errorFields: 'short' });
	ctx.store.insert(ctx.merchantNo, COLLECTION, obj);
	ctx.store.setUnique(ctx.merchantNo, key, obj.id);
	return obj;
}

/**
 * Finds a customer by merchant_customer_id.
 * @param {import('./common').Ctx} ctx
 * @param {string} mci
 */
function findByMerchantCustomerId(ctx, mci) {
	const id = ctx.store.getUnique(ctx.merchantNo, uniqueKey(mci));
	return id ? ctx.store.get(ctx.merchantNo, COLLECTION, id) : undefined;
}

/** @type {import('./common').Route[]} */
const routes = [
	createRoute('/api/v1/customers/create', CREATE_SCHEMA, createCustomer),
	retrieveRoute('/api/v1/customers/{id}', COLLECTION, 'Customer'),
	updateRoute('/api/v1/customers/{id}', COLLECTION, 'Customer', UPDATE_SCHEMA, (ctx, obj, body) => {
		const mci = body.merchant_customer_id;
		if (mci !== undefined && mci !== null && mci !== obj.merchant_customer_id) {
			if (ctx.store.getUnique(ctx.merchantNo, uniqueKey(mci))) throw duplicate(ctx, mci);
			ctx.store.deleteUnique(ctx.merchantNo, uniqueKey(obj.merchant_customer_id));
			ctx.store.setUnique(ctx.merchantNo, uniqueKey(mci), obj.id);
		}
		const fields = mci === null ? FIELDS.filter((f) => f !== 'merchant_customer_id') : FIELDS;
		return applyUpdate(obj, body, fields);
	}),
	listRoute('/api/v1/customers', COLLECTION, ['email', 'merchant_customer_id', 'phone']),
];

module.exports = { routes, createCustomer, findByMerchantCustomerId, COLLECTION };
