'use strict';
/**
 * What the real-n8n tools share about the local UseePay: the demo merchant, credential and n8n
 * owner, the UseePay credential as n8n imports it, the example workflows and the test card that
 * succeeds. The demo (`npm start`), the e2e, queue, package and editor tests and the benchmarks
 * all read these from here.
 */
const fs = require('node:fs');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
const EXAMPLES = path.join(REPO_ROOT, 'examples');

/**
 * The demo merchant: the emulator's default API key, which it accepts for any merchant number.
 * @typedef {{merchantNo: string, apiKey: string, appId: string}} Merchant
 * @type {Merchant}
 */
const MERCHANT = Object.freeze({ merchantNo: '500000000007245', apiKey: 'UseePay_SK_emulator', appId: 'www.pay.com' });

/** The credential id the example workflows use. */
const CREDENTIAL_ID = 'useepayDemoCred1';
const CREDENTIAL_NAME = 'UseePay (local emulator)';

/**
 * The n8n instance owner of every local n8n (README, "First run").
 * @typedef {{email: string, firstName: string, lastName: string, password: string}} Owner
 * @type {Owner}
 */
const OWNER = Object.freeze({
	email: 'demo@useepay.local',
	firstName: 'Demo',
	lastName: 'User',
	password: 'UseePayDemo1',
});

/** The ids of the example workflows the tests run, and the events workflow trigger's webhook id. */
const EXAMPLE = Object.freeze({
	crmSync: 'useepayCrmSync01',
	crmPreview: 'useepayCrmPrev01',
	events: 'useepayEvents001',
	eventsWebhookId: 'c0ffee00-0000-4000-8000-00000000e001',
	lifecycle: 'useepayLifecycle',
});

/** A card the emulator's confirm lets succeed (emulator/README.md, test cards). */
const SUCCEEDING_CARD = Object.freeze({
	type: 'card',
	card: { number: '4111111111111111', expiry_month: '12', expiry_year: '2030', cvc: '123' },
});

/**
 * A UseePay credential as `n8n import:credentials` takes it, pointed at a custom base URL.
 * @param {{baseUrl: string, id?: string, name?: string, merchant?: Merchant, publicKeyPem?: string}} options
 */
function useePayCredential({
	baseUrl,
	id = CREDENTIAL_ID,
	name = CREDENTIAL_NAME,
	merchant = MERCHANT,
	publicKeyPem = '',
}) {
	return {
		id,
		name,
		type: 'useePayApi',
		data: { environment: 'custom', baseUrl, ...merchant, webhookSignatureCert: publicKeyPem },
	};
}

/**
 * A workflow of examples/ (file name), parsed.
 * @param {string} file
 * @returns {any}
 */
const readExample = (file) => JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));

/** Every example workflow, parsed. @returns {any[]} */
function exampleWorkflows() {
	return fs
		.readdirSync(EXAMPLES)
		.filter((file) => file.endsWith('.workflow.json'))
		.map(readExample);
}

module.exports = {
	REPO_ROOT,
	MERCHANT,
	OWNER,
	EXAMPLE,
	SUCCEEDING_CARD,
	useePayCredential,
	readExample,
	exampleWorkflows,
};
