'use strict';
/**
 * Helpers shared by the resource modules: object stamping, lookups, generic list/retrieve routes.
 *
 * A route is `{ method, path, handler }` where `path` may contain `{param}` segments and
 * `handler(ctx)` returns the response body (status 200) or `{ status, body }` via `respond()`.
 */
const { isoNow, notFound, clone, isPlainObject } = require('../util');
const { validate } = require('../validate');

/**
 * @typedef {object} Ctx
 * @property {string} merchantNo
 * @property {string} appId
 * @property {Record<string, any>} body parsed JSON body ({} for GET)
 * @property {Record<string, string|undefined>} query
 * @property {Record<string, string>} params path parameters
 * @property {import('../store').Store} store
 * @property {(name: string, obj: Record<string, any>) => void} emit queue a webhook event
 * @property {string} baseUrl emulator base URL, e.g. http://127.0.0.1:4010
 * @property {import('../store').PagingRules} [paging] the configured paging rules (lists)
 */

/**
 * @typedef {object} Route
 * @property {'GET'|'POST'} method
 * @property {string} path
 * @property {(ctx: Ctx) => any} handler
 */

/** Bookkeeping error fields carried by most objects. */
const ERROR_FIELDS = Object.freeze({ code: null, source: null, message: null, decline_code: null, doc_url: null });

/**
 * Builds a new object: `{ id, ...fields, [error fields], merchant_no, app_id, create_at, modify_at }`.
 * @param {Ctx} ctx
 * @param {string} id
 * @param {Record<string, any>} fields
 * @param {{errorFields?: boolean|'short'}} [opts] 'short' = code/source/message only
 * @returns {Record<string, any>}
 */
function stamp(ctx, id, fields, opts = {}) {
	const now = isoNow();
	/** @type {Record<string, any>} */
	const obj = { id, ...fields };
	if (opts.errorFields === 'short') Object.assign(obj, { code: null, source: null, message: null });
	else if (opts.errorFields) Object.assign(obj, ERROR_FIELDS);
	obj.merchant_no = ctx.merchantNo;
	obj.app_id = ctx.appId;
	obj.create_at = now;
	obj.modify_at = now;
	return obj;
}

/** @param {Record<string, any>} obj */
function touch(obj) {
	obj.modify_at = isoNow();
	return obj;
}

/**
 * The body value for `key`, deep-copied, or `dflt` when absent.
 * @param {Record<string, any>} body
 * @param {string} key
 * @param {any} [dflt]
 */
function val(body, key, dflt = null) {
	return body[key] === undefined ? dflt : clone(body[key]);
}

/**
 * Copies the listed fields that are present in `body` onto `obj` (update semantics: absent = unchanged,
 * explicit null = cleared). Metadata objects are merged key by key.
 * @param {Record<string, any>} obj
 * @param {Record<string, any>} body
 * @param {string[]} fields
 */
function applyUpdate(obj, body, fields) {
	for (const f of fields) {
		if (body[f] === undefined) continue;
		if (f === 'metadata' && isPlainObject(body[f]) && isPlainObject(obj[f])) {
			obj[f] = { ...obj[f], ...clone(body[f]) };
		} else obj[f] = clone(body[f]);
	}
	return touch(obj);
}

/**
 * @param {Ctx} ctx
 * @param {string} collection
 * @param {string} id
 * @param {string} what human name for the message ("Customer")
 * @returns {Record<string, any>}
 */
function mustGet(ctx, collection, id, what) {
	const obj = ctx.store.get(ctx.merchantNo, collection, id);
	if (!obj) throw notFound(what);
	return obj;
}

/**
 * Resolves an id referenced in the request body. Missing or another merchant's -> 404 with source.
 * @param {Ctx} ctx
 * @param {string} collection
 * @param {string} id
 * @param {string} source body field name
 * @param {string} what
 */
function mustRef(ctx, collection, id, source, what) {
	const obj = ctx.store.get(ctx.merchantNo, collection, id);
	if (!obj) throw notFound(`${what} ${id}`, source);
	return obj;
}

/**
 * @param {number} status
 * @param {any} body
 */
function respond(status, body) {
	return { __response: true, status, body };
}

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
		handler: (ctx) => {
			validate(ctx.body, schema);
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
		handler: (ctx) => {
			const obj = mustGet(ctx, collection, firstParam(ctx), what);
			validate(ctx.body, schema);
			return update(ctx, obj, ctx.body);
		},
	};
}

/**
 * Generic list route with equality filters on the given query parameters.
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
			return ctx.store.list(ctx.merchantNo, collection, { query: ctx.query, filter, paging: ctx.paging });
		},
	};
}

/** The single path parameter of a route (`{id}`, `{payment_link_id}` ...). @param {Ctx} ctx */
function firstParam(ctx) {
	const keys = Object.keys(ctx.params);
	return keys.length ? ctx.params[keys[0]] : '';
}

/** Treat `canceled`/`cancelled` alike. @param {string} s */
const normStatus = (s) => (s === 'canceled' ? 'cancelled' : s);

module.exports = {
	ERROR_FIELDS,
	stamp,
	touch,
	val,
	applyUpdate,
	mustGet,
	mustRef,
	respond,
	retrieveRoute,
	createRoute,
	updateRoute,
	listRoute,
	firstParam,
	normStatus,
};
