'use strict';
/**
 * End-to-end tests in a real n8n (`npm run test:e2e`): our packed package loaded the way n8n
 * loads community packages, workflows imported and run with the n8n CLI, and what reached the
 * UseePay API checked on the wire. The whole suite runs once per n8n version: every version
 * `npm run check` proves (tools/lib/n8nLines.js), or those named with `--n8n <version>`
 * (repeatable); after them, the demo's core flows against the emulator in the official PHP SDK's reading
 * of the API (`dialect: sdk`) on the newest n8n, or only that pass under `--dialect <name>`. Prints each check with its n8n version, a summary per version and the total
 * `e2e: N passed, M failed`; exits non-zero on a failure.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');

const { ensureRuntime, packPackage, N8nInstance, exitOnSignal } = require('../lib/n8n');
const { n8nLine, TESTED_N8N_VERSIONS } = require('../lib/n8nLines');
const { port } = require('../lib/ports');
const { startRecorder } = require('../lib/recorder');
const { requestedVersions } = require('../lib/args');
const { MERCHANT, EXAMPLE, useePayCredential } = require('../lib/fixtures');
const { emulatorApi, httpStatus } = require('../lib/http');
const { listed, succeededPayment, deliveredOnce, forgedDeliveryStatus, redeliver } = require('../lib/emulator');
const { startDemo } = require('../demo/demo');
const { createChecks, waitFor, sleep } = require('../lib/checks');
const { agentSuite } = require('./agent');

const FIXTURES = path.join(__dirname, 'fixtures');
/** @param {string} name */
const readFixture = (name) => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));

const checks = createChecks();
/**
 * The n8n version the suites run against now and the emulator's dialect (both part of every
 * check's name), and the n8n server.
 * @type {{version: string, node: string, dialect: string, server: N8nInstance | null}}
 */
let current = { version: '', node: '', dialect: 'docs', server: null };
/**
 * A check; when it fails and the n8n server it ran against has died, the failure says so.
 * @param {string} name
 * @param {() => Promise<void>} fn
 */
const check = (name, fn) =>
	checks.check(
		`[n8n ${current.version}${current.dialect === 'docs' ? '' : `, ${current.dialect} dialect`}] ${name}`,
		async () => {
			try {
				await fn();
			} catch (error) {
				const ended = current.server?.crashed();
				if (ended && error instanceof Error) error.stack = `n8n crashed: it ${ended} (see its n8n.log)\n${error.stack}`;
				throw error;
			}
		},
	);

/** The reference suite's merchant: its own API key, which must never show in n8n's output. */
const E2E_MERCHANT = { ...MERCHANT, apiKey: 'UseePay_SK_e2e_only' };

/**
 * An `n8n execute` run ended as expected ('success' or 'error', see N8nInstance.execute).
 * @param {{status: string, stdout: string, stderr: string}} run
 * @param {string} expected
 */
function assertStatus(run, expected) {
	assert.equal(
		run.status,
		expected,
		`n8n execute: ${run.status}\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-2000)}`,
	);
}

/**
 * The emulator dialects the demo's core flows run under: the docs' reading (every n8n version),
 * and the official PHP SDK's reading (`page` paging, `data` envelope, E11000 duplicates, `canceled`,
 * string amounts; strictBody also refuses any body field UseePay's reference does not know) on the
 * newest n8n only.
 * @type {Record<string, {n8nPort: number, brokerPort: number, emulatorOptions: import('../../emulator/server').EmulatorOptions}>}
 */
const DIALECT_PASSES = {
	docs: { n8nPort: port(5698), brokerPort: port(5699), emulatorOptions: { timeScale: 1000 } },
	sdk: {
		n8nPort: port(5702),
		brokerPort: port(5703),
		emulatorOptions: { timeScale: 1000, dialect: 'sdk', strictBody: true },
	},
};

/**
 * What the demo's checks work with: the running demo, the emulator's API as the demo merchant,
 * n8n's REST API as the owner, and the published trigger's production URL and endpoints.
 * @typedef {object} DemoContext
 * @property {any} demo what startDemo returned
 * @property {(method: string, apiPath: string, body?: unknown) => Promise<import('../lib/http').JsonAnswer>} api
 * @property {import('../lib/n8nRest').OwnerSession} session
 * @property {string} triggerUrl
 * @property {() => Promise<any[]>} endpointsForTrigger
 */

/**
 * `npm start`'s demo, for real: emulator + n8n + imported credential and workflows; the
 * credential test, the CRM sync and the trigger's whole life against the emulator, in the
 * emulator's dialect `current.dialect` (the AI agent under the docs' reading only).
 * @param {string} workDir
 */
async function demoSuite(workDir) {
	const pass = DIALECT_PASSES[current.dialect];
	/** @type {any} what startDemo returns */
	let demo;
	await check('the demo starts: n8n ready with our nodes, credential and workflows, against the emulator', async () => {
		demo = await startDemo({
			dir: path.join(workDir, `demo-${current.dialect}`),
			version: current.version,
			n8nPort: pass.n8nPort,
			emulatorPort: 0,
			brokerPort: pass.brokerPort,
			emulatorOptions: pass.emulatorOptions,
		});
	});
	if (!demo) return;
	current.server = demo.n8n;
	const api = emulatorApi(demo.emulatorUrl, demo.merchant);
	const triggerUrl = `${demo.n8n.url}/webhook/${EXAMPLE.eventsWebhookId}/webhook`;
	/** @type {DemoContext} */
	const context = {
		demo,
		api,
		session: demo.session,
		triggerUrl,
		endpointsForTrigger: async () =>
			listed((await api('GET', '/api/v1/webhooks?page_size=100')).json).filter(
				(/** @type {any} */ e) => e.url === triggerUrl,
			),
	};
	try {
		await credentialChecks(context);
		await crmSyncChecks(context);
		if (current.dialect === 'docs') await agentSuite({ check, demo });
		await triggerChecks(context);
		// After the trigger checks: this workflow's payments fire the published trigger too.
		await lifecycleCheck(context);
	} finally {
		current.server = null;
		await demo.stop();
	}
}

/** The credential's Test button, right and wrong. @param {DemoContext} context */
async function credentialChecks({ demo, session }) {
	await check("the credential's Test button (POST /rest/credentials/test) succeeds against the emulator", async () => {
		const response = await session.rest('POST', '/rest/credentials/test', { credentials: demo.credential });
		assert.equal(response.status, 200, JSON.stringify(response.json));
		assert.equal(response.json.data.status, 'OK', JSON.stringify(response.json));
	});

	const { credentialTestMessages } = n8nLine(current.version);
	await check(
		`the credential test fails on a wrong API key with ${credentialTestMessages ? 'our' : "n8n's generic"} message`,
		async () => {
			const wrong = { ...demo.credential, data: { ...demo.credential.data, apiKey: 'UseePay_SK_wrong' } };
			const response = await session.rest('POST', '/rest/credentials/test', { credentials: wrong });
			assert.equal(response.json.data.status, 'Error', JSON.stringify(response.json));
			assert.match(
				response.json.data.message,
				credentialTestMessages ? /Secret Key Management/ : /^Authorization failed - please check your credentials$/,
			);
		},
	);
}

/**
 * The CRM-sync example three times (create; update after edits in UseePay; nothing changed: no
 * write), a Preview of a changed row (GETs only), and Get Many paging.
 * @param {DemoContext} context
 */
async function crmSyncChecks({ demo, api }) {
	await check('the imported CRM-sync workflow runs (n8n execute) and the customers are in the emulator', async () => {
		const run = await demo.n8n.execute(EXAMPLE.crmSync);
		assertStatus(run, 'success');
		const customers = listed((await api('GET', '/api/v1/customers?page_size=100')).json);
		assert.deepEqual(customers.map((/** @type {any} */ c) => c.merchant_customer_id).sort(), [
			'CRM-1001',
			'CRM-1002',
			'CRM-1003',
		]);
		const zhang = customers.find((/** @type {any} */ c) => c.merchant_customer_id === 'CRM-1003');
		assert.deepEqual(zhang.address, { city: 'shanghai', country: 'CN' });
		assert.deepEqual(zhang.metadata, { source: 'crm' });
	});

	await check(
		'Create or Update again, after the customers were renamed in UseePay, updates all three and creates nothing',
		async () => {
			// As in UseePay's dashboard: the sync finds them changed and writes the CRM's names back.
			for (const customer of listed((await api('GET', '/api/v1/customers?page_size=100')).json)) {
				const renamed = await api('POST', `/api/v1/customers/${customer.id}`, { name: `${customer.name} (edited)` });
				assert.equal(renamed.status, 200, JSON.stringify(renamed.json));
			}
			const run = await demo.n8n.execute(EXAMPLE.crmSync);
			assertStatus(run, 'success');
			const items = run.output.data.resultData.runData['Create or update UseePay customer'][0].data.main[0];
			assert.deepEqual(
				items.map((/** @type {any} */ item) => item.json.action),
				['updated', 'updated', 'updated'],
			);
			const customers = listed((await api('GET', '/api/v1/customers?page_size=100')).json);
			assert.equal(customers.length, 3);
			assert.ok(customers.every((/** @type {any} */ c) => !String(c.name).endsWith('(edited)')));
		},
	);

	/**
	 * The emulator's customer requests since `before` (its log index), as "METHOD path".
	 * @returns {string[]}
	 */
	const customerRequestsSince = (/** @type {number} */ before) =>
		demo.emulator
			.requests()
			.slice(before)
			.filter((/** @type {any} */ r) => r.path.startsWith('/api/v1/customers'))
			.map((/** @type {any} */ r) => `${r.method} ${r.path}`);

	await check('a third CRM sync with nothing changed: all three rows unchanged, only GETs reach UseePay', async () => {
		const before = demo.emulator.requests().length;
		const run = await demo.n8n.execute(EXAMPLE.crmSync);
		assertStatus(run, 'success');
		const items = run.output.data.resultData.runData['Create or update UseePay customer'][0].data.main[0];
		assert.deepEqual(
			items.map((/** @type {any} */ item) => item.json.action),
			['unchanged', 'unchanged', 'unchanged'],
		);
		const requests = customerRequestsSince(before);
		assert.ok(requests.length > 0, 'the customer list was read');
		assert.deepEqual(
			requests.filter((/** @type {string} */ r) => !r.startsWith('GET ')),
			[],
		);
	});

	await check(
		'Create or Update with Preview Only: the changed row is an update with its diff, the rest unchanged; only GETs',
		async () => {
			await demo.n8n.importWorkflow(readFixture('customer-preview.workflow.json'));
			const before = demo.emulator.requests().length;
			const run = await demo.n8n.execute('useepayE2ePrev01');
			assertStatus(run, 'success');
			const items = run.output.data.resultData.runData['Preview the sync'][0].data.main[0];
			assert.deepEqual(
				items.map((/** @type {any} */ item) => item.json.action),
				['unchanged', 'update', 'unchanged'],
			);
			assert.equal(items[1].json.merchant_customer_id, 'CRM-1002');
			assert.deepEqual(items[1].json.changes, {
				name: { from: 'Grace Hopper', to: 'Grace B. Hopper' },
				'address.city': { from: 'New York', to: 'Arlington' },
			});
			const requests = customerRequestsSince(before);
			assert.ok(requests.length > 0, 'the customer list was read');
			assert.deepEqual(
				requests.filter((/** @type {string} */ r) => !r.startsWith('GET ')),
				[],
			);
			const grace = listed((await api('GET', '/api/v1/customers?merchant_customer_id=CRM-1002')).json)[0];
			assert.equal(grace.address.city, 'New York');
		},
	);

	const pages = current.dialect === 'docs' ? 'page_num 0 and 1 of 100' : 'at most ceil(153 / 20) + 2 requests';
	await check(`Get Many with Return All reads 153 customers once each (${pages}) in real n8n`, async () => {
		for (let i = 0; i < 150; i++) {
			const created = await api('POST', '/api/v1/customers/create', {
				merchant_customer_id: `E2E-LIST-${i}`,
				name: `List ${i}`,
			});
			assert.equal(created.status, 200, JSON.stringify(created.json));
		}
		await demo.n8n.importWorkflow(readFixture('customer-get-many.workflow.json'));
		const before = demo.emulator.requests().length;
		const run = await demo.n8n.execute('useepayE2eList01');
		assertStatus(run, 'success');
		const items = run.output.data.resultData.runData['Get many customers'][0].data.main[0];
		assert.equal(items.length, 153);
		assert.equal(new Set(items.map((/** @type {any} */ item) => item.json.id)).size, 153);
		const requests = demo.emulator
			.requests()
			.slice(before)
			.filter((/** @type {any} */ r) => r.path === '/api/v1/customers');
		if (current.dialect === 'docs') {
			const asked = requests.map((/** @type {any} */ r) => `${r.query.page_num}/${r.query.page_size}`);
			assert.deepEqual(asked, ['0/100', '1/100']);
		} else {
			// The SDK's reading: `page` from 1, at most 20 a page; the node learns it from the answers.
			const sizeServed = demo.emulator.config.maxPageSize;
			assert.ok(requests.length <= Math.ceil(153 / sizeServed) + 2, `${requests.length} list requests`);
			assert.equal(requests.at(-1).query.page, String(Math.ceil(153 / sizeServed)));
		}
	});
}

/**
 * The published trigger: its endpoint, a payment that runs it once, a forged delivery, a retry,
 * deactivation and activation.
 * @param {DemoContext} context
 */
async function triggerChecks({ demo, api, session, triggerUrl, endpointsForTrigger }) {
	await check('the published trigger registered exactly one enabled endpoint for its production URL', async () => {
		const endpoints = await endpointsForTrigger();
		assert.equal(endpoints.filter((e) => e.status !== 'disabled').length, 1, JSON.stringify(endpoints));
		assert.deepEqual([...endpoints[0].events].sort(), [
			'payment_intent.failed',
			'payment_intent.succeeded',
			'refund.succeeded',
		]);
		assert.equal(endpoints[0].api_version, '2026-04');
	});

	/** @type {string|undefined} */
	let eventId;
	await check(
		'a payment that succeeds in the emulator runs the trigger workflow exactly once, with the event',
		async () => {
			await succeededPayment(api, 'E2E-ORDER-1');
			const runs = await session.finishedExecutions(EXAMPLE.events, 1);
			await sleep(1500);
			assert.equal((await session.executions(EXAMPLE.events)).length, 1);
			assert.equal(runs[0].status, 'success');
			eventId = await deliveredOnce(demo.emulatorUrl, 'payment_intent.succeeded');
			const detail = await session.rest('GET', `/rest/executions/${runs[0].id}`);
			assert.match(JSON.stringify(detail.json), /payment_intent\.succeeded/);
			assert.match(JSON.stringify(detail.json), /E2E-ORDER-1/);
		},
	);

	await check('a forged delivery gets 401 and runs nothing', async () => {
		assert.equal(await forgedDeliveryStatus(triggerUrl, demo.merchant.merchantNo), 401);
		await sleep(1000);
		assert.equal((await session.executions(EXAMPLE.events)).length, 1);
	});

	await check('the same delivery twice (a UseePay retry) still runs once', async () => {
		assert.ok(eventId, 'no event from the previous check');
		await redeliver(demo.emulatorUrl, eventId);
		await sleep(1000);
		assert.equal((await session.executions(EXAMPLE.events)).length, 1);
	});

	await check(
		'deactivating the workflow disables its endpoint; activating again leaves exactly one enabled',
		async () => {
			const created = await session.rest('POST', '/rest/api-keys', {
				label: 'e2e',
				expiresAt: null,
				scopes: ['workflow:read', 'workflow:list', 'workflow:activate', 'workflow:deactivate'],
			});
			const apiKey = created.json.data.rawApiKey;
			assert.ok(apiKey, JSON.stringify(created.json));
			/** @param {string} action */
			const publicApi = (action) =>
				demo.jsonRequest(`${demo.n8n.url}/api/v1/workflows/${EXAMPLE.events}/${action}`, {
					method: 'POST',
					headers: { 'X-N8N-API-KEY': apiKey },
				});
			assert.equal((await publicApi('deactivate')).status, 200);
			await waitFor('the endpoint to be disabled', async () =>
				(await endpointsForTrigger()).every((e) => e.status === 'disabled'),
			);
			assert.equal((await publicApi('activate')).status, 200);
			const enabled = await waitFor('one enabled endpoint', async () => {
				const list = (await endpointsForTrigger()).filter((e) => e.status !== 'disabled');
				return list.length === 1 ? list : null;
			});
			assert.equal(enabled.length, 1);
		},
	);
}

/** The payment lifecycle example, every node's status. @param {DemoContext} context */
async function lifecycleCheck({ demo }) {
	await check(
		'the payment lifecycle workflow runs in real n8n against the emulator with every status right',
		async () => {
			const run = await demo.n8n.execute(EXAMPLE.lifecycle);
			assertStatus(run, 'success');
			const runData = run.output?.data?.resultData?.runData;
			assert.ok(
				runData,
				`no run data in the n8n execute output:\n${run.stdout.slice(0, 1500)}\n…\n${run.stdout.slice(-1500)}`,
			);
			/** @param {string} node @returns {any[]} */
			const out = (node) => (runData[node]?.[0]?.data?.main?.[0] ?? []).map((/** @type {any} */ item) => item.json);
			/** @param {string} node */
			const one = (node) => {
				const items = out(node);
				assert.equal(items.length, 1, `${node}: ${items.length} items`);
				return items[0];
			};
			/** @param {string} status */
			const cancelled = (status) => status === 'cancelled' || status === 'canceled';
			assert.equal(one('Create payment intent').status, 'requires_payment_method');
			assert.equal(one('Create payment intent').auto_capture, false);
			assert.equal(one('Confirm payment intent').status, 'requires_capture');
			assert.equal(one('Capture payment intent').status, 'succeeded');
			const refund = one('Refund part');
			assert.equal(Number(refund.amount), 30);
			assert.equal(refund.payment_intent_id, one('Create payment intent').id);
			assert.equal(one('Get refund').id, refund.id);
			assert.equal(one('Get refund').status, 'succeeded');
			assert.ok(cancelled(one('Cancel subscription').status), one('Cancel subscription').status);
			assert.equal(one('Pay invoice').status, 'paid');
			assert.notEqual(one('Create webhook endpoint').status, 'disabled');
			assert.ok(out('List webhook endpoints').some((e) => e.id === one('Create webhook endpoint').id));
			assert.equal(one('Get payment link').id, one('Create payment link').id);
		},
	);
}

/**
 * `npm start` in its own process group, with this run's ports and n8n version; its output collects in `output()`.
 * @param {{n8nPort: number, emulatorPort: number, workDir: string}} options
 */
function spawnNpmStart({ n8nPort, emulatorPort, workDir }) {
	const child = spawn('npm', ['start'], {
		env: {
			...process.env,
			N8N_PORT: String(n8nPort),
			EMULATOR_PORT: String(emulatorPort),
			N8N_BROKER_PORT: String(port(5719)),
			N8N_VERSION: current.version,
			USEEPAY_DEMO_DIR: path.join(workDir, 'npm-start'),
		},
		stdio: ['ignore', 'pipe', 'pipe'],
		detached: true,
	});
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	/** @type {Promise<{code: number|string|null, signal: NodeJS.Signals|null}>} */
	const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
	return { child, exited, output: () => output };
}

/**
 * The first-run screen: ready, the four steps with this run's address and login, where n8n lives.
 * @param {string} output
 * @param {number} n8nPort
 */
function assertFirstRunScreen(output, n8nPort) {
	assert.match(output, /^ready after \d+ s$/m, output.slice(-3000));
	assert.ok(output.includes(`1. open http://127.0.0.1:${n8nPort}\n`), output.slice(-3000));
	assert.ok(output.includes('2. sign in as demo@useepay.local / UseePayDemo1\n'), output.slice(-3000));
	assert.ok(output.includes('3. open the workflow "UseePay: sync CRM customers"\n'), output.slice(-3000));
	assert.match(output, /4\. click "Execute workflow"/);
	assert.ok(output.includes(` and n8n ${current.version} live in `), output.slice(-3000));
}

/**
 * `npm start` itself: reaches "ready" with n8n and the emulator answering; Ctrl-C stops everything.
 * @param {string} workDir
 */
async function npmStartSuite(workDir) {
	const n8nPort = port(5718);
	const emulatorPort = port(4018);
	const urls = [`http://127.0.0.1:${n8nPort}/healthz`, `http://127.0.0.1:${emulatorPort}/__emulator/health`];
	await check(
		'npm start reaches "ready" with n8n and the emulator answering, and Ctrl-C stops everything',
		async () => {
			const { child, exited, output } = spawnNpmStart({ n8nPort, emulatorPort, workDir });
			try {
				const ready = /^ready after \d+ s$/m;
				await waitFor('"ready"', async () => ready.test(output()) || child.exitCode !== null, 600000).catch(() => {});
				assertFirstRunScreen(output(), n8nPort);
				for (const url of urls) assert.equal(await httpStatus(url), 200, url);
			} finally {
				// what Ctrl-C does: the whole foreground group
				if (child.exitCode === null && child.pid !== undefined) process.kill(-child.pid, 'SIGINT');
			}
			const { code, signal } = await Promise.race([
				exited,
				sleep(30000).then(() => ({ code: 'timeout', signal: null })),
			]);
			// npm itself ends by the signal it got; the demo (node) exits 0 after stopping n8n and the emulator.
			assert.ok(code === 0 || code === 130 || signal === 'SIGINT', `npm start exited with ${code} ${signal}`);
			await waitFor(
				'n8n and the emulator to stop',
				async () => (await Promise.all(urls.map((url) => httpStatus(url)))).every((status) => status === 0),
				20000,
			);
		},
	);
}

/**
 * The reference Customer Update on the wire and a UseePay error, against a recording server.
 * @param {import('../lib/runtime').Runtime} runtime
 * @param {string} workDir
 */
async function referenceSuite(runtime, workDir) {
	const tarball = packPackage(path.join(workDir, 'pack'));
	const recorder = await startRecorder((request) => ({
		status: 200,
		body: { id: request.path.split('/').pop(), ...(request.body || {}) },
	}));
	const n8n = new N8nInstance({ runtime, dir: path.join(workDir, 'n8n'), port: port(5688), brokerPort: port(5689) });
	n8n.installPackage(tarball);

	try {
		await check('n8n imports the UseePay credential (custom base URL) and the workflow', async () => {
			await n8n.importCredentials([
				useePayCredential({
					id: 'useepayE2eCred01',
					name: 'UseePay (e2e)',
					baseUrl: recorder.url,
					merchant: E2E_MERCHANT,
				}),
			]);
			await n8n.importWorkflow(readFixture('customer-update.workflow.json'));
		});

		await check('Customer Update runs in real n8n and sends the reference example exactly', async () => {
			const run = await n8n.execute('useepayE2eUpdate');
			assertStatus(run, 'success');
			assert.equal(recorder.requests.length, 1);
			const [request] = recorder.requests;
			assert.equal(request.method, 'POST');
			assert.equal(request.path, '/api/v1/customers/cus_1JA7UDDQG3800');
			assert.equal(request.headers['x-merchant-no'], E2E_MERCHANT.merchantNo);
			assert.equal(request.headers['x-api-key'], E2E_MERCHANT.apiKey);
			assert.equal(request.headers['x-app-id'], E2E_MERCHANT.appId);
			assert.equal(
				request.rawBody,
				'{"name":"zhangsan","email":"zhangsan@useepay.com","phone":"134251756712","first_name":"zhang","address":{"country":"CN","city":"shanghai"},"shipping":{"name":"SHI-zhangsan"}}',
			);
			assert.equal(run.output?.data?.resultData?.runData?.['Update Customer']?.[0]?.executionStatus, 'success');
		});

		await check('a UseePay error fails the execution with UseePay message, and no API key in the output', async () => {
			recorder.setResponder(() => ({
				status: 400,
				body: { code: 'invalid_argument', source: 'email', message: 'email is invalid' },
			}));
			const run = await n8n.execute('useepayE2eUpdate');
			assertStatus(run, 'error');
			const all = run.stdout + run.stderr;
			assert.match(all, /UseePay rejected the request: email is invalid/);
			assert.ok(!all.includes(E2E_MERCHANT.apiKey), 'the API key appears in n8n output');
		});
	} finally {
		await n8n.stop();
		await recorder.close();
	}
}

/**
 * Every suite against one n8n version (installed first if missing); its own summary line.
 * @param {string} version
 */
async function suitesOn(version) {
	const runtime = await ensureRuntime({ version });
	current = { version, node: runtime.nodeBin.match(/node-([\d.]+)/)?.[1] ?? '?', dialect: 'docs', server: null };
	process.stdout.write(`# n8n ${version} on Node.js ${current.node}\n`);
	const before = checks.results.length;
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), `useepay-e2e-${version}-`));
	try {
		if (!onlyDialect) {
			await referenceSuite(runtime, workDir);
			await npmStartSuite(workDir);
			await demoSuite(workDir);
		}
		if (onlyDialect || version === TESTED_N8N_VERSIONS[0]) {
			current.dialect = onlyDialect ?? 'sdk';
			await demoSuite(workDir);
		}
	} catch (error) {
		checks.fail(`[n8n ${version}] the e2e harness ran to the end`, error);
	}
	const mine = checks.results.slice(before);
	const failed = mine.filter((r) => !r.ok).length;
	process.stdout.write(
		`e2e on n8n ${version} (Node.js ${current.node}): ${mine.length - failed} passed, ${failed} failed\n`,
	);
	if (failed === 0 && !process.env.KEEP_E2E_DIR) fs.rmSync(workDir, { recursive: true, force: true });
	else process.stdout.write(`# work folder kept: ${workDir}\n`);
}

/**
 * `--dialect <name>` runs only the demo's core flows under that emulator dialect (a quick look
 * while working on one); without it, every suite runs and the SDK dialect pass on the newest n8n.
 */
const dialectAt = process.argv.indexOf('--dialect');
const onlyDialect = dialectAt > 0 ? process.argv[dialectAt + 1] : undefined;
if (onlyDialect !== undefined && !(onlyDialect in DIALECT_PASSES)) {
	throw new Error(`--dialect: one of ${Object.keys(DIALECT_PASSES).join(', ')}`);
}

async function main() {
	exitOnSignal();
	for (const version of requestedVersions(process.argv.slice(2))) await suitesOn(version);
	process.exit(checks.summary('e2e') ? 0 : 1);
}

main().catch((error) => {
	checks.fail('e2e harness', error);
	checks.summary('e2e');
	process.exit(1);
});
