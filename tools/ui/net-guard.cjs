'use strict';
/**
 * Preloaded into the n8n server by `npm run test:ui` (NODE_OPTIONS=--require=<this file>):
 * refuses and records every connection or DNS lookup that is not loopback, so the test can
 * prove n8n itself sent nothing off the machine. Only active in the `n8n` CLI process
 * (npm, the build and other Node processes that inherit NODE_OPTIONS are left alone).
 * Records one line per attempt to $UI_NET_GUARD_LOG.
 */
const net = require('node:net');
const dns = require('node:dns');
const fs = require('node:fs');

const LOG = process.env.UI_NET_GUARD_LOG;
const isN8n = /[\\/]n8n[\\/]bin[\\/]n8n$|[\\/]\.bin[\\/]n8n$/.test(process.argv[1] || '');

if (LOG && isN8n) {
	const LOOPBACK = new Set(['localhost', '127.0.0.1', '::1', '0.0.0.0', '::']);
	/** @param {string|undefined} host */
	const isLocal = (host) => !host || LOOPBACK.has(String(host).replace(/^\[|\]$/g, '')) || /^127\./.test(host);
	/** @param {string} what @param {string|undefined} host */
	const record = (what, host) => {
		try {
			fs.appendFileSync(LOG, `${new Date().toISOString()} ${process.pid} ${what} ${host}\n`);
		} catch {
			/* the log is best effort */
		}
	};
	const refused = () =>
		Object.assign(new Error('connection refused by the test:ui network guard'), { code: 'ECONNREFUSED' });

	// Patched in place: typed loosely, the originals' overloads are passed through as they came.
	const socketPrototype = /** @type {any} */ (net.Socket.prototype);
	const dnsModule = /** @type {any} */ (dns);
	const originalConnect = socketPrototype.connect;
	socketPrototype.connect = function connect(/** @type {any[]} */ ...args) {
		const first = Array.isArray(args[0]) ? args[0][0] : args[0];
		let host;
		if (first && typeof first === 'object') host = first.path ? 'localhost' : first.host;
		else if (typeof args[1] === 'string') host = args[1];
		if (!isLocal(host)) {
			record('connect', host);
			process.nextTick(() => this.destroy(refused()));
			return this;
		}
		return originalConnect.apply(this, args);
	};

	const originalLookup = dnsModule.lookup;
	dnsModule.lookup = function lookup(/** @type {string} */ host, /** @type {any[]} */ ...rest) {
		if (!isLocal(host)) {
			record('dns.lookup', host);
			const callback = rest.find((arg) => typeof arg === 'function');
			if (callback) process.nextTick(() => callback(refused()));
			return {};
		}
		return originalLookup.call(this, host, ...rest);
	};
	const originalPromiseLookup = dnsModule.promises.lookup;
	dnsModule.promises.lookup = function lookup(/** @type {string} */ host, /** @type {any[]} */ ...rest) {
		if (!isLocal(host)) {
			record('dns.promises.lookup', host);
			return Promise.reject(refused());
		}
		return originalPromiseLookup.call(this, host, ...rest);
	};
}
