'use strict';
/**
 * Route table for /api/v1/*. Static paths are matched with one Map lookup; paths with
 * `{param}` segments are compiled to anchored regular expressions.
 */

/** @type {import('./resources/common').Route[]} */
const ALL_ROUTES = [
	...require('./resources/paymentIntents').routes,
	...require('./resources/customers').routes,
	...require('./resources/subscriptions').routes,
	...require('./resources/invoices').routes,
	...require('./resources/paymentMethods').routes,
	...require('./resources/mandates').routes,
	...require('./resources/refunds').routes,
	...require('./resources/webhooks').routes,
	...require('./resources/paymentLinks').routes,
	...require('./resources/checkoutSessions').routes,
];

class Router {
	/** @param {import('./resources/common').Route[]} routes */
	constructor(routes = ALL_ROUTES) {
		/** @type {Map<string, import('./resources/common').Route>} */
		this.static = new Map();
		/** @type {Array<{method: string, re: RegExp, names: string[], route: import('./resources/common').Route}>} */
		this.dynamic = [];
		for (const route of routes) {
			if (!route.path.includes('{')) {
				this.static.set(`${route.method} ${route.path}`, route);
				continue;
			}
			/** @type {string[]} */
			const names = [];
			const pattern = route.path
				.split('/')
				.map((seg) => {
					const m = /^\{(\w+)\}$/.exec(seg);
					if (!m) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
					names.push(m[1]);
					return '([^/]+)';
				})
				.join('/');
			this.dynamic.push({ method: route.method, re: new RegExp(`^${pattern}$`), names, route });
		}
	}

	/**
	 * @param {string} method
	 * @param {string} path
	 * @returns {{route: import('./resources/common').Route, params: Record<string, string>}|null}
	 */
	match(method, path) {
		const s = this.static.get(`${method} ${path}`);
		if (s) return { route: s, params: {} };
		for (const d of this.dynamic) {
			if (d.method !== method) continue;
			const m = d.re.exec(path);
			if (!m) continue;
			/** @type {Record<string, string>} */
			const params = {};
			try {
				d.names.forEach((n, i) => (params[n] = decodeURIComponent(m[i + 1])));
			} catch {
				return null;
			}
			return { route: d.route, params };
		}
		return null;
	}

	/** All (method, path) pairs, for documentation and tests. */
	list() {
		return ALL_ROUTES.map((r) => ({ method: r.method, path: r.path }));
	}
}

module.exports = { Router, ALL_ROUTES };
