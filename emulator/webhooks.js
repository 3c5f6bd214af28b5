'use strict';
/**
 * Webhook deliveries: event envelopes, RSA-SHA256 signing, retries and the delivery log.
 *
 * - Envelope: `{ id: 'evt_' + 32 hex, name, data }`, serialised ONCE per event, so redeliveries
 *   send byte-identical bodies (and signatures).
 * - api_version >= 2025-11-06 (incl. 2026-04): body = JSON text, Content-Type application/json.
 *   Older versions: Content-Type application/x-www-form-urlencoded, body `data=<urlencoded JSON>`;
 *   the signature is over the decoded JSON text.
 * - Headers: sign (Base64 RSASSA-PKCS1-v1_5 / SHA-256), merchant_no, app_id, api_version.
 * - Retries after a non-2xx answer, a timeout or a connection error, on UseePay's schedule
 *   (1 s, 5 s, 10 s, 30 s, 1 min, 2 min, 3 min, ... until ~2 h), each delay divided by timeScale.
 * - SAFETY: a delivery is only ever sent to a loopback host, and never to the emulator itself;
 *   the URL is re-checked before every attempt and `localhost` is pinned to 127.0.0.1.
 * - The event and delivery logs are bounded by count and by bytes; the oldest go first.
 */
const http = require('node:http');
const https = require('node:https');
const crypto = require('node:crypto');
const { newEventId, clone, BoundedLog, isoNow, isLoopbackHost, pointsAtSelf } = require('./util');
const { isJsonVersion, DEFAULT_API_VERSION } = require('./events');

/** Retry delays in seconds: 1, 5, 10, 30, 60, then +60 s each until the total passes ~2 h. */
const RETRY_DELAYS_S = (() => {
	const d = [1, 5, 10, 30, 60];
	let total = d.reduce((a, b) => a + b, 0);
	let next = 120;
	while (total + next <= 7200) {
		d.push(next);
		total += next;
		next += 60;
	}
	return Object.freeze(d);
})();

/**
 * @typedef {object} StoredEvent
 * @property {string} id
 * @property {string} name
 * @property {string} merchantNo
 * @property {string} json serialised envelope
 * @property {string} created ISO time
 */

/**
 * @typedef {object} DeliveryAttempt
 * @property {string} event_id
 * @property {string} name
 * @property {string} endpoint_id
 * @property {string} url
 * @property {string} api_version
 * @property {number} attempt 1 = first try
 * @property {number|null} status HTTP status answered by the receiver (null on connection error/timeout)
 * @property {boolean} ok 2xx
 * @property {string|null} error connection error text
 * @property {number} duration_ms
 * @property {string} time ISO time of the attempt
 * @property {number|null} next_retry_in_ms scheduled delay of the next retry (null = no retry)
 * @property {boolean} redelivery sent by POST /__emulator/deliveries/redeliver
 */

/** @param {number|null} status */
const isOk = (status) => status !== null && status >= 200 && status < 300;

/** An event's size against the event log's budget: its envelope text plus a fixed overhead. @param {StoredEvent} ev */
const eventBytes = (ev) => 128 + ev.json.length + ev.name.length + ev.merchantNo.length;

class WebhookDispatcher {
	/**
	 * @param {object} opts
	 * @param {import('./store').Store} opts.store
	 * @param {crypto.KeyObject} opts.privateKey
	 * @param {() => number} opts.timeScale current time scale
	 * @param {() => string} [opts.selfUrl] the emulator's own base URL (never delivered to)
	 * @param {number} [opts.deliveryLogLimit]
	 * @param {number} [opts.eventLogLimit]
	 * @param {number} [opts.deliveryLogBytes] bytes the delivery log keeps (default unbounded)
	 * @param {number} [opts.eventLogBytes] bytes of event envelopes kept for redelivery (default unbounded)
	 * @param {number} [opts.deliveryTimeoutMs]
	 */
	constructor(opts) {
		this.store = opts.store;
		this.privateKey = opts.privateKey;
		this.timeScale = opts.timeScale;
		this.selfUrl = opts.selfUrl || (() => '');
		this.deliveryTimeoutMs = opts.deliveryTimeoutMs ?? 10000;
		/** @type {BoundedLog<DeliveryAttempt>} */
		this.log = new BoundedLog(opts.deliveryLogLimit ?? 50000, opts.deliveryLogBytes);
		this.eventLogLimit = opts.eventLogLimit ?? 10000;
		this.eventLogBytes = opts.eventLogBytes ?? Infinity;
		/** @type {Map<string, StoredEvent>} oldest first */
		this.events = new Map();
		/** bytes of the envelopes in `events` */
		this.eventBytes = 0;
		/** events emitted since the last reset */
		this.eventsTotal = 0;
		/** @type {Set<NodeJS.Timeout>} */
		this.timers = new Set();
		/** @type {Set<http.ClientRequest>} */
		this.inflight = new Set();
		this.closed = false;
		/** bumped by reset(): callbacks of older attempts are ignored */
		this.generation = 0;
		this.httpAgent = new http.Agent({ keepAlive: true, maxSockets: 64 });
		this.httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 64, rejectUnauthorized: false });
	}

	/**
	 * Creates an event and delivers it to every enabled endpoint of the merchant whose `events`
	 * contain the name or "*". The data is snapshotted immediately.
	 * @param {string} merchantNo
	 * @param {string} name
	 * @param {any} data
	 * @returns {{id: string, name: string, data: any}}
	 */
	emit(merchantNo, name, data) {
		const envelope = { id: newEventId(), name, data: clone(data) };
		const ev = { id: envelope.id, name, merchantNo, json: JSON.stringify(envelope), created: isoNow() };
		this.keep(ev);
		for (const ep of this.endpointsFor(merchantNo, name)) this.schedule(ev, ep.id, 1, 0, false);
		return envelope;
	}

	/**
	 * Keeps an event for redelivery, forgetting the oldest beyond the count or byte budget (retries
	 * already scheduled still hold theirs).
	 * @param {StoredEvent} ev
	 */
	keep(ev) {
		this.eventsTotal++;
		const bytes = eventBytes(ev);
		if (bytes > this.eventLogBytes || this.eventLogLimit <= 0) return;
		this.events.set(ev.id, ev);
		this.eventBytes += bytes;
		for (const [id, old] of this.events) {
			if (this.events.size <= this.eventLogLimit && this.eventBytes <= this.eventLogBytes) break;
			this.events.delete(id);
			this.eventBytes -= eventBytes(old);
		}
	}

	/** @returns {{entries: number, bytes: number, byte_limit: number|null, total: number}} */
	eventStats() {
		const byteLimit = Number.isFinite(this.eventLogBytes) ? this.eventLogBytes : null;
		return { entries: this.events.size, bytes: this.eventBytes, byte_limit: byteLimit, total: this.eventsTotal };
	}

	/**
	 * Sends a stored event again (same id, same body). Returns the number of endpoints targeted,
	 * or -1 if the event is unknown.
	 * @param {string} eventId
	 * @param {string} [endpointId] restrict to one endpoint
	 */
	redeliver(eventId, endpointId) {
		const ev = this.events.get(eventId);
		if (!ev) return -1;
		const eps = this.endpointsFor(ev.merchantNo, ev.name).filter((e) => !endpointId || e.id === endpointId);
		for (const ep of eps) this.schedule(ev, ep.id, 1, 0, true);
		return eps.length;
	}

	/** @param {string} id */
	getEvent(id) {
		const ev = this.events.get(id);
		return ev
			? { id: ev.id, name: ev.name, merchant_no: ev.merchantNo, created: ev.created, envelope: JSON.parse(ev.json) }
			: undefined;
	}

	listEvents() {
		return Array.from(this.events.values(), (ev) => ({
			id: ev.id,
			name: ev.name,
			merchant_no: ev.merchantNo,
			created: ev.created,
		}));
	}

	/**
	 * @param {string} merchantNo
	 * @param {string} name
	 * @returns {Record<string, any>[]}
	 */
	endpointsFor(merchantNo, name) {
		const m = this.store.merchants.get(merchantNo);
		const col = m && m.collections.get('webhooks');
		if (!col) return [];
		const out = [];
		for (const rec of col.order) {
			const ep = rec.obj;
			if (ep.status !== 'enabled') continue;
			if (Array.isArray(ep.events) && (ep.events.includes(name) || ep.events.includes('*'))) out.push(ep);
		}
		return out;
	}

	/**
	 * @param {StoredEvent} ev
	 * @param {string} endpointId
	 * @param {number} attempt
	 * @param {number} delayMs
	 * @param {boolean} redelivery
	 */
	schedule(ev, endpointId, attempt, delayMs, redelivery) {
		if (this.closed) return;
		const t = setTimeout(() => {
			this.timers.delete(t);
			this.attempt(ev, endpointId, attempt, redelivery);
		}, delayMs);
		t.unref();
		this.timers.add(t);
	}

	/**
	 * Signs `text` with the emulator's private key.
	 * @param {string} text
	 * @returns {string} Base64 signature
	 */
	sign(text) {
		return crypto.createSign('RSA-SHA256').update(text, 'utf8').sign(this.privateKey, 'base64');
	}

	/**
	 * Body, content type and signature for an event at a given api_version.
	 * @param {StoredEvent} ev
	 * @param {string} apiVersion
	 */
	build(ev, apiVersion) {
		const signature = this.sign(ev.json);
		if (isJsonVersion(apiVersion))
			return { body: Buffer.from(ev.json, 'utf8'), contentType: 'application/json', signature };
		return {
			body: Buffer.from(`data=${encodeURIComponent(ev.json)}`, 'utf8'),
			contentType: 'application/x-www-form-urlencoded',
			signature,
		};
	}

	/**
	 * One delivery attempt; schedules the next retry on failure.
	 * @param {StoredEvent} ev
	 * @param {string} endpointId
	 * @param {number} attempt
	 * @param {boolean} redelivery
	 */
	attempt(ev, endpointId, attempt, redelivery) {
		if (this.closed) return;
		const ep = this.store.get(ev.merchantNo, 'webhooks', endpointId);
		if (!ep || ep.status !== 'enabled') return; // endpoint gone or disabled: stop retrying
		const apiVersion = ep.api_version || DEFAULT_API_VERSION;
		let url;
		try {
			url = new URL(ep.url);
		} catch {
			return;
		}
		// hard safety rules: never leave the machine, never call the emulator itself
		if (!isLoopbackHost(url.hostname) || pointsAtSelf(url, this.selfUrl())) return;
		const { body, contentType, signature } = this.build(ev, apiVersion);
		const started = Date.now();
		const gen = this.generation;
		const headers = {
			'content-type': contentType,
			'content-length': String(body.length),
			sign: signature,
			merchant_no: ev.merchantNo,
			app_id: String(ep.app_id ?? ''),
			api_version: apiVersion,
			'user-agent': 'UseePay-Emulator/1.0',
		};
		this.post(url, headers, body, (status, error) => {
			if (gen !== this.generation || this.closed) return;
			const nextDelay = this.retryDelay(status, attempt);
			const attemptLog = {
				event_id: ev.id,
				name: ev.name,
				endpoint_id: ep.id,
				url: ep.url,
				api_version: apiVersion,
				attempt,
				status,
				ok: isOk(status),
				error,
				duration_ms: Date.now() - started,
				time: new Date(started).toISOString(),
				next_retry_in_ms: nextDelay,
				redelivery,
			};
			this.log.push(attemptLog, 320 + ep.url.length + (error ? error.length : 0));
			if (nextDelay !== null) this.schedule(ev, endpointId, attempt + 1, nextDelay, redelivery);
		});
	}

	/**
	 * The delay before the next attempt after this one's answer, or null when there is none
	 * (a 2xx, or the schedule is over).
	 * @param {number|null} status
	 * @param {number} attempt
	 */
	retryDelay(status, attempt) {
		const retryIdx = attempt - 1;
		if (isOk(status) || retryIdx >= RETRY_DELAYS_S.length) return null;
		const scale = Math.max(this.timeScale() || 1, 1e-9);
		return Math.max(0, Math.round((RETRY_DELAYS_S[retryIdx] * 1000) / scale));
	}

	/**
	 * POSTs `body` to a loopback URL (`localhost` pinned to 127.0.0.1); `finish` is called once,
	 * with the answer's status or with the connection error (timeout included).
	 * @param {URL} url
	 * @param {Record<string, string>} headers
	 * @param {Buffer} body
	 * @param {(status: number|null, error: string|null) => void} finish
	 */
	post(url, headers, body, finish) {
		const isHttps = url.protocol === 'https:';
		let host = url.hostname.toLowerCase();
		if (host === 'localhost') host = '127.0.0.1';
		if (host.startsWith('[')) host = host.slice(1, -1);
		let done = false;
		/** @param {number|null} status @param {string|null} error */
		const end = (status, error) => {
			if (done) return;
			done = true;
			this.inflight.delete(req);
			finish(status, error);
		};
		const req = (isHttps ? https : http).request(
			{
				host,
				port: url.port || (isHttps ? 443 : 80),
				path: `${url.pathname}${url.search}`,
				method: 'POST',
				headers,
				agent: isHttps ? this.httpsAgent : this.httpAgent,
				servername: isHttps ? url.hostname : undefined,
			},
			(res) => {
				res.resume();
				res.on('end', () => end(res.statusCode ?? null, null));
				res.on('error', () => end(res.statusCode ?? null, null));
			},
		);
		this.inflight.add(req);
		req.setTimeout(this.deliveryTimeoutMs, () => req.destroy(new Error(`timeout after ${this.deliveryTimeoutMs} ms`)));
		req.on('error', (err) => end(null, err.message));
		req.end(body);
	}

	/** Stops pending retries and forgets events and the delivery log. */
	reset() {
		this.generation++;
		for (const t of this.timers) clearTimeout(t);
		this.timers.clear();
		for (const r of this.inflight) r.destroy();
		this.inflight.clear();
		this.events.clear();
		this.eventBytes = 0;
		this.eventsTotal = 0;
		this.log.clear();
	}

	close() {
		this.closed = true;
		this.reset();
		this.httpAgent.destroy();
		this.httpsAgent.destroy();
	}
}

module.exports = { WebhookDispatcher, RETRY_DELAYS_S };
