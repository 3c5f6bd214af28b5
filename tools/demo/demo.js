'use strict';
/**
 * The demo: the UseePay emulator and a real n8n with our package, a UseePay credential that
 * points at the emulator, and the example workflows imported (the events workflow published,
 * so the trigger registers itself with the emulator on start). Used by `npm start` and by the
 * end-to-end tests.
 */
const fs = require('node:fs');
const path = require('node:path');

const { createEmulator } = require('../../emulator/server');
const { REPO_ROOT, ensureRuntime, packPackage, N8nInstance } = require('../lib/n8n');

const EXAMPLES = path.join(REPO_ROOT, 'examples');
const CREDENTIAL_ID = 'useepayDemoCred1';
const MERCHANT = { merchantNo: '500000000007245', apiKey: 'UseePay_SK_emulator', appId: 'www.pay.com' };
const OWNER = { email: 'demo@useepay.local', firstName: 'Demo', lastName: 'User', password: 'UseePayDemo1' };

function exampleWorkflows() {
	return fs
		.readdirSync(EXAMPLES)
		.filter((file) => file.endsWith('.workflow.json'))
		.map((file) => JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8')));
}

function demoCredential(emulatorUrl, publicKeyPem) {
	return {
		id: CREDENTIAL_ID,
		name: 'UseePay (local emulator)',
		type: 'useePayApi',
		data: { environment: 'custom', baseUrl: emulatorUrl, ...MERCHANT, webhookSignatureCert: publicKeyPem },
	};
}

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

/** Creates the instance owner (first start) and returns a logged-in session cookie. */
async function ownerSession(n8nUrl) {
	await jsonRequest(`${n8nUrl}/rest/owner/setup`, { method: 'POST', body: OWNER });
	const login = await jsonRequest(`${n8nUrl}/rest/login`, {
		method: 'POST',
		body: { emailOrLdapLoginId: OWNER.email, password: OWNER.password },
	});
	if (login.status !== 200) throw new Error(`n8n login failed: HTTP ${login.status}`);
	const cookie = (login.headers.get('set-cookie') || '').split(';')[0];
	return { cookie };
}

/**
 * @param {{dir: string, version?: string, n8nPort?: number, emulatorPort?: number, brokerPort?: number, emulatorOptions?: object, log?: (line: string) => void}} options
 *   version: the n8n version (default: `N8N_VERSION`, else n8nLines.js's default)
 */
async function startDemo({
	dir,
	version,
	n8nPort = 5678,
	emulatorPort = 4010,
	brokerPort = 5679,
	emulatorOptions = {},
	log = () => {},
}) {
	log('checking Node.js and n8n (a new machine installs them first: several minutes)');
	const runtime = await ensureRuntime({ version, log });
	log(`n8n ${runtime.version} ready; building and packing n8n-nodes-useepay`);
	const tarball = packPackage(path.join(dir, 'pack'));

	const emulator = createEmulator(emulatorOptions);
	const { url: emulatorUrl } = await emulator.listen(emulatorPort, '127.0.0.1');
	log(`UseePay emulator on ${emulatorUrl}`);
	const n8n = new N8nInstance({ runtime, dir: path.join(dir, 'n8n'), port: n8nPort, brokerPort });
	const stop = async () => {
		await n8n.stop();
		await emulator.close();
	};

	// Whatever fails from here (an import, n8n's start, the login) stops what was started.
	try {
		n8n.installPackage(tarball);
		await n8n.importCredentials([demoCredential(emulatorUrl, emulator.publicKeyPem)]);
		const workflows = exampleWorkflows();
		for (const workflow of workflows) await n8n.importWorkflow(workflow);
		for (const workflow of workflows.filter((wf) =>
			wf.nodes.some((node) => node.type.endsWith('Trigger') && !node.type.includes('manual')),
		)) {
			await n8n.activateWorkflow(workflow.id);
		}
		log(`starting n8n ${runtime.version} (about 10-20 s)`);
		await n8n.start();
		const session = await ownerSession(n8n.url);
		return {
			runtime,
			n8n,
			emulator,
			emulatorUrl,
			merchant: MERCHANT,
			owner: OWNER,
			session,
			credential: demoCredential(emulatorUrl, emulator.publicKeyPem),
			workflows,
			jsonRequest,
			stop,
		};
	} catch (error) {
		await stop().catch(() => {});
		throw error;
	}
}

module.exports = { startDemo, jsonRequest, CREDENTIAL_ID, MERCHANT, OWNER };
