'use strict';
/**
 * HTTP on 127.0.0.1 for the tools: JSON requests (to n8n's REST API, the emulator's API and its
 * control plane), a status probe for readiness checks, and a client of the emulator's API as
 * one merchant.
 */
const http = require('node:http');

/**
 * @typedef {object} JsonAnswer
 * @property {number} status
 * @property {any} json the body parsed as JSON, else its text; undefined when empty
 * @property {Headers} headers
 */

/**
 * @param {string} url
 * @param {{method?: string, body?: unknown, headers?: Record<string, string>}} [options]
 * @returns {Promise<JsonAnswer>}
 */
async function jsonRequest(url, { method = 'GET', body, headers = {} } = {}) {
	const response = await fetch(url, {
		method,
		headers: { 'content-type': 'application/json', ...headers },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	let json;
	try {
		json = text ? JSON.parse(text) : undefined;
	} catch {
		json = text;
	}
	return { status: response.status, json, headers: response.headers };
}

/**
 * The status a GET answers, or 0 when nothing answers within `timeoutMs` (node:http, which,
 * unlike fetch, takes any port).
 * @param {string} url
 * @param {number} [timeoutMs]
 * @returns {Promise<number>}
 */
function httpStatus(url, timeoutMs = 2000) {
	return new Promise((resolve) => {
		const req = http.get(url, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode ?? 0));
		});
		req.on('error', () => resolve(0));
		req.setTimeout(timeoutMs, () => req.destroy());
	});
}

/**
 * A client of the emulator's /api/v1 as `merchant` (its three headers on every request).
 * @param {string} emulatorUrl
 * @param {import('./fixtures').Merchant} merchant
 * @returns {(method: string, apiPath: string, body?: unknown) => Promise<JsonAnswer>}
 */
function emulatorApi(emulatorUrl, merchant) {
	return (method, apiPath, body) =>
		jsonRequest(`${emulatorUrl}${apiPath}`, {
			method,
			body,
			headers: { 'x-merchant-no': merchant.merchantNo, 'x-api-key': merchant.apiKey, 'x-app-id': merchant.appId },
		});
}

module.exports = { jsonRequest, httpStatus, emulatorApi };
