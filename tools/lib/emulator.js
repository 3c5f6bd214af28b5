'use strict';
/**
 * The UseePay emulator as the real-n8n suites use it: started in this process on 127.0.0.1,
 * a payment that fires the trigger, and its webhook deliveries (read, forged, redelivered).
 */
const assert = require('node:assert/strict');

const { createEmulator } = require('../../emulator/server');
const { jsonRequest, emulatorApi } = require('./http');
const { waitFor } = require('./checks');
const { SUCCEEDING_CARD } = require('./fixtures');
const { assertPortsFree } = require('./ports');

/**
 * @param {import('../../emulator/server').EmulatorOptions} [options]
 * @param {number} [port] 0 = any free port
 */
async function startEmulator(options = {}, port = 0) {
	await assertPortsFree([{ port, what: 'the UseePay emulator' }]);
	const emulator = createEmulator(options);
	const { url } = await emulator.listen(port, '127.0.0.1');
	return { emulator, url };
}

/**
 * The objects of a UseePay list answer, in either envelope: the docs' `items`, or the PHP SDK's
 * `data` (the emulator's `listEnvelope: 'data'`, part of its SDK dialect).
 * @param {any} json
 * @returns {any[]}
 */
const listed = (json) => json.items ?? json.data;

/**
 * A payment intent created and confirmed with the succeeding test card: `payment_intent.succeeded`
 * goes to every endpoint that listens for it.
 * @param {(method: string, apiPath: string, body?: unknown) => Promise<import('./http').JsonAnswer>} api
 * @param {string} merchantOrderId
 */
async function succeededPayment(api, merchantOrderId) {
	const created = await api('POST', '/api/v1/payment_intents/create', {
		amount: 42.5,
		currency: 'USD',
		merchant_order_id: merchantOrderId,
		confirm: true,
		payment_method_data: SUCCEEDING_CARD,
	});
	assert.equal(created.status, 200, JSON.stringify(created.json));
	assert.equal(created.json.status, 'succeeded');
	return created.json;
}

/**
 * The emulator's delivery attempts, filtered (`name`, `event_id`, `endpoint_id`).
 * @param {string} emulatorUrl
 * @param {Record<string, string>} filter
 * @returns {Promise<any[]>}
 */
async function deliveries(emulatorUrl, filter) {
	return (await jsonRequest(`${emulatorUrl}/__emulator/deliveries?${new URLSearchParams(filter)}`)).json.items;
}

/**
 * The id of the one event named `name` that was delivered, once, and answered 200.
 * @param {string} emulatorUrl
 * @param {string} name
 */
async function deliveredOnce(emulatorUrl, name) {
	const attempts = await deliveries(emulatorUrl, { name });
	assert.equal(attempts.length, 1, JSON.stringify(attempts));
	assert.equal(attempts[0].status, 200);
	return /** @type {string} */ (attempts[0].event_id);
}

/**
 * A delivery of a made-up event with a signature the emulator never made; the trigger's answer.
 * @param {string} triggerUrl
 * @param {string} merchantNo
 */
async function forgedDeliveryStatus(triggerUrl, merchantNo) {
	const response = await fetch(triggerUrl, {
		method: 'POST',
		headers: {
			'content-type': 'application/json',
			merchant_no: merchantNo,
			sign: Buffer.from('forged').toString('base64'),
		},
		body: JSON.stringify({
			id: 'evt_ffffffffffffffffffffffffffffffff',
			name: 'payment_intent.succeeded',
			data: { id: 'pi_forged' },
		}),
	});
	return response.status;
}

/**
 * Sends an event again, as UseePay retries (same id, same body), and waits until it was answered 200.
 * @param {string} emulatorUrl
 * @param {string} eventId
 */
async function redeliver(emulatorUrl, eventId) {
	const redelivered = await jsonRequest(`${emulatorUrl}/__emulator/deliveries/redeliver`, {
		method: 'POST',
		body: { event_id: eventId },
	});
	assert.equal(redelivered.status, 200, JSON.stringify(redelivered.json));
	await waitFor('the redelivery', async () => {
		const all = await deliveries(emulatorUrl, { event_id: eventId });
		return all.length >= 2 && all.every((d) => d.status === 200);
	});
}

/**
 * Waits until the emulator has an enabled endpoint of `merchant` for each of `urls`, and returns
 * the merchant's enabled endpoints. n8n 2.x activates published workflows after it answers
 * readiness (its publication reconciler runs at startup and every 10 s), so a published trigger
 * registers a moment after n8n looks ready: whatever sends it events must wait for this, not for
 * readiness. Throws naming what is missing.
 * @param {string} emulatorUrl
 * @param {import('./fixtures').Merchant} merchant
 * @param {string[]} urls
 * @param {number} [timeoutMs]
 * @returns {Promise<any[]>}
 */
async function registeredEndpoints(emulatorUrl, merchant, urls, timeoutMs = 60000) {
	const api = emulatorApi(emulatorUrl, merchant);
	/** @type {any[]} */
	let enabled = [];
	const missing = () => urls.filter((url) => !enabled.some((endpoint) => endpoint.url === url));
	try {
		await waitFor(
			'the published triggers to register their endpoints',
			async () => {
				const items = listed((await api('GET', '/api/v1/webhooks?page_size=100')).json);
				enabled = items.filter((/** @type {any} */ endpoint) => endpoint.status !== 'disabled');
				return missing().length === 0;
			},
			timeoutMs,
		);
	} catch {
		throw new Error(
			`no enabled endpoint for ${missing().join(', ')} after ${timeoutMs / 1000} s; enabled: ${JSON.stringify(enabled)}`,
		);
	}
	return enabled;
}

module.exports = {
	startEmulator,
	registeredEndpoints,
	listed,
	succeededPayment,
	deliveries,
	deliveredOnce,
	forgedDeliveryStatus,
	redeliver,
};
