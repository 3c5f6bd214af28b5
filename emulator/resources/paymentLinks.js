'use strict';
/**
 * Payment links. As in UseePay's samples the response renames a few request fields:
 * order.products[].unit_price -> price, order.shipping.address.country_code -> country,
 * phone_number -> phone. `status` is `active` (UseePay's values are undocumented) and `url`
 * points at a small page served by the emulator.
 */
const { ORDER } = require('../validate');
const { newId, clone, isPlainObject } = require('../util');
const { stamp, val, applyUpdate, mustRef } = require('./common');
const { retrieveRoute, createRoute, updateRoute, listRoute } = require('./routes');

const COLLECTION = 'payment_links';

/** @param {boolean} req @returns {Record<string, import('../validate').FieldSpec>} */
const schema = (req) => ({
	amount: { type: 'number', required: req, positive: true, money: true },
	currency: { type: 'string', required: req, currency: true },
	order: ORDER,
	reusable: { type: 'boolean' },
	title: { type: 'string' },
	description: { type: 'string' },
	metadata: { type: 'object' },
	reference: { type: 'string' },
	customer: {
		type: 'object',
		fields: {
			email: { type: 'string', email: true },
			first_name: { type: 'string' },
			last_name: { type: 'string' },
			phone_number: { type: 'string' },
			address: { type: 'object' },
		},
	},
	customer_id: { type: 'string' },
	supported_currencies: { type: 'array', items: { type: 'string', currency: true } },
	collectable_options: {
		type: 'object',
		fields: {
			message: { type: 'boolean' },
			phone_number: { type: 'boolean' },
			reference: { type: 'boolean' },
			shipping_address: { type: 'boolean' },
			billing_address: { type: 'boolean' },
		},
	},
});

/**
 * Renames `from` to `to` on `o` (in place).
 * @param {Record<string, any>|null|undefined} o
 * @param {string} from
 * @param {string} to
 */
function rename(o, from, to) {
	if (isPlainObject(o) && from in o) {
		o[to] = o[from];
		delete o[from];
	}
}

/** @param {any} order */
function responseOrder(order) {
	const o = clone(order);
	if (!isPlainObject(o)) return o ?? null;
	if (Array.isArray(o.products)) o.products.forEach((/** @type {any} */ p) => rename(p, 'unit_price', 'price'));
	const shipping = o.shipping;
	if (isPlainObject(shipping)) {
		rename(shipping, 'phone_number', 'phone');
		rename(/** @type {Record<string, any>|undefined} */ (shipping.address), 'country_code', 'country');
	}
	return o;
}

/** @param {any} customer */
function responseCustomer(customer) {
	const c = clone(customer);
	rename(c, 'phone_number', 'phone');
	return c ?? null;
}

const PLAIN_FIELDS = [
	'amount',
	'currency',
	'reusable',
	'title',
	'description',
	'reference',
	'customer_id',
	'supported_currencies',
	'collectable_options',
	'metadata',
];

/** @type {import('./common').Route[]} */
const routes = [
	createRoute('/api/v1/payment_links/create', schema(true), (ctx, body) => {
		if (body.customer_id) mustRef(ctx, 'customers', body.customer_id, 'customer_id', 'Customer');
		const id = newId('plk_');
		const obj = stamp(
			ctx,
			id,
			{
				url: `${ctx.baseUrl}/__emulator/pay/${id}`,
				status: 'active',
				amount: body.amount,
				currency: String(body.currency).toUpperCase(),
				reusable: val(body, 'reusable', false),
				title: val(body, 'title'),
				description: val(body, 'description'),
				reference: val(body, 'reference'),
				order: responseOrder(body.order),
				customer: responseCustomer(body.customer),
				customer_id: val(body, 'customer_id'),
				supported_currencies: val(body, 'supported_currencies'),
				expires_at: null,
				collectable_options: val(body, 'collectable_options'),
				metadata: val(body, 'metadata'),
			},
			{ errorFields: true },
		);
		ctx.store.insert(ctx.merchantNo, COLLECTION, obj);
		return obj;
	}),
	retrieveRoute('/api/v1/payment_links/{payment_link_id}', COLLECTION, 'Payment link'),
	updateRoute(
		'/api/v1/payment_links/{payment_link_id}',
		COLLECTION,
		'Payment link',
		schema(false),
		(ctx, obj, body) => {
			if (body.customer_id) mustRef(ctx, 'customers', body.customer_id, 'customer_id', 'Customer');
			if (body.order !== undefined) obj.order = responseOrder(body.order);
			if (body.customer !== undefined) obj.customer = responseCustomer(body.customer);
			if (body.currency) body.currency = String(body.currency).toUpperCase();
			return applyUpdate(obj, body, PLAIN_FIELDS);
		},
	),
	listRoute('/api/v1/payment_links', COLLECTION, ['status', 'customer_id']),
];

module.exports = { routes, COLLECTION };
