'use strict';
/**
 * Small shared helpers for the UseePay emulator: ids, timestamps, errors, a seeded PRNG,
 * a bounded log and money arithmetic.
 */
const crypto = require('node:crypto');

/**
 * An error that maps onto UseePay's flat error body `{ code, source, message }`.
 */
class ApiError extends Error {
	/**
	 * @param {number} status HTTP status
	 * @param {string|null} code UseePay error code (field_required, invalid_argument, ...); null in
	 *   the docs' raw duplicate-key answer
	 * @param {string|null} source offending request field (dotted), or null
	 * @param {string} message human readable text
	 */
	constructor(status, code, source, message) {
		super(message);
		this.status = status;
		this.code = code;
		this.source = source;
	}

	/** @returns {{code: string|null, source: string|null, message: string}} */
	toBody() {
		return { code: this.code, source: this.source, message: this.message };
	}
}

/** Largest request body read, on the API and on the control plane. */
const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Reads a request body of at most `limit` bytes. A longer one is read to its end and dropped as it
 * arrives (memory stays bounded whatever is sent), then rejected with 413 in UseePay's error
 * shape. It is read to the end rather than cut off: closing a socket the client is still writing
 * to resets the connection, and the client would see a reset instead of the answer (and retry).
 * An endless body ends with the server's requestTimeout.
 * @param {import('node:http').IncomingMessage} req
 * @param {number} [limit]
 * @returns {Promise<string>}
 */
function readBody(req, limit = MAX_BODY_BYTES) {
	return new Promise((resolve, reject) => {
		/** @type {Buffer[]} */
		let chunks = [];
		let size = 0;
		req.on('data', (chunk) => {
			size += chunk.length;
			if (size <= limit) chunks.push(chunk);
			else chunks = [];
		});
		req.on('end', () => {
			if (size <= limit) return resolve(Buffer.concat(chunks).toString('utf8'));
			const mib = Math.round((limit / 1024 / 1024) * 10) / 10;
			reject(new ApiError(413, 'request_too_large', null, `Request body too large (max ${mib} MiB)`));
		});
		req.on('error', reject);
	});
}

/** @param {string|null} source @param {string} message */
const invalid = (source, message) => new ApiError(400, 'invalid_argument', source, message);
/** @param {string} source */
const required = (source) => new ApiError(400, 'field_required', source, `${source} is required`);
/** @param {string} what @param {string|null} [source] */
const notFound = (what, source = null) => new ApiError(404, 'resource_not_found', source, `${what} not found`);
/** @param {string} source @param {string} message */
const exists = (source, message) => new ApiError(400, 'already_exists', source, message);
/** Wrong state for an action. @param {string} message */
const badState = (message) => new ApiError(400, 'invalid_argument', 'status', message);

const ID_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
let idCounter = 0;

/**
 * Opaque id in the style of UseePay's samples (`cus_1JA7UDDQG3800`): a time/counter part plus
 * random characters. Unique within a process.
 * @param {string} prefix e.g. "cus_"
 * @returns {string}
 */
function newId(prefix) {
	idCounter = (idCounter + 1) % 1679616; // 36^4
	const time = Date.now().toString(36).toUpperCase().slice(-7);
	const count = idCounter.toString(36).toUpperCase().padStart(4, '0');
	const rnd = crypto.randomBytes(4);
	let tail = '';
	for (const b of rnd) tail += ID_ALPHABET[b % 36];
	return `${prefix}${time}${count}${tail}`;
}

/** @returns {string} `evt_` + 32 lowercase hex characters */
const newEventId = () => `evt_${crypto.randomBytes(16).toString('hex')}`;

/** @returns {string} 32 lowercase hex characters */
const hex32 = () => crypto.randomBytes(16).toString('hex');

/**
 * ISO-8601 UTC without milliseconds, the way UseePay prints `create_at`.
 * @param {number} [ms] epoch milliseconds, default now
 * @returns {string}
 */
const isoNow = (ms = Date.now()) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * Money helpers: compare and add decimal amounts in 1/1000 units to avoid float drift.
 * @param {number} n
 * @returns {number}
 */
const toMilli = (n) => Math.round(Number(n) * 1000);
/** @param {number} m */
const fromMilli = (m) => m / 1000;

/** @param {unknown} v @returns {v is Record<string, unknown>} */
const isPlainObject = (v) => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Deep copy of a JSON value. @template T @param {T} v @returns {T} */
const clone = (v) => (v === undefined ? v : JSON.parse(JSON.stringify(v)));

/**
 * mulberry32: tiny deterministic PRNG. Returns a function giving floats in [0, 1).
 * @param {number} seed
 * @returns {() => number}
 */
function seededRandom(seed) {
	let a = seed >>> 0;
	return function next() {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * Turns any seed (number or string) into a 32-bit integer.
 * @param {number|string} seed
 * @returns {number}
 */
function seedToInt(seed) {
	if (typeof seed === 'number' && Number.isFinite(seed)) return seed >>> 0;
	const h = crypto.createHash('sha256').update(String(seed)).digest();
	return h.readUInt32BE(0);
}

/**
 * A log that keeps the newest entries within a count and a byte budget (O(1) amortised push):
 * the oldest go first. `limit` 0 disables recording; an entry larger than the whole byte budget
 * is counted but not kept. Bytes are the caller's estimate of each entry's size.
 * @template T
 */
class BoundedLog {
	/**
	 * @param {number} limit most entries kept
	 * @param {number} [byteLimit] most bytes kept (default: no byte limit)
	 */
	constructor(limit, byteLimit = Infinity) {
		this.limit = Math.max(0, Math.floor(limit));
		this.byteLimit = byteLimit;
		/** @type {Array<T|undefined>} entries from `head` on are live */
		this.buf = [];
		/** @type {number[]} */
		this.sizes = [];
		this.head = 0;
		this.bytes = 0;
		this.total = 0;
	}

	/**
	 * @param {T} item
	 * @param {number} [bytes] its estimated size
	 */
	push(item, bytes = 0) {
		this.total++;
		if (this.limit === 0 || bytes > this.byteLimit) return;
		this.buf.push(item);
		this.sizes.push(bytes);
		this.bytes += bytes;
		while (this.size > this.limit || this.bytes > this.byteLimit) {
			this.bytes -= this.sizes[this.head];
			this.buf[this.head] = undefined; // let it be collected before the next compaction
			this.head++;
		}
		if (this.head > 1024 && this.head * 2 > this.buf.length) {
			this.buf = this.buf.slice(this.head);
			this.sizes = this.sizes.slice(this.head);
			this.head = 0;
		}
	}

	/** @returns {T[]} oldest first */
	toArray() {
		return /** @type {T[]} */ (this.buf.slice(this.head));
	}

	get size() {
		return this.buf.length - this.head;
	}

	/** @returns {{entries: number, bytes: number, byte_limit: number|null, total: number}} */
	stats() {
		const byteLimit = Number.isFinite(this.byteLimit) ? this.byteLimit : null;
		return { entries: this.size, bytes: this.bytes, byte_limit: byteLimit, total: this.total };
	}

	clear() {
		this.buf = [];
		this.sizes = [];
		this.head = 0;
		this.bytes = 0;
		this.total = 0;
	}
}

/** Deepest nesting of arrays and objects a JSON body may have (real bodies stay under 10). */
const MAX_JSON_DEPTH = 64;

/**
 * Whether a parsed JSON value nests deeper than `max` levels. Iterative: a 100,000-level body
 * must not overflow the stack here (nor later, in JSON.stringify, which recurses: such values
 * are refused before anything copies or logs them).
 * @param {unknown} value
 * @param {number} [max]
 */
function nestsDeeperThan(value, max = MAX_JSON_DEPTH) {
	/** @type {Array<[unknown, number]>} */
	const stack = [[value, 1]];
	while (stack.length > 0) {
		const [v, depth] = /** @type {[unknown, number]} */ (stack.pop());
		if (typeof v !== 'object' || v === null) continue;
		if (depth > max) return true;
		for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1]);
	}
	return false;
}

/**
 * Loopback check used for every webhook URL. Accepts 127.0.0.0/8, localhost and [::1].
 * @param {string} hostname URL.hostname (IPv6 in brackets)
 * @returns {boolean}
 */
function isLoopbackHost(hostname) {
	const h = String(hostname).toLowerCase();
	if (h === 'localhost' || h === '[::1]' || h === '::1') return true;
	const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(h);
	return !!m && m.slice(1).every((o) => Number(o) <= 255);
}

/** Host names that reach a server on this machine's loopback (0.0.0.0 and [::] connect to it too). */
const SELF_HOSTS = ['127.0.0.1', 'localhost', '[::1]', '0.0.0.0', '[::]'];

/**
 * Whether `url` reaches the server at `selfBase` (the emulator's own base URL): the same port on
 * its own host or on any name of this machine's loopback. Webhooks there would let an event call
 * the control plane (e.g. /__emulator/reset) or loop deliveries into the API.
 * @param {URL} url
 * @param {string} selfBase e.g. http://127.0.0.1:4010 ('' = not listening: nothing is self)
 */
function pointsAtSelf(url, selfBase) {
	if (!selfBase) return false;
	const self = new URL(selfBase);
	const port = (/** @type {URL} */ u) => Number(u.port || (u.protocol === 'https:' ? 443 : 80));
	if (port(url) !== port(self)) return false;
	const host = url.hostname.toLowerCase();
	return host === self.hostname || SELF_HOSTS.includes(host);
}

module.exports = {
	ApiError,
	MAX_BODY_BYTES,
	readBody,
	invalid,
	required,
	notFound,
	exists,
	badState,
	newId,
	newEventId,
	hex32,
	isoNow,
	toMilli,
	fromMilli,
	isPlainObject,
	clone,
	seededRandom,
	seedToInt,
	BoundedLog,
	MAX_JSON_DEPTH,
	nestsDeeperThan,
	isLoopbackHost,
	pointsAtSelf,
};
