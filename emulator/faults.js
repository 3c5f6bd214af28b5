'use strict';
/**
 * Fault injection for /api/v1/* (never for /__emulator/*):
 *
 * - rate limit: per merchant (keyed by the x-merchant-no header; requests without one share the
 *   key "-"), a sliding one-second window: a request is accepted when fewer than
 *   `rateLimitPerSec` requests of that merchant were accepted during the last 1000 ms. The excess
 *   gets 429 `rate_limited` with `Retry-After` (whole seconds, >= 1). Implemented as a ring
 *   buffer of the last N acceptance times, so each check is O(1).
 * - serverErrorRate: that fraction of requests answered 500 `service_unavailable`, nothing applied.
 * - resetRate: that fraction of requests whose socket is destroyed without any response.
 * - throttleRate: that fraction of requests answered 429 `rate_limited` (Retry-After: 1), as a
 *   busy gateway might, whatever the merchant's rate.
 * - lostResponseRate: that fraction of requests handled (the change applied), then their socket
 *   destroyed instead of the answer: the ambiguous failure that makes blind retries duplicate.
 * Random draws come from a seeded PRNG when a seed is configured, so runs are reproducible.
 */
const { seededRandom, seedToInt } = require('./util');

class SlidingWindowLimiter {
	/** @param {number} limit requests per second (> 0) */
	constructor(limit) {
		this.limit = Math.floor(limit);
		/** @type {Map<string, {ring: number[], idx: number}>} */
		this.keys = new Map();
	}

	/**
	 * @param {string} key
	 * @param {number} [now]
	 * @returns {{ok: true} | {ok: false, retryAfterMs: number}}
	 */
	take(key, now = Date.now()) {
		let s = this.keys.get(key);
		if (!s) {
			s = { ring: [], idx: 0 };
			this.keys.set(key, s);
		}
		if (s.ring.length < this.limit) {
			s.ring.push(now);
			return { ok: true };
		}
		const oldest = s.ring[s.idx];
		if (now - oldest >= 1000) {
			s.ring[s.idx] = now;
			s.idx = (s.idx + 1) % this.limit;
			return { ok: true };
		}
		return { ok: false, retryAfterMs: 1000 - (now - oldest) };
	}
}

class Faults {
	/**
	 * @param {{seed?: number|string|null}} opts
	 */
	constructor(opts) {
		/** @type {number|string|null} */
		this.seed = null;
		/** @type {() => number} floats in [0, 1) */
		this.random = Math.random;
		this.setSeed(opts.seed);
		/** @type {SlidingWindowLimiter|null} */
		this.limiter = null;
		this.limit = 0;
	}

	/** @param {number|string|null|undefined} seed */
	setSeed(seed) {
		this.seed = seed === undefined || seed === null || seed === '' ? null : seed;
		this.random = this.seed === null ? Math.random : seededRandom(seedToInt(this.seed));
	}

	/** (Re)configures the limiter when the limit changed. @param {number} perSec 0 = off */
	configureRateLimit(perSec) {
		const n = Math.floor(Number(perSec) || 0);
		if (n === this.limit) return;
		this.limit = n;
		this.limiter = n > 0 ? new SlidingWindowLimiter(n) : null;
	}

	/**
	 * @param {string} key
	 * @returns {{ok: true} | {ok: false, retryAfterMs: number}}
	 */
	rateLimit(key) {
		return this.limiter ? this.limiter.take(key) : { ok: true };
	}

	/** @param {number} rate in [0, 1] */
	roll(rate) {
		if (!(rate > 0)) return false;
		if (rate >= 1) return true;
		return this.random() < rate;
	}

	resetState() {
		this.limiter = this.limit > 0 ? new SlidingWindowLimiter(this.limit) : null;
		this.setSeed(this.seed);
	}
}

module.exports = { Faults, SlidingWindowLimiter };
