'use strict';
/**
 * Webhook endpoints (management API). SAFETY RULES: the emulator only accepts loopback URLs
 * (127.0.0.0/8, localhost, [::1]), so deliveries can never leave the machine, and never its own
 * address (any path: events must not call its control plane or API); other URLs are refused with
 * 400 invalid_argument / url.
 */
const { newId, invalid, isLoopbackHost, pointsAtSelf } = require('../util');
const { stamp, val, applyUpdate } = require('./common');
const { retrieveRoute, createRoute, updateRoute, listRoute } = require('./routes');
const { EVENT_NAMES, DEFAULT_API_VERSION } = require('../events');

const COLLECTION = 'webhooks';

/** @param {boolean} req @returns {Record<string, import('../validate').FieldSpec>} */
const schema = (req) => ({
	url: { type: 'string', required: req, nonEmpty: true },
	events: { type: 'array', required: req, minItems: 1, items: { type: 'string' } },
	api_version: { type: 'string' },
	description: { type: 'string' },
	metadata: { type: 'object' },
	status: { type: 'string', enum: ['enabled', 'disabled'] },
});
const UPDATE_SCHEMA = schema(false);

/**
 * Throws unless `raw` is an http(s) URL on a loopback host, and not the emulator itself.
 * @param {string} raw
 * @param {string} selfUrl the emulator's base URL
 */
function checkUrl(raw, selfUrl) {
	let u;
	try {
		u = new URL(raw);
	} catch {
		throw invalid('url', 'url must be an absolute http(s) URL');
	}
	if (u.protocol !== 'http:' && u.protocol !== 'https:') throw invalid('url', 'url must use http or https');
	if (pointsAtSelf(u, selfUrl))
		throw invalid('url', `url points at the UseePay emulator itself (${selfUrl}); webhooks must go to a receiver`);
	if (!isLoopbackHost(u.hostname))
		throw invalid(
			'url',
			'The UseePay emulator only delivers webhooks to loopback addresses (127.0.0.0/8, localhost, [::1])',
		);
}

/**
 * @param {import('./common').Ctx} ctx
 * @param {Record<string, any>} body
 */
function checkBody(ctx, body) {
	if (body.url !== undefined && body.url !== null) checkUrl(body.url, ctx.baseUrl);
	if (Array.isArray(body.events)) {
		body.events.forEach((e, i) => {
			if (e !== '*' && !EVENT_NAMES.includes(e)) throw invalid(`events[${i}]`, `Unknown event name: ${e}`);
		});
	}
	if (body.api_version !== undefined && body.api_version !== null && !/^\d{4}-\d{2}(-\d{2})?$/.test(body.api_version))
		throw invalid('api_version', 'api_version must look like 2026-04 or 2025-11-06');
}

/** @type {import('./common').Route[]} */
const routes = [
	createRoute('/api/v1/webhooks/create', schema(true), (ctx, body) => {
		checkBody(ctx, body);
		const obj = stamp(ctx, newId('wek_'), {
			url: body.url,
			description: val(body, 'description'),
			events: val(body, 'events'),
			metadata: val(body, 'metadata', {}),
			status: val(body, 'status', 'enabled'),
			secret: null,
			api_version: val(body, 'api_version', DEFAULT_API_VERSION),
		});
		ctx.store.insert(ctx.merchantNo, COLLECTION, obj);
		return obj;
	}),
	retrieveRoute('/api/v1/webhooks/{webhook_id}', COLLECTION, 'Webhook'),
	updateRoute('/api/v1/webhooks/{webhook_id}', COLLECTION, 'Webhook', UPDATE_SCHEMA, (ctx, obj, body) => {
		checkBody(ctx, body);
		return applyUpdate(obj, body, Object.keys(UPDATE_SCHEMA));
	}),
	listRoute('/api/v1/webhooks', COLLECTION, ['status']),
];

module.exports = { routes, checkUrl, COLLECTION };
