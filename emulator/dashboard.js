'use strict';
/**
 * The emulator's dashboard: a page at `/` (dashboard/index.html, app.js, style.css, icon.svg; plain HTML and
 * vanilla JS, served with a strict Content-Security-Policy) that shows what a merchant pastes into
 * n8n's UseePay credential, the objects of every merchant, the webhook endpoints and their
 * deliveries with the retry schedule, and has the buttons the demo needs. It is part of the
 * control plane (control.js mounts DASHBOARD_ROUTES), so its calls get the same protections:
 * loopback Host, no foreign Origin, JSON bodies only.
 *
 *   GET  /                                  the page
 *   GET  /__emulator/dashboard/{app.js,style.css,icon.svg}
 *   GET  /__emulator/dashboard/state        everything the page shows (JSON)
 *   POST /__emulator/dashboard/action       {action, merchant_no, id?, amount?, currency?, card?}
 *        create_payment | confirm | capture | cancel | refund: the /api/v1 call a merchant would
 *        make, run for that merchant without its key (the caller is on this machine already)
 * Sending an event and redelivering use the control plane's POST /__emulator/events and
 * POST /__emulator/deliveries/redeliver.
 */
const fs = require('node:fs');
const path = require('node:path');

const { ApiError } = require('./util');
const { present } = require('./dialects');
const { EVENT_NAMES } = require('./events');
const { RETRY_DELAYS_S } = require('./webhooks');

const PAGE_DIR = path.join(__dirname, 'dashboard');

/** No inline script or style, nothing from elsewhere, no framing, forms post nowhere. */
const CONTENT_SECURITY_POLICY = [
	"default-src 'none'",
	"script-src 'self'",
	"style-src 'self'",
	"connect-src 'self'",
	"img-src 'self'",
	"base-uri 'none'",
	"form-action 'none'",
	"frame-ancestors 'none'",
].join('; ');

/** The collections the page lists, with their headings. */
const COLLECTIONS = {
	customers: 'Customers',
	payment_intents: 'Payment intents',
	refunds: 'Refunds',
	subscriptions: 'Subscriptions',
	webhooks: 'Webhook endpoints',
};
/** Newest objects shown per collection and merchant; newest delivery attempts shown. */
const SHOWN_OBJECTS = 50;
const SHOWN_DELIVERIES = 200;

/** Test cards the confirm button offers (emulator/cards.js decides by the last four digits). */
const TEST_CARDS = [
	{ number: '4111111111111111', outcome: 'succeeds' },
	{ number: '4000000000000002', outcome: 'declined: insufficient funds' },
	{ number: '4000000000003155', outcome: '3-D Secure challenge' },
];

/**
 * @param {import('node:http').ServerResponse} res
 * @param {number} status
 * @param {string|Buffer} body
 * @param {string} type
 */
function send(res, status, body, type) {
	res.writeHead(status, {
		'content-type': `${type}; charset=utf-8`,
		'content-length': Buffer.byteLength(body),
		'content-security-policy': CONTENT_SECURITY_POLICY,
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'no-referrer',
		'cache-control': 'no-store',
	});
	res.end(body);
}

/** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} body */
const sendJson = (res, status, body) => send(res, status, JSON.stringify(body), 'application/json');

/**
 * A file of the page, read on each request (it is small; edits show on reload).
 * @param {string} file
 * @param {string} type
 * @returns {(request: any, res: import('node:http').ServerResponse) => void}
 */
const pageFile = (file, type) => (_request, res) => send(res, 200, fs.readFileSync(path.join(PAGE_DIR, file)), type);

/**
 * The credential values: configured merchants with their key and App ID, and the key any other
 * merchant number is accepted with (when the emulator accepts any).
 * @param {any} emu
 */
function credentials(emu) {
	const auth = emu.merchantOptions || {};
	return {
		base_url: emu.url,
		merchants: (auth.merchants || []).map((/** @type {any} */ m) => ({
			merchant_no: String(m.merchantNo),
			api_key: m.apiKey,
			app_id: m.appId || null,
		})),
		any_merchant_api_key: auth.allowAnyMerchant === false ? null : auth.defaultApiKey,
	};
}

/**
 * A delivery attempt with when its retry is due (null: delivered, or no retry left) and whether a
 * later attempt for the same event and endpoint exists.
 * @param {any} attempt
 */
function withSchedule(attempt) {
	const retryAt =
		attempt.next_retry_in_ms === null
			? null
			: new Date(Date.parse(attempt.time) + attempt.duration_ms + attempt.next_retry_in_ms).toISOString();
	return { ...attempt, next_retry_at: retryAt };
}

/** @type {(request: {emu: any}, res: import('node:http').ServerResponse) => void} */
function state({ emu }, res) {
	/** @type {Record<string, Record<string, any[]>>} */
	const merchants = {};
	for (const [merchantNo, data] of emu.store.merchants) {
		merchants[merchantNo] = {};
		for (const name of Object.keys(COLLECTIONS)) {
			const records = data.collections.get(name)?.order ?? [];
			merchants[merchantNo][name] = records
				.slice(-SHOWN_OBJECTS)
				.reverse()
				.map((/** @type {any} */ rec) => present(emu.config, rec.obj));
		}
	}
	sendJson(res, 200, {
		credentials: credentials(emu),
		merchants,
		collections: COLLECTIONS,
		deliveries: emu.dispatcher.log.toArray().slice(-SHOWN_DELIVERIES).reverse().map(withSchedule),
		pending_retries: emu.dispatcher.timers.size,
		retry_schedule_ms: RETRY_DELAYS_S.map((s) => Math.round((s * 1000) / Math.max(emu.config.timeScale || 1, 1e-9))),
		event_names: EVENT_NAMES,
		test_cards: TEST_CARDS,
	});
}

/** @param {unknown} value @param {string} field */
function text(value, field) {
	if (typeof value !== 'string' || !value) throw new ApiError(400, 'field_required', field, `${field} is required`);
	return value;
}

/** A card for payment_method_data. @param {string} number */
const card = (number) => ({
	type: 'card',
	card: { number, expiry_month: '12', expiry_year: '2030', cvc: '123', name: 'Dashboard Test' },
});

/**
 * The API call of each action: path, body.
 * @type {Record<string, (input: Record<string, any>) => {path: string, body: Record<string, any>}>}
 */
const ACTIONS = {
	create_payment: ({ amount, currency }) => ({
		path: '/api/v1/payment_intents/create',
		body: { amount, currency, merchant_order_id: `dashboard-${Date.now()}` },
	}),
	confirm: ({ id, card: number }) => ({
		path: `/api/v1/payment_intents/${encodeURIComponent(text(id, 'id'))}/confirm`,
		body: { payment_method_data: card(typeof number === 'string' && number ? number : TEST_CARDS[0].number) },
	}),
	capture: ({ id }) => ({ path: `/api/v1/payment_intents/${encodeURIComponent(text(id, 'id'))}/capture`, body: {} }),
	cancel: ({ id }) => ({ path: `/api/v1/payment_intents/${encodeURIComponent(text(id, 'id'))}/cancel`, body: {} }),
	refund: ({ id, amount }) => ({
		path: '/api/v1/refunds/create',
		body: { payment_intent_id: text(id, 'id'), ...(amount === undefined || amount === '' ? {} : { amount }) },
	}),
};

/**
 * Runs one of ACTIONS for a merchant through the API's own route (validation, state machine,
 * events); answers the object as the API would.
 * @type {(request: {emu: any, body: Record<string, any>}, res: import('node:http').ServerResponse) => void}
 */
function action({ emu, body }, res) {
	const make = Object.hasOwn(ACTIONS, body.action) ? ACTIONS[body.action] : undefined;
	if (!make)
		throw new ApiError(400, 'invalid_argument', 'action', `action must be one of ${Object.keys(ACTIONS).join(', ')}`);
	const merchantNo = text(body.merchant_no, 'merchant_no');
	const call = make(body);
	const match = emu.router.match('POST', call.path.split('?')[0]);
	if (!match) throw new ApiError(404, 'resource_not_found', null, `No such endpoint: POST ${call.path}`);
	const configured = credentials(emu).merchants.find((/** @type {any} */ m) => m.merchant_no === merchantNo);
	const target = body.id ? emu.store.get(merchantNo, 'payment_intents', body.id) : null;
	const appId = configured?.app_id || target?.app_id || 'dashboard';
	const ctx = emu.makeCtx(merchantNo, appId, { body: call.body, query: {}, params: match.params });
	const result = match.route.handler(ctx);
	ctx.flush();
	sendJson(res, 200, present(emu.config, result && result.__response ? result.body : result));
}

/** @type {import('./control').ControlRoute[]} */
const DASHBOARD_ROUTES = [
	{ method: 'GET', path: /^$/, handle: pageFile('index.html', 'text/html') },
	{ method: 'GET', path: /^\/__emulator\/dashboard\/app\.js$/, handle: pageFile('app.js', 'text/javascript') },
	{ method: 'GET', path: /^\/__emulator\/dashboard\/style\.css$/, handle: pageFile('style.css', 'text/css') },
	{ method: 'GET', path: /^\/__emulator\/dashboard\/icon\.svg$/, handle: pageFile('icon.svg', 'image/svg+xml') },
	{ method: 'GET', path: /^\/__emulator\/dashboard\/state$/, handle: state },
	{ method: 'POST', path: /^\/__emulator\/dashboard\/action$/, handle: action },
];

module.exports = { DASHBOARD_ROUTES, CONTENT_SECURITY_POLICY, TEST_CARDS };
