'use strict';
/**
 * The routes most endpoints are made of: retrieve and list (generic), create (validated body)
 * and update or action on one stored object (looked up, then validated body).
 */
const { validate } = require('../validate');
const { applyUpdate, mustGet } = require('./common');
const { DIALECT_DEFAULTS, listEnvelope } = require('../dialects');

/** @typedef {import('./common').Ctx} Ctx */
/** @typedef {import('./common').Route} Route */

/**
 * Generic retrieve route.
 * @param {string} path e.g. /api/v1/customers/{id}
 * @param {string} collection
 * @param {string} what
 * @returns {Route}
 */
function retrieveRoute(path, collection, what) {
	return {
		method: 'GET',
		path,
		handler: (ctx) => mustGet(ctx, collection, firstParam(ctx), what),
	};
}

/**
 * A POST that creates something (or answers without a stored object): the body is validated
 * against `schema`, then `create(ctx, body)` gives the answer.
 * @param {string} path
 * @param {Record<string, import('../validate').FieldSpec>} schema
 * @param {(ctx: Ctx, body: Record<string, any>) => any} create
 * @returns {Route}
 */
function createRoute(path, schema, create) {
	return {
		method: 'POST',
		path,
		schema,
		handler: (ctx) => {
			validate(ctx.body, schema, ctx.dialect);
			return create(ctx, ctx.body);
		},
	};
}

/**
 * A POST on one stored object (an update, or an action such as capture or cancel): the object
 * is looked up first (404), the body validated against `schema`, then `update(ctx, obj, body)`
 * gives the answer. By default it copies the schema's fields onto the object (`applyUpdate`).
 * @param {string} path e.g. /api/v1/refunds/{refund_id}
 * @param {string} collection
 * @param {string} what human name for the 404 ("Refund")
 * @param {Record<string, import('../validate').FieldSpec>} schema
 * @param {(ctx: Ctx, obj: Record<string, any>, body: Record<string, any>) => any} [update]
 * @returns {Route}
 */
function updateRoute(
	path,
	collection,
	what,
	schema,
	update = (_ctx, obj, body) => applyUpdate(obj, body, Object.keys(schema)),
) {
	return {
		method: 'POST',
		path,
		schema,
		handler: (ctx) => {
			const obj = mustGet(ctx, collection, firstParam(ctx), what);
			validate(ctx.body, schema, ctx.dialect);
			return update(ctx, obj, ctx.body);
		},
	};
}

/**
 * Generic list route with equality filters on the given query parameters (unless the dialect
 * ignores filters), answered in the dialect's envelope.
 * @param {string} path
 * @param {string} collection
 * @param {string[]} filterFields query names that filter on the same-named object field
 * @param {Record<string, (obj: Record<string, any>, value: string) => boolean>} [custom]
 * @returns {Route}
 */
function listRoute(path, collection, filterFields, custom = {}) {
	return {
		method: 'GET',
		path,
		handler: (ctx) => {
			/** @type {Array<[string, string]>} */
			const active = [];
			const rules = ctx.dialect || DIALECT_DEFAULTS;
			if (rules.filters !== 'ignored')
				for (const f of filterFields) {
					const v = ctx.query[f];
					if (v !== undefined && v !== '') active.push([f, String(v)]);
				}
			const filter =
				active.length === 0
					? undefined
					: (/** @type {Record<string, any>} */ obj) =>
							active.every(([f, v]) => {
								if (custom[f]) return custom[f](obj, v);
								const have = obj[f];
								if (f === 'email' && typeof have === 'string') return have.toLowerCase() === v.toLowerCase();
								return have !== null && have !== undefined && String(have) === v;
							});
			const counted = rules.listEnvelope === 'data';
			const page = ctx.store.list(ctx.merchantNo, collection, {
				query: ctx.query,
				filter,
				paging: rules,
				count: counted,
			});
			return listEnvelope(rules, page);
		},
	};
}

/** The single path parameter of a route (`{id}`, `{payment_link_id}` ...). @param {Ctx} ctx */
function firstParam(ctx) {
	const keys = Object.keys(ctx.params);
	return keys.length ? ctx.params[keys[0]] : '';
}

module.exports = { retrieveRoute, createRoute, updateRoute, listRoute };
