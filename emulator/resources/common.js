'use strict';
/**
 * Helpers shared by the resource modules: object stamping, updates, lookups (the routes that use
 * them are built by routes.js).
 *
 * A route is `{ method, path, handler }` where `path` may contain `{param}` segments and
 * `handler(ctx)` returns the response body (status 200) or `{ status, body }` via `respond()`.
 */
const { isoNow, notFound, clone, isPlainObject } = require('../util');

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
 * @property {import('../server').EmulatorConfig} [dialect] the live config: paging rules and dialect switches
 */

/**
 * @typedef {object} Route
 * @property {'GET'|'POST'} method
 * @property {string} path
 * @property {(ctx: Ctx) => any} handler
 * @property {Record<string, import('../validate').FieldSpec>} [schema] its body's known fields
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

/** Treat `canceled`/`cancelled` alike. @param {string} s */
const normStatus = (s) => (s === 'canceled' ? 'cancelled' : s);

/** The status a cancelled object gets in the configured spelling (events keep `.cancelled`). @param {Ctx} ctx */
const cancelledStatus = (ctx) => (ctx.dialect && ctx.dialect.statusSpelling === 'canceled' ? 'canceled' : 'cancelled');

module.exports = {
	ERROR_FIELDS,
	stamp,
	touch,
	val,
	applyUpdate,
	mustGet,
	mustRef,
	respond,
	normStatus,
	cancelledStatus,
};
