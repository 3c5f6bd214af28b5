'use strict';
/**
 * UseePay API emulator: a local, stateful stand-in for https://openapi1.uat.useepay.com.
 *
 *   const { createEmulator } = require('./emulator/server');
 *   const emu = createEmulator({ seed: 1, timeScale: 1000 });
 *   const { url } = await emu.listen(0);        // always binds a loopback address
 *   ...
 *   await emu.close();
 *
 * Pipeline for /api/v1/*: [reset fault] -> [rate limit] -> [server-error fault] -> read body (413
 * over 1 MiB) -> [latency] -> route (404) -> auth (401) -> JSON body (400) -> handler -> webhook events.
 * /__emulator/* (control plane, see control.js) never gets faults, rate limits or auth; it takes
 * requests from this machine only (loopback Host, no foreign Origin) and JSON bodies only.
 */
const http = require('node:http');
const crypto = require('node:crypto');
const { Store } = require('./store');
const { Router } = require('./router');
const { WebhookDispatcher } = require('./webhooks');
const { Faults } = require('./faults');
const {
	ApiError,
	BoundedLog,
	MAX_JSON_DEPTH,
	isPlainObject,
	clone,
	isLoopbackHost,
	nestsDeeperThan,
	readBody,
} = require('./util');
const { handleControl } = require('./control');
const { DIALECT_DEFAULTS, checkSwitch, expandPreset, present } = require('./dialects');

const DEFAULT_API_KEY = 'UseePay_SK_emulator';
/** A request (body included) still incomplete after this is answered 408 and closed by Node. */
const REQUEST_TIMEOUT_MS = 60000;
/** Default byte budget of the request, event and delivery logs together. */
const DEFAULT_LOG_BYTE_LIMIT = 64 * 1024 * 1024;
/** A rejected request keeps its body in the request log only up to this size. */
const MAX_REJECTED_BODY_LOGGED = 4096;

/**
 * @typedef {object} MerchantOption
 * @property {string} merchantNo
 * @property {string} apiKey
 * @property {string} [appId] when set, x-app-id must equal it
 */

/**
 * @typedef {object} EmulatorConfig
 * @property {number} latencyMs added before each /api/v1 response
 * @property {number} rateLimitPerSec per-merchant requests per sliding second, 0 = unlimited
 * @property {number} serverErrorRate fraction [0,1] of /api/v1 requests answered 500
 * @property {number} resetRate fraction [0,1] of /api/v1 connections destroyed without a response
 * @property {number} throttleRate fraction [0,1] of /api/v1 requests answered 429 (Retry-After: 1) whatever the rate
 * @property {number} lostResponseRate fraction [0,1] of /api/v1 requests applied, then their connection destroyed before the answer
 * @property {number} timeScale webhook retry delays are divided by this (1 = real time)
 * @property {number|string|null} seed PRNG seed for the faults (null = Math.random)
 * @property {0|1} pageBase number of the first page of a list (page_num); UNCERTAIN in UseePay's docs
 * @property {number} maxPageSize largest page_size of a list (default 100); UNCERTAIN in UseePay's docs
 * @property {'clamp'|'reject'} pageSizeOverflow a larger page_size is clamped, or refused with 400 on page_size
 * @property {'docs'|'sdk'} dialect the preset last applied (see dialects.js)
 * @property {'page_num'|'page'|'none'} pagingQuery which query parameters page a list
 * @property {'first'|'empty'|'reject'} pageZero page_num=0 when pages count from 1
 * @property {'items'|'data'} listEnvelope `{items, has_more}` or `{data, has_more, total, page, page_size}`
 * @property {'honoured'|'ignored'} filters list filters applied or silently ignored
 * @property {'already_exists'|'e11000'} duplicateAnswer the answer to a duplicate unique key
 * @property {'refuse'|'accept'} emptyArrayBody a `[]` body (and `[]` for an object field) refused or read as {}
 * @property {'cancelled'|'canceled'} statusSpelling the status of cancelled objects
 * @property {'number'|'string'} amounts amounts as JSON numbers, or numeric strings accepted and answered as "25.50"
 * @property {boolean} strictBody unknown body fields refused with 400
 */

/**
 * @typedef {object} EmulatorOptions
 * @property {number} [latencyMs]
 * @property {number} [rateLimitPerSec]
 * @property {number} [serverErrorRate]
 * @property {number} [resetRate]
 * @property {number} [throttleRate]
 * @property {number} [lostResponseRate]
 * @property {number} [timeScale]
 * @property {number|string|null} [seed]
 * @property {0|1} [pageBase]
 * @property {number} [maxPageSize]
 * @property {'clamp'|'reject'} [pageSizeOverflow]
 * @property {'docs'|'sdk'} [dialect] preset for the switches below (individual ones given alongside win)
 * @property {'page_num'|'page'|'none'} [pagingQuery]
 * @property {'first'|'empty'|'reject'} [pageZero]
 * @property {'items'|'data'} [listEnvelope]
 * @property {'honoured'|'ignored'} [filters]
 * @property {'already_exists'|'e11000'} [duplicateAnswer]
 * @property {'refuse'|'accept'} [emptyArrayBody]
 * @property {'cancelled'|'canceled'} [statusSpelling]
 * @property {'number'|'string'} [amounts]
 * @property {boolean} [strictBody]
 * @property {MerchantOption[]} [merchants] configured merchants (their key/app id must match)
 * @property {boolean} [allowAnyMerchant] accept unknown merchant numbers with `defaultApiKey` (default true)
 * @property {string} [defaultApiKey] default "UseePay_SK_emulator"
 * @property {string} [privateKeyPem] RSA private key (PEM) used to sign webhooks; generated when absent
 * @property {string} [publicKeyPem] matching public key (derived from the private key when absent)
 * @property {number} [requestLogLimit] entries kept in the request log (default 50000, 0 = off)
 * @property {number} [deliveryLogLimit] entries kept in the delivery log (default 50000)
 * @property {number} [eventLogLimit] events kept for redelivery (default 10000)
 * @property {number} [deliveryTimeoutMs] per-attempt webhook timeout (default 10000)
 * @property {number} [logByteLimit] bytes kept by the request (1/2), event (3/8) and delivery (1/8)
 *   logs together (default 64 MiB); the oldest entries go first
 */

const CONFIG_KEYS = [
	'latencyMs',
	'rateLimitPerSec',
	'serverErrorRate',
	'resetRate',
	'throttleRate',
	'lostResponseRate',
	'timeScale',
	'seed',
	'pageBase',
	'maxPageSize',
	'pageSizeOverflow',
	...Object.keys(DIALECT_DEFAULTS).filter((k) => k !== 'pageBase' && k !== 'maxPageSize' && k !== 'pageSizeOverflow'),
];
const RATE_KEYS = ['serverErrorRate', 'resetRate', 'throttleRate', 'lostResponseRate'];

/**
 * Validates a partial config, its `dialect` preset expanded. Throws ApiError(400) on a bad value.
 * @param {Record<string, any>} patch
 * @returns {Partial<EmulatorConfig>}
 */
function checkConfig(patch) {
	/** @type {Record<string, any>} */
	const out = {};
	for (const [k, v] of Object.entries(expandPreset(patch))) {
		if (!CONFIG_KEYS.includes(k))
			throw new ApiError(
				400,
				'invalid_argument',
				k,
				`Unknown config key ${k}; expected one of ${CONFIG_KEYS.join(', ')}`,
			);
		if (k === 'seed') {
			if (v !== null && typeof v !== 'number' && typeof v !== 'string')
				throw new ApiError(400, 'invalid_argument', k, 'seed must be a number, a string or null');
			out[k] = v;
			continue;
		}
		const checked = checkSwitch(k, v);
		if (checked) {
			out[k] = checked.value;
			continue;
		}
		const n = v === null ? 0 : Number(v);
		if (typeof v === 'boolean' || !Number.isFinite(n) || n < 0)
			throw new ApiError(400, 'invalid_argument', k, `${k} must be a non-negative number`);
		if (RATE_KEYS.includes(k) && n > 1) throw new ApiError(400, 'invalid_argument', k, `${k} must be between 0 and 1`);
		if (k === 'timeScale' && n <= 0) throw new ApiError(400, 'invalid_argument', k, 'timeScale must be > 0');
		if (k === 'pageBase' && n !== 0 && n !== 1)
			throw new ApiError(400, 'invalid_argument', k, 'pageBase must be 0 or 1');
		if (k === 'maxPageSize' && (!Number.isInteger(n) || n < 1))
			throw new ApiError(400, 'invalid_argument', k, 'maxPageSize must be a whole number >= 1');
		out[k] = n;
	}
	return out;
}

/**
 * @param {http.ServerResponse} res
 * @param {number} status
 * @param {unknown} body
 * @param {Record<string, string>} [headers]
 */
function sendJson(res, status, body, headers = {}) {
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json; charset=utf-8',
		'content-length': Buffer.byteLength(text),
		...headers,
	});
	res.end(text);
}

/** @param {number} ms */
const delay = (ms) => new Promise((r) => setTimeout(r, ms));

/**
 * A request-log entry's size as counted against the log's byte budget: its body's bytes (as
 * received) plus its other fields' text, plus a fixed overhead.
 * @param {Record<string, any>} entry
 * @param {number} bodyBytes
 */
function entryBytes(entry, bodyBytes) {
	let n = 256 + entry.path.length + (entry.body === null ? 0 : bodyBytes);
	for (const [k, v] of Object.entries(entry.query)) n += k.length + String(v).length;
	for (const [k, v] of Object.entries(entry.headers || {})) n += k.length + String(v).length;
	return n;
}

/** @param {http.IncomingHttpHeaders} h */
function maskHeaders(h) {
	/** @type {Record<string, string|string[]|undefined>} */
	const out = { ...h };
	if (out['x-api-key'] !== undefined) out['x-api-key'] = '***';
	if (out.authorization !== undefined) out.authorization = '***';
	return out;
}

/**
 * The startup config: the defaults, overridden by the options' config keys (checked).
 * @param {EmulatorOptions} options
 * @returns {EmulatorConfig}
 */
function initialConfig(options) {
	/** @type {Record<string, any>} */
	const given = options;
	return {
		latencyMs: 0,
		rateLimitPerSec: 0,
		serverErrorRate: 0,
		resetRate: 0,
		throttleRate: 0,
		lostResponseRate: 0,
		timeScale: 1,
		seed: null,
		...DIALECT_DEFAULTS,
		...checkConfig(Object.fromEntries(CONFIG_KEYS.filter((k) => given[k] !== undefined).map((k) => [k, given[k]]))),
	};
}

/**
 * The webhook signing key pair: the given private key (and public key, else derived), or a new one.
 * @param {EmulatorOptions} options
 * @returns {{privateKey: crypto.KeyObject, publicKeyPem: string}}
 */
function signingKeys(options) {
	if (options.privateKeyPem) {
		const privateKey = crypto.createPrivateKey(options.privateKeyPem);
		const publicKeyPem =
			options.publicKeyPem || crypto.createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
		return { privateKey, publicKeyPem };
	}
	const pair = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 });
	return {
		privateKey: pair.privateKey,
		publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
	};
}

/**
 * Checks an API request's credentials: configured merchants by their own key (and app id), any
 * other merchant by the default key unless that is off.
 * @param {EmulatorOptions} options
 * @returns {(headers: http.IncomingHttpHeaders) => ApiError|null} the 401 to answer, or null
 */
function createAuthenticator(options) {
	/** @type {Map<string, MerchantOption>} */
	const merchants = new Map((options.merchants || []).map((m) => [String(m.merchantNo), m]));
	const defaultApiKey = options.defaultApiKey ?? DEFAULT_API_KEY;
	const allowAnyMerchant = options.allowAnyMerchant ?? true;
	/** @param {string} message */
	const unauthorized = (message) => new ApiError(401, 'unauthorized', null, message);
	return (h) => {
		const mno = h['x-merchant-no'];
		const key = h['x-api-key'];
		const app = h['x-app-id'];
		if (!mno || !key || !app || Array.isArray(mno) || Array.isArray(key) || Array.isArray(app))
			return unauthorized('Missing credentials: x-merchant-no, x-api-key and x-app-id headers are required');
		const m = merchants.get(mno);
		if (m) {
			if (key !== m.apiKey) return unauthorized(`Invalid API key for merchant ${mno}`);
			if (m.appId && app !== m.appId) return unauthorized(`App id is not approved for merchant ${mno}`);
			return null;
		}
		if (allowAnyMerchant && key === defaultApiKey) return null;
		return unauthorized(`Invalid API key for merchant ${mno}`);
	};
}

/**
 * An answer to an /api/v1 request as `{status, body, headers}`, or the connection dropped.
 * @typedef {{status: number, body: unknown, headers?: Record<string, string>} | 'drop'} ApiAnswer
 */

/**
 * The injected fault (reset, rate limit, throttle, server error) this request gets, if any;
 * `entry.fault` names it in the request log.
 * @param {Faults} faults
 * @param {EmulatorConfig} config
 * @param {http.IncomingMessage} req
 * @param {Record<string, any>} entry
 * @returns {ApiAnswer|null}
 */
function injectedFault(faults, config, req, entry) {
	if (faults.roll(config.resetRate)) {
		entry.fault = 'reset';
		return 'drop';
	}
	const rl = faults.rateLimit(String(req.headers['x-merchant-no'] || '-'));
	if (!rl.ok) {
		entry.fault = 'rate_limited';
		return {
			status: 429,
			body: {
				code: 'rate_limited',
				source: null,
				message: `Too many requests: limit is ${config.rateLimitPerSec} per second`,
			},
			headers: { 'retry-after': String(Math.max(1, Math.ceil(rl.retryAfterMs / 1000))) },
		};
	}
	if (faults.roll(config.throttleRate)) {
		entry.fault = 'throttled';
		return {
			status: 429,
			body: { code: 'rate_limited', source: null, message: 'Too many requests (emulated fault)' },
			headers: { 'retry-after': '1' },
		};
	}
	if (faults.roll(config.serverErrorRate)) {
		entry.fault = 'server_error';
		return {
			status: 500,
			body: { code: 'service_unavailable', source: null, message: 'Service temporarily unavailable (emulated fault)' },
		};
	}
	return null;
}

/**
 * A POST body as the API takes it: empty, or a JSON object (or `[]`, the SDK's empty PHP array,
 * when the dialect accepts it).
 * @param {string} raw
 * @param {EmulatorConfig} config
 * @returns {{body: Record<string, any>} | {error: string, logged: unknown}}
 */
function parseApiBody(raw, config) {
	if (raw.trim() === '') return { body: {} };
	let parsed;
	try {
		parsed = JSON.parse(raw);
	} catch {
		return { error: 'Request body is not valid JSON', logged: raw };
	}
	if (nestsDeeperThan(parsed)) return { error: `Request body nests deeper than ${MAX_JSON_DEPTH} levels`, logged: raw };
	if (config.emptyArrayBody === 'accept' && Array.isArray(parsed) && parsed.length === 0) return { body: {} };
	if (!isPlainObject(parsed)) return { error: 'Request body must be a JSON object', logged: parsed };
	return { body: parsed };
}

/**
 * @typedef {object} ApiParts what the /api/v1 pipeline works with
 * @property {EmulatorConfig} config
 * @property {Faults} faults
 * @property {Router} router
 * @property {BoundedLog<Record<string, any>>} requestLog
 * @property {(headers: http.IncomingHttpHeaders) => ApiError|null} authenticate
 * @property {(merchantNo: string, appId: string, extra?: Partial<import('./resources/common').Ctx>) => import('./resources/common').Ctx & {flush: () => void}} makeCtx
 */

/**
 * Routes, authenticates and runs one request after its body was read: the answer, or 'drop'.
 * @param {ApiParts} parts
 * @param {http.IncomingMessage} req
 * @param {{method: string, path: string, query: Record<string, string>, raw: string, isApi: boolean}} request
 * @param {Record<string, any>} entry its request-log entry
 * @returns {ApiAnswer}
 */
function answerApi(parts, req, { method, path, query, raw, isApi }, entry) {
	const match = parts.router.match(method, path);
	if (!match) {
		entry.body = raw || null;
		return {
			status: 404,
			body: { code: 'resource_not_found', source: null, message: `No such endpoint: ${method} ${path}` },
		};
	}
	const authErr = parts.authenticate(req.headers);
	if (authErr) return { status: authErr.status, body: authErr.toBody() };
	/** @type {Record<string, any>} */
	let body = {};
	if (method !== 'GET') {
		const parsed = parseApiBody(raw, parts.config);
		if ('error' in parsed) {
			entry.body = parsed.logged;
			return { status: 400, body: { code: 'invalid_argument', source: null, message: parsed.error } };
		}
		body = parsed.body;
	}
	entry.body = method === 'GET' || parts.requestLog.limit === 0 ? null : clone(body);
	const merchantNo = String(req.headers['x-merchant-no']);
	entry.merchant_no = merchantNo;
	const ctx = parts.makeCtx(merchantNo, String(req.headers['x-app-id']), { body, query, params: match.params });
	let result;
	try {
		result = match.route.handler(ctx);
	} catch (err) {
		if (err instanceof ApiError) return { status: err.status, body: err.toBody() };
		return {
			status: 500,
			body: { code: 'internal_error', source: null, message: `Emulator error: ${err && err.message}` },
		};
	}
	ctx.flush();
	const answer =
		result && result.__response
			? { status: result.status, body: present(parts.config, result.body) }
			: { status: 200, body: present(parts.config, result) };
	if (isApi && parts.faults.roll(parts.config.lostResponseRate)) {
		// The change is applied (and its events emitted), but the client never hears back:
		// what a timeout or a reset after the server committed looks like from outside.
		entry.status = answer.status;
		entry.fault = 'lost_response';
		return 'drop';
	}
	return answer;
}

/**
 * The /api/v1 pipeline (see the top of this file), logging every request.
 * @param {ApiParts} parts
 */
function createApiHandler(parts) {
	/**
	 * @param {http.IncomingMessage} req
	 * @param {http.ServerResponse} res
	 * @param {URL} url
	 */
	return async function handleApi(req, res, url) {
		const started = Date.now();
		const method = req.method || 'GET';
		const path = url.pathname.length > 1 && url.pathname.endsWith('/') ? url.pathname.slice(0, -1) : url.pathname;
		/** @type {Record<string, string>} */
		const query = Object.fromEntries(url.searchParams);
		let bodyBytes = 0;
		/** @type {Record<string, any>} */
		const entry = {
			time: new Date(started).toISOString(),
			method,
			path,
			query,
			headers: parts.requestLog.limit > 0 ? maskHeaders(req.headers) : null,
			body: null,
			status: null,
			duration_ms: 0,
		};
		/** @param {ApiAnswer} answer */
		const reply = (answer) => {
			entry.duration_ms = Date.now() - started;
			if (answer !== 'drop') entry.status = answer.status;
			// A refused request's large body is not worth memory (a client looping on 1 MB bodies).
			if (answer !== 'drop' && answer.status >= 400 && bodyBytes > MAX_REJECTED_BODY_LOGGED) {
				entry.body = null;
				entry.body_dropped_bytes = bodyBytes;
				bodyBytes = 0;
			}
			parts.requestLog.push(entry, entryBytes(entry, bodyBytes));
			if (answer === 'drop') req.socket.destroy();
			else if (!res.headersSent && !res.destroyed) sendJson(res, answer.status, answer.body, answer.headers);
		};
		const isApi = path.startsWith('/api/v1/');
		const fault = isApi ? injectedFault(parts.faults, parts.config, req, entry) : null;
		if (fault) return reply(fault);
		let raw = '';
		try {
			raw = await readBody(req);
			bodyBytes = Buffer.byteLength(raw);
		} catch (err) {
			if (err instanceof ApiError) reply({ status: err.status, body: err.toBody() });
			return;
		}
		if (isApi && parts.config.latencyMs > 0) await delay(parts.config.latencyMs);
		reply(answerApi(parts, req, { method, path, query, raw, isApi }, entry));
	};
}

/**
 * An emulator instance: its config, store, webhook dispatcher, faults and logs, and the HTTP
 * server once it listens.
 */
class Emulator {
	/** @type {http.Server|null} */
	#server = null;
	#baseUrl = '';

	/** @param {EmulatorOptions} options */
	constructor(options) {
		/** Config restored by reset(). */
		this.defaults = initialConfig(options);
		/** @type {EmulatorConfig} live config (mutate through setConfig / POST /__emulator/config) */
		this.config = { ...this.defaults };
		const { privateKey, publicKeyPem } = signingKeys(options);
		/** PEM (SPKI) of the key that signs webhook deliveries. */
		this.publicKeyPem = publicKeyPem;
		this.store = new Store();
		this.router = new Router();
		this.faults = new Faults({ seed: this.config.seed });
		this.faults.configureRateLimit(this.config.rateLimitPerSec);
		/** Bytes the three logs may keep together. */
		this.logByteLimit = checkLogByteLimit(options.logByteLimit);
		this.dispatcher = new WebhookDispatcher({
			store: this.store,
			privateKey,
			timeScale: () => this.config.timeScale,
			selfUrl: () => this.#baseUrl,
			deliveryLogLimit: options.deliveryLogLimit,
			eventLogLimit: options.eventLogLimit,
			deliveryLogBytes: Math.floor(this.logByteLimit / 8),
			eventLogBytes: Math.floor((this.logByteLimit * 3) / 8),
			deliveryTimeoutMs: options.deliveryTimeoutMs,
		});
		/** @type {BoundedLog<Record<string, any>>} */
		this.requestLog = new BoundedLog(options.requestLogLimit ?? 50000, Math.floor(this.logByteLimit / 2));
		this.stats = { requests: 0, startedAt: Date.now() };
		this.checkConfig = checkConfig;
		/** Who may call /api/v1 with which key: shown by the dashboard as the credential's values. */
		this.merchantOptions = {
			merchants: options.merchants || [],
			allowAnyMerchant: options.allowAnyMerchant ?? true,
			defaultApiKey: options.defaultApiKey ?? DEFAULT_API_KEY,
		};
		this.handleApi = createApiHandler({
			config: this.config,
			faults: this.faults,
			router: this.router,
			requestLog: this.requestLog,
			authenticate: createAuthenticator(options),
			makeCtx: (merchantNo, appId, extra) => this.makeCtx(merchantNo, appId, extra),
		});
	}

	/** @returns {string} e.g. http://127.0.0.1:4010 ('' before listen) */
	get url() {
		return this.#baseUrl;
	}

	/**
	 * A handler context for `merchantNo`. Events are queued and only dispatched by `flush()`,
	 * so a request that fails part-way emits nothing.
	 * @param {string} merchantNo
	 * @param {string} appId
	 * @param {Partial<import('./resources/common').Ctx>} [extra]
	 */
	makeCtx(merchantNo, appId, extra = {}) {
		/** @type {Array<[string, any]>} */
		const pending = [];
		const { config, dispatcher } = this;
		/** @type {import('./resources/common').Ctx & {flush: () => void}} */
		const ctx = {
			merchantNo,
			appId,
			body: {},
			query: {},
			params: {},
			store: this.store,
			baseUrl: this.#baseUrl,
			dialect: config,
			emit: (name, obj) => pending.push([name, present(config, clone(obj))]),
			flush: () => {
				for (const [name, data] of pending) dispatcher.emit(merchantNo, name, data);
				pending.length = 0;
			},
			...extra,
		};
		return ctx;
	}

	/**
	 * Applies a partial config (same keys as POST /__emulator/config).
	 * @param {Partial<EmulatorConfig>} patch
	 * @returns {EmulatorConfig}
	 */
	setConfig(patch) {
		const clean = checkConfig(patch);
		Object.assign(this.config, clean);
		this.faults.configureRateLimit(this.config.rateLimitPerSec);
		if ('seed' in clean) this.faults.setSeed(this.config.seed);
		return { ...this.config };
	}

	/** Empties the store, request log, events and delivery log; faults back to the startup defaults. */
	reset() {
		this.store.clear();
		this.requestLog.clear();
		this.dispatcher.reset();
		Object.assign(this.config, this.defaults);
		this.faults.configureRateLimit(0);
		this.faults.configureRateLimit(this.config.rateLimitPerSec);
		this.faults.setSeed(this.config.seed);
	}

	/**
	 * Emits an arbitrary event for a merchant (same as POST /__emulator/events).
	 * @param {string} merchantNo
	 * @param {string} name
	 * @param {any} data
	 */
	emitEvent(merchantNo, name, data) {
		return this.dispatcher.emit(merchantNo, name, data);
	}

	/** Attempts so far (oldest first). */
	deliveries() {
		return this.dispatcher.log.toArray();
	}

	/** Request log (oldest first). */
	requests() {
		return this.requestLog.toArray();
	}

	/** What the logs keep: entries and estimated bytes of each, and in all (GET /__emulator/stats). */
	logStats() {
		const requests = this.requestLog.stats();
		const events = this.dispatcher.eventStats();
		const deliveries = this.dispatcher.log.stats();
		return {
			log_bytes: requests.bytes + events.bytes + deliveries.bytes,
			log_byte_limit: this.logByteLimit,
			requests,
			events,
			deliveries,
		};
	}

	/**
	 * @param {http.IncomingMessage} req
	 * @param {http.ServerResponse} res
	 */
	onRequest(req, res) {
		this.stats.requests++;
		let url;
		try {
			url = new URL(req.url || '/', 'http://127.0.0.1');
		} catch {
			return sendJson(res, 400, { code: 'invalid_argument', source: null, message: 'Bad request URL' });
		}
		const p = url.pathname;
		const run =
			p === '/' || p === '/__emulator' || p.startsWith('/__emulator/') // '/': the dashboard (dashboard.js)
				? handleControl(this, req, res, url)
				: this.handleApi(req, res, url);
		run.catch((err) => {
			if (!res.headersSent && !res.destroyed)
				sendJson(res, 500, { code: 'internal_error', source: null, message: `Emulator error: ${err && err.message}` });
		});
	}

	/**
	 * Starts listening. Only loopback hosts are accepted.
	 * @param {number} [port] 0 = any free port
	 * @param {string} [host] default 127.0.0.1
	 * @returns {Promise<{url: string, port: number}>}
	 */
	async listen(port = 0, host = '127.0.0.1') {
		if (!isLoopbackHost(host)) throw new Error(`Refusing to bind ${host}: the emulator only binds loopback addresses`);
		if (this.#server) throw new Error('Emulator is already listening');
		this.#server = http.createServer((req, res) => this.onRequest(req, res));
		const bound = await listenOnLoopback(this.#server, port, host);
		this.#baseUrl = bound.url;
		return bound;
	}

	/** Stops the server, pending webhook retries and open connections. */
	close() {
		this.dispatcher.close();
		const srv = this.#server;
		this.#server = null;
		if (!srv) return Promise.resolve();
		return new Promise((resolve) => {
			srv.close(() => resolve(undefined));
			srv.closeAllConnections();
		});
	}
}

/**
 * @param {unknown} value the logByteLimit option
 * @returns {number}
 */
function checkLogByteLimit(value) {
	if (value === undefined) return DEFAULT_LOG_BYTE_LIMIT;
	if (typeof value !== 'number' || !Number.isInteger(value) || value < 1024)
		throw new Error('logByteLimit must be a whole number of bytes >= 1024');
	return value;
}

/**
 * Creates an emulator instance (not yet listening).
 * @param {EmulatorOptions} [options]
 */
function createEmulator(options = {}) {
	return new Emulator(options);
}

/**
 * Binds a server to a loopback address.
 * @param {http.Server} srv
 * @param {number} port 0 = any free port
 * @param {string} host a loopback host
 * @returns {Promise<{url: string, port: number}>}
 */
function listenOnLoopback(srv, port, host) {
	srv.keepAliveTimeout = 5000;
	srv.requestTimeout = REQUEST_TIMEOUT_MS;
	return new Promise((resolve, reject) => {
		srv.once('error', reject);
		const bindHost = host === 'localhost' ? '127.0.0.1' : host.replace(/^\[|\]$/g, '');
		// a deep accept backlog so bursts of 1000+ concurrent connections are not dropped
		srv.listen({ port, host: bindHost, backlog: 4096 }, () => {
			srv.off('error', reject);
			const addr = /** @type {import('node:net').AddressInfo} */ (srv.address());
			const h = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
			resolve({ url: `http://${h}:${addr.port}`, port: addr.port });
		});
	});
}

module.exports = { createEmulator, Emulator, DEFAULT_API_KEY, checkConfig };
