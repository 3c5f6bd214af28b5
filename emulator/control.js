'use strict';
/**
 * Control plane under /__emulator/* (no auth, no faults, not in the request log; loopback callers
 * and JSON bodies only, see checkCaller):
 *
 *   GET  /__emulator/health                      liveness + counters (and the process's RSS)
 *   GET  /__emulator/stats                       what the request, event and delivery logs keep (entries, bytes)
 *   GET  /__emulator/config                      current fault/timing config
 *   POST /__emulator/config                      patch config {latencyMs, rateLimitPerSec, serverErrorRate, resetRate, throttleRate, lostResponseRate, timeScale, seed,
 *                                               pageBase, maxPageSize, pageSizeOverflow, and the dialect switches (dialects.js)}
 *   POST /__emulator/reset                       empty everything, config back to startup defaults
 *   GET  /__emulator/requests[?limit=&path=&method=]  request log {items, total}, oldest first
 *   GET  /__emulator/public-key                  webhook signing public key (PEM, text/plain)
 *   GET  /__emulator/deliveries[?event_id=&endpoint_id=&name=]  delivery attempts {items}
 *   POST /__emulator/deliveries/redeliver        {event_id, endpoint_id?} resend same id + body
 *   POST /__emulator/events                      {merchant_no, name, data} emit an arbitrary event
 *   GET  /__emulator/events                      emitted events {items}
 *   GET  /__emulator/events/{id}                 one event with its envelope
 *   GET  /__emulator/routes                      the /api/v1 routes served
 *   GET  /__emulator/3ds/{payment_intent_id}     3-D Secure page; ?result=success|failure completes it
 *   POST /__emulator/3ds/{payment_intent_id}     {result: 'success'|'failure'} -> PaymentIntent JSON
 *   POST /__emulator/checkout_sessions/{id}/complete | /expire  -> CheckoutSession JSON
 *   GET  /__emulator/pay/{payment_link_id}       tiny HTML page for a payment link URL
 *   GET  /  and /__emulator/dashboard/*          the dashboard (dashboard.js)
 */
const { ApiError, MAX_JSON_DEPTH, isPlainObject, isLoopbackHost, nestsDeeperThan, readBody } = require('./util');
const { complete3ds } = require('./resources/paymentIntents');
const { completeSession, expireSession } = require('./resources/checkoutSessions');
const { present } = require('./dialects');
const { DASHBOARD_ROUTES } = require('./dashboard');

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 */
function json(res, status, body) {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'content-length': Buffer.byteLength(text),
	});
	res.end(text);
}

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string} text
 * @param {string} type
 */
function text(res, status, text, type) {
	res.writeHead(status, { 'content-type': `${type}; charset=utf-8`, 'content-length': Buffer.byteLength(text) });
	res.end(text);
}

/** @param {string} s */
const esc = (s) => String(s).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The control plane changes what the emulator does (config, reset, events that run workflows), and
 * it has no credentials: only programs on this machine may use it, not web pages open in the
 * user's browser. A browser sends an `Origin` header with every cross-site POST (a form or a
 * `text/plain` fetch needs no CORS preflight), and the `Host` of the page's own site, so:
 * a foreign Origin (or `null`, from sandboxed pages) gets 403; a Host that is not a loopback
 * address (DNS rebinding: a site whose name resolves to 127.0.0.1) gets 403; a POST that is not
 * `application/json` (what a page can send without a preflight) gets 415.
 * @param {import('node:http').IncomingMessage} req
 * @param {string} method
 */
function checkCaller(req, method) {
	const host = hostnameOf(`http://${req.headers.host || ''}`);
	if (!host || !isLoopbackHost(host))
		throw new ApiError(403, 'forbidden', null, 'The control plane only answers requests to a loopback host');
	const origin = req.headers.origin;
	if (origin !== undefined && !isLoopbackHost(hostnameOf(String(origin)) || ''))
		throw new ApiError(403, 'forbidden', null, `The control plane does not accept requests from ${String(origin)}`);
	if (method !== 'GET' && method !== 'HEAD') {
		const type = String(req.headers['content-type'] || '')
			.split(';')[0]
			.trim()
			.toLowerCase();
		if (type !== 'application/json')
			throw new ApiError(415, 'unsupported_media_type', null, 'Control plane requests must be application/json');
	}
}

/** @param {string} url @returns {string|undefined} the hostname (IPv6 in brackets), or undefined */
function hostnameOf(url) {
	try {
		return new URL(url).hostname;
	} catch {
		return undefined;
	}
}

/**
 * The JSON object body of a control request (at most 1 MiB; none = {}).
 * @param {import('node:http').IncomingMessage} req
 * @returns {Promise<Record<string, any>>}
 */
async function readJson(req) {
	const raw = (await readBody(req)).trim();
	if (!raw) return {};
	let value;
	try {
		value = JSON.parse(raw);
	} catch {
		throw new ApiError(400, 'invalid_argument', null, 'Body is not valid JSON');
	}
	if (nestsDeeperThan(value))
		throw new ApiError(400, 'invalid_argument', null, `Body nests deeper than ${MAX_JSON_DEPTH} levels`);
	if (!isPlainObject(value)) throw new ApiError(400, 'invalid_argument', null, 'Body must be a JSON object');
	return value;
}

/**
 * Finds an object by id in any merchant and returns a ctx for that merchant.
 * @param {any} emu
 * @param {string} collection
 * @param {string} id
 * @param {string} what
 */
function locate(emu, collection, id, what) {
	const hit = emu.store.findAnywhere(collection, id);
	if (!hit) throw new ApiError(404, 'resource_not_found', null, `${what} ${id} not found`);
	const ctx = emu.makeCtx(hit.merchantNo, hit.rec.obj.app_id || '');
	return { ctx, obj: hit.rec.obj };
}

/**
 * What a control handler gets: the emulator, the request's method, JSON body and query, and the
 * decoded `{id}` of its path (if any).
 * @typedef {object} ControlRequest
 * @property {any} emu the object returned by createEmulator
 * @property {string} method
 * @property {Record<string, any>} body
 * @property {URLSearchParams} query
 * @property {string} id
 */

/**
 * @typedef {object} ControlRoute
 * @property {string} method an HTTP method, or '*' for any
 * @property {RegExp} path anchored; its one capture group (if any) is the request's `id`
 * @property {(request: ControlRequest, res: import('node:http').ServerResponse) => void} handle
 */

/** @type {(request: ControlRequest, res: import('node:http').ServerResponse) => void} */
function health({ emu }, res) {
	json(res, 200, {
		status: 'ok',
		url: emu.url,
		uptime_ms: Date.now() - emu.stats.startedAt,
		requests: emu.stats.requests,
		pending_retries: emu.dispatcher.timers.size,
		rss_bytes: process.memoryUsage().rss,
	});
}

/** @type {(request: ControlRequest, res: import('node:http').ServerResponse) => void} */
function requestLog({ emu, query }, res) {
	let items = emu.requestLog.toArray();
	const p = query.get('path');
	const m = query.get('method');
	if (p) items = items.filter((/** @type {any} */ e) => e.path === p);
	if (m) items = items.filter((/** @type {any} */ e) => e.method === m.toUpperCase());
	const limit = Number(query.get('limit'));
	if (limit > 0) items = items.slice(-limit);
	json(res, 200, { items, total: emu.requestLog.total });
}

/** @type {(request: ControlRequest, res: import('node:http').ServerResponse) => void} */
function deliveries({ emu, query }, res) {
	let items = emu.dispatcher.log.toArray();
	for (const key of ['event_id', 'endpoint_id', 'name']) {
		const v = query.get(key);
		if (v) items = items.filter((/** @type {any} */ d) => d[key] === v);
	}
	json(res, 200, { items });
}

/** @type {(request: ControlRequest, res: import('node:http').ServerResponse) => void} */
function redeliver({ emu, body }, res) {
	if (typeof body.event_id !== 'string' || !body.event_id)
		throw new ApiError(400, 'field_required', 'event_id', 'event_id is required');
	const n = emu.dispatcher.redeliver(body.event_id, body.endpoint_id);
	if (n < 0) throw new ApiError(404, 'resource_not_found', 'event_id', `Event ${body.event_id} not found`);
	json(res, 200, { event_id: body.event_id, endpoints: n });
}

/** @type {(request: ControlRequest, res: import('node:http').ServerResponse) => void} */
function emitEvent({ emu, body }, res) {
	if (typeof body.merchant_no !== 'string' || !body.merchant_no)
		throw new ApiError(400, 'field_required', 'merchant_no', 'merchant_no is required');
	if (typeof body.name !== 'string' || !body.name)
		throw new ApiError(400, 'field_required', 'name', 'name is required');
	const data = body.data === undefined ? {} : body.data;
	json(res, 200, emu.emitEvent(body.merchant_no, body.name, data));
}

/**
 * The 3-D Secure page of a payment intent: without a result, the challenge with its two links;
 * with one (query on GET, body on POST), the challenge completed.
 * @type {(request: ControlRequest, res: import('node:http').ServerResponse) => void}
 */
function threeDs({ emu, method, body, query, id }, res) {
	const { ctx, obj } = locate(emu, 'payment_intents', id, 'PaymentIntent');
	const result = method === 'POST' ? body.result : query.get('result');
	if (!result)
		return text(
			res,
			200,
			`<!doctype html><title>3-D Secure (emulator)</title><h1>3-D Secure challenge</h1><p>PaymentIntent ${esc(obj.id)}: ${esc(obj.amount)} ${esc(obj.currency)} (${esc(obj.status)})</p><p><a href="?result=success">Complete authentication</a> | <a href="?result=failure">Fail authentication</a></p>`,
			'text/html',
		);
	if (result !== 'success' && result !== 'failure')
		throw new ApiError(400, 'invalid_argument', 'result', 'result must be success or failure');
	complete3ds(ctx, obj, result === 'success');
	ctx.flush();
	if (method === 'POST') return json(res, 200, present(emu.config, obj));
	const back = obj.return_url ? `<p><a href="${esc(obj.return_url)}">Return to merchant</a></p>` : '';
	text(
		res,
		200,
		`<!doctype html><title>3-D Secure</title><h1>Authentication ${esc(result)}</h1><p>PaymentIntent ${esc(obj.id)} is now <b>${esc(obj.status)}</b>.</p>${back}`,
		'text/html',
	);
}

/**
 * @param {(ctx: any, cs: Record<string, any>) => void} play completeSession or expireSession
 * @returns {(request: ControlRequest, res: import('node:http').ServerResponse) => void}
 */
const checkoutAction =
	(play) =>
	({ emu, id }, res) => {
		const { ctx, obj } = locate(emu, 'checkout_sessions', id, 'Checkout Session');
		play(ctx, obj);
		ctx.flush();
		json(res, 200, present(emu.config, obj));
	};

/** @type {(request: ControlRequest, res: import('node:http').ServerResponse) => void} */
function paymentLinkPage({ emu, id }, res) {
	const { obj } = locate(emu, 'payment_links', id, 'Payment link');
	text(
		res,
		200,
		`<!doctype html><title>${esc(obj.title || 'Payment link')}</title><h1>${esc(obj.title || 'Payment link')}</h1><p>${esc(obj.amount)} ${esc(obj.currency)}</p><p>${esc(obj.description || '')}</p><p>(UseePay emulator: no payment is collected here.)</p>`,
		'text/html',
	);
}

/** @type {ControlRoute[]} */
const CONTROL_ROUTES = [
	{ method: 'GET', path: /^\/__emulator\/health$/, handle: health },
	{ method: 'GET', path: /^\/__emulator\/stats$/, handle: ({ emu }, res) => json(res, 200, emu.logStats()) },
	{ method: 'GET', path: /^\/__emulator\/config$/, handle: ({ emu }, res) => json(res, 200, { ...emu.config }) },
	{
		method: 'POST',
		path: /^\/__emulator\/config$/,
		handle: ({ emu, body }, res) => json(res, 200, emu.setConfig(body)),
	},
	{
		method: 'POST',
		path: /^\/__emulator\/reset$/,
		handle: ({ emu }, res) => {
			emu.reset();
			json(res, 200, { status: 'ok', config: { ...emu.config } });
		},
	},
	{ method: 'GET', path: /^\/__emulator\/requests$/, handle: requestLog },
	{
		method: 'GET',
		path: /^\/__emulator\/public-key$/,
		handle: ({ emu }, res) => text(res, 200, emu.publicKeyPem, 'text/plain'),
	},
	{
		method: 'GET',
		path: /^\/__emulator\/routes$/,
		handle: ({ emu }, res) => json(res, 200, { items: emu.router.list() }),
	},
	{ method: 'GET', path: /^\/__emulator\/deliveries$/, handle: deliveries },
	{ method: 'POST', path: /^\/__emulator\/deliveries\/redeliver$/, handle: redeliver },
	{
		method: 'GET',
		path: /^\/__emulator\/events$/,
		handle: ({ emu }, res) => json(res, 200, { items: emu.dispatcher.listEvents() }),
	},
	{ method: 'POST', path: /^\/__emulator\/events$/, handle: emitEvent },
	{
		method: 'GET',
		path: /^\/__emulator\/events\/([^/]+)$/,
		handle: ({ emu, id }, res) => {
			const ev = emu.dispatcher.getEvent(id);
			if (!ev) throw new ApiError(404, 'resource_not_found', null, 'Event not found');
			json(res, 200, ev);
		},
	},
	{ method: '*', path: /^\/__emulator\/3ds\/([^/]+)$/, handle: threeDs },
	{
		method: 'POST',
		path: /^\/__emulator\/checkout_sessions\/([^/]+)\/complete$/,
		handle: checkoutAction(completeSession),
	},
	{ method: 'POST', path: /^\/__emulator\/checkout_sessions\/([^/]+)\/expire$/, handle: checkoutAction(expireSession) },
	{ method: 'GET', path: /^\/__emulator\/pay\/([^/]+)$/, handle: paymentLinkPage },
	...DASHBOARD_ROUTES,
];

/**
 * The body of a control request: read (bounded) before the caller is judged, since answering
 * while a client is still sending would reset its connection instead of giving it the answer;
 * who calls is judged before what the body holds.
 * @param {import('node:http').IncomingMessage} req
 * @param {string} method
 */
async function judgedBody(req, method) {
	let bodyError;
	const body =
		method === 'GET' || method === 'HEAD'
			? {}
			: await readJson(req).catch((/** @type {unknown} */ error) => {
					bodyError = error;
					return {};
				});
	checkCaller(req, method);
	if (bodyError) throw bodyError;
	return body;
}

/**
 * A percent-encoded id from a control path; malformed encoding (`%E0%A4%A`) is the caller's error.
 * @param {string} raw
 */
function decodePathId(raw) {
	try {
		return decodeURIComponent(raw);
	} catch {
		throw new ApiError(400, 'invalid_argument', null, `Malformed percent-encoding in path segment ${raw}`);
	}
}

/**
 * @param {any} emu the object returned by createEmulator
 * @param {import('node:http').IncomingMessage} req
 * @param {import('node:http').ServerResponse} res
 * @param {URL} url
 */
async function handleControl(emu, req, res, url) {
	const method = req.method || 'GET';
	const path = url.pathname.replace(/\/+$/, '');
	try {
		const body = await judgedBody(req, method);
		for (const route of CONTROL_ROUTES) {
			if (route.method !== '*' && route.method !== method) continue;
			const m = route.path.exec(path);
			if (!m) continue;
			const id = m[1] === undefined ? '' : decodePathId(m[1]);
			return route.handle({ emu, method, body, query: url.searchParams, id }, res);
		}
		throw new ApiError(404, 'resource_not_found', null, `No such control endpoint: ${method} ${path}`);
	} catch (err) {
		if (err instanceof ApiError) return json(res, err.status, err.toBody());
		return json(res, 500, { code: 'internal_error', source: null, message: String(err && err.message) });
	}
}

module.exports = { handleControl };
