'use strict';
/**
 * Queue-mode test in a real n8n (`npm run test:queue`): n8n 2.41.1 scaled out the way production
 * installs run it, with Redis (Bull queue) and PostgreSQL started by this script on loopback, and
 * three n8n processes with our package each loaded from its own user folder:
 *   main (`n8n start`, 127.0.0.1:6005): editor/REST, activates the trigger (registers the endpoint)
 *   webhook processor (`n8n webhook`, 127.0.0.1:6010): production webhooks; WEBHOOK_URL points here
 *   worker (`n8n worker`, health on 127.0.0.1:6020): runs every execution taken from the queue
 * against the in-process UseePay emulator. Checks that the CRM sync gives the same customers on
 * the worker as in one process, and that a signed delivery through the webhook processor runs the
 * trigger workflow once on the worker, a redelivery of the same event not again.
 *
 * Redis and PostgreSQL come from Debian: installed with apt-get when missing (root only). The
 * server processes run from a temp dir owned by this script, PostgreSQL as a non-root user, and
 * are stopped on exit, including on failure. Prints `ok - …`/`not ok - …`, then
 * `queue: N passed, M failed`; exits non-zero on a failure. KEEP_QUEUE_DIR=1 keeps the temp dir
 * (logs of every process) after a pass; after a failure it is always kept. QUEUE_PACKAGE_TGZ=<file>
 * tests that tarball instead of building and packing the working tree.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const assert = require('node:assert/strict');

const { ensureRuntime, packPackage, sleep } = require('../lib/n8n');
const { log, stopAll, readLog, startServices } = require('../lib/services');
const { PORTS, assertPortsFree, queueEnv, queueInstances, startQueueProcesses } = require('../lib/queueMode');
const { MERCHANT, EXAMPLE, useePayCredential, readExample, exampleWorkflows } = require('../lib/fixtures');
const { emulatorApi } = require('../lib/http');
const { ownerSession, UNFINISHED } = require('../lib/n8nRest');
const {
	startEmulator,
	registeredEndpoints,
	succeededPayment,
	deliveredOnce,
	forgedDeliveryStatus,
	redeliver,
} = require('../lib/emulator');
const { createChecks, waitFor } = require('../lib/checks');

const WEBHOOK_CRM_WORKFLOW_ID = 'useepayQueueCrm1';
const WEBHOOK_CRM_PATH = 'useepay-queue-crm-sync';
/** A second merchant for the webhook-started CRM sync, so its customers don't collide. */
const MERCHANT_B = { ...MERCHANT, merchantNo: '500000000009001' };
const CREDENTIAL_B_ID = 'useepayQueueCrd2';
const CREDENTIAL_B_NAME = 'UseePay (queue test, merchant B)';

const checks = createChecks();
const { check } = checks;

/** The example's CRM rows → Create customer, started by a production Webhook node instead of by hand. */
/** @param {any} crm the example workflow */
function webhookCrmWorkflow(crm) {
	const manual = crm.nodes.find((/** @type {any} */ node) => node.type === 'n8n-nodes-base.manualTrigger');
	const webhook = {
		id: '5d0a4f6e-0000-4000-8000-0000000000f1',
		name: 'CRM export webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: manual.position,
		webhookId: '7a0e0b1c-0000-4000-8000-0000000000f1',
		parameters: { httpMethod: 'POST', path: WEBHOOK_CRM_PATH, responseMode: 'onReceived', options: {} },
	};
	const nodes = [
		webhook,
		...crm.nodes
			.filter((/** @type {any} */ node) => node !== manual)
			.map((/** @type {any} */ node) => structuredClone(node)),
	];
	for (const node of nodes) {
		if (node.credentials?.useePayApi) node.credentials.useePayApi = { id: CREDENTIAL_B_ID, name: CREDENTIAL_B_NAME };
	}
	const connections = structuredClone(crm.connections);
	connections[webhook.name] = connections[manual.name];
	delete connections[manual.name];
	return {
		...crm,
		id: WEBHOOK_CRM_WORKFLOW_ID,
		name: 'UseePay: sync CRM customers (webhook, queue test)',
		nodes,
		connections,
		active: false,
	};
}

/**
 * What a customer is, without what the emulator assigns (id, timestamps) or the merchant it belongs to.
 * @param {Record<string, any>[]} customers
 */
function customerShape(customers) {
	return customers
		.map(({ id, create_at, modify_at, merchant_no, app_id, ...rest }) => rest)
		.sort((a, b) => String(a.merchant_customer_id).localeCompare(String(b.merchant_customer_id)));
}

// ---------------------------------------------------------------------------------------------

/**
 * What the checks work with.
 * @typedef {object} QueueContext
 * @property {import('../../emulator/server').Emulator} emulator
 * @property {string} emulatorUrl
 * @property {ReturnType<typeof queueInstances>} instances
 * @property {any} crm the CRM-sync example workflow
 * @property {(merchant: import('../lib/fixtures').Merchant) => Promise<any[]>} customersOf
 */

/**
 * Redis, PostgreSQL, the emulator and the three n8n instances (not started yet), with the
 * credentials and workflows imported into PostgreSQL once (every process reads them from there)
 * and the two event-started workflows activated.
 * @param {string} workDir
 * @returns {Promise<QueueContext>}
 */
async function setUp(workDir) {
	log('checking Node.js and n8n');
	const runtime = await ensureRuntime({ log });
	// QUEUE_PACKAGE_TGZ: test an already packed tarball (e.g. the one CI built) instead of building.
	const tarball = process.env.QUEUE_PACKAGE_TGZ
		? path.resolve(process.env.QUEUE_PACKAGE_TGZ)
		: (log('building and packing n8n-nodes-useepay'), packPackage(path.join(workDir, 'pack')));
	const services = await startServices(workDir);
	const { emulator, url: emulatorUrl } = await startEmulator({ timeScale: 1000 });
	log(`UseePay emulator on ${emulatorUrl}`);
	const instances = queueInstances({ runtime, tarball, workDir, env: queueEnv(services.env) });

	const crm = readExample('crm-customers-to-useepay.workflow.json');
	const publicKeyPem = emulator.publicKeyPem;
	await instances.main.importCredentials([
		useePayCredential({ baseUrl: emulatorUrl, publicKeyPem }),
		useePayCredential({
			id: CREDENTIAL_B_ID,
			name: CREDENTIAL_B_NAME,
			baseUrl: emulatorUrl,
			merchant: MERCHANT_B,
			publicKeyPem,
		}),
	]);
	await instances.main.mustCli([
		'import:workflow',
		`--input=${instances.main.writeJson('workflows.json', [...exampleWorkflows(), webhookCrmWorkflow(crm)])}`,
	]);
	for (const id of [EXAMPLE.events, WEBHOOK_CRM_WORKFLOW_ID]) await instances.main.activateWorkflow(id);
	/** @param {import('../lib/fixtures').Merchant} merchant */
	const customersOf = async (merchant) =>
		(await emulatorApi(emulatorUrl, merchant)('GET', '/api/v1/customers?page_size=100')).json.items;
	return { emulator, emulatorUrl, instances, crm, customersOf };
}

/**
 * The single-process reference: `n8n execute` always runs in-process (it falls back to regular
 * mode). Its customers are kept, then the emulator is emptied for the queue run.
 * @param {QueueContext} context
 */
async function singleProcessReference({ instances, emulator, customersOf }) {
	/** @type {any[]|undefined} */
	let reference;
	await check('reference: the CRM-sync example runs in a single process (n8n execute)', async () => {
		const run = await instances.main.execute(EXAMPLE.crmSync);
		assert.equal(run.status, 'success', `${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`);
		const shape = customerShape(await customersOf(MERCHANT));
		reference = shape;
		assert.deepEqual(
			shape.map((c) => c.merchant_customer_id),
			['CRM-1001', 'CRM-1002', 'CRM-1003'],
		);
	});
	emulator.reset();
	return reference;
}

/**
 * The three processes started; null when they did not come up with our package.
 * @param {QueueContext} context
 */
async function startedInQueueMode({ instances }) {
	/** @type {Awaited<ReturnType<typeof startQueueProcesses>> | null} */
	let procs = null;
	await check(
		'main, webhook processor and worker start in queue mode (Redis + PostgreSQL), our package in each',
		async () => {
			procs = await startQueueProcesses(instances);
			assert.match(readLog(procs.workerProc), /n8n worker is now ready/);
			assert.match(readLog(procs.webhookProc), /Webhook listener waiting for requests/);
			for (const proc of [procs.mainProc, procs.webhookProc, procs.workerProc]) {
				assert.doesNotMatch(
					readLog(proc),
					/n8n-nodes-useepay.*(could not|failed|error)/i,
					`${proc.name} had trouble loading our package`,
				);
			}
		},
	);
	return procs;
}

/**
 * Who did what, from the processes' own logs: the process that enqueued an execution, and the
 * worker that took it from the queue and finished it.
 * @param {Awaited<ReturnType<typeof startQueueProcesses>>} procs
 */
function queueLogs({ workerProc }) {
	return {
		/** @param {string} executionId */
		ranOnWorker(executionId) {
			const workerLog = readLog(workerProc);
			assert.match(
				workerLog,
				new RegExp(`Worker started execution ${executionId} \\(job `),
				`execution ${executionId} not started by the worker`,
			);
			assert.match(
				workerLog,
				new RegExp(`Worker finished execution ${executionId} \\(job `),
				`execution ${executionId} not finished by the worker`,
			);
		},
		/** @param {import('../lib/services').TrackedProcess} proc @param {string} executionId */
		enqueuedBy(proc, executionId) {
			assert.match(
				readLog(proc),
				new RegExp(`Enqueued execution ${executionId} \\(job `),
				`${proc.name} did not enqueue execution ${executionId}`,
			);
		},
	};
}

/**
 * The CRM sync on the worker: started from the REST API (queued by main), and by a production
 * Webhook (queued by the webhook processor), each with the reference's customers.
 * @param {QueueContext} context
 * @param {Awaited<ReturnType<typeof startQueueProcesses>>} procs
 * @param {import('../lib/n8nRest').OwnerSession} session
 * @param {any[]|undefined} reference
 */
async function crmSyncChecks({ crm, customersOf }, procs, session, reference) {
	const { ranOnWorker, enqueuedBy } = queueLogs(procs);
	await check(
		'the CRM-sync example, run from the REST API, is queued by main and runs on the worker with the same customers as in one process',
		async () => {
			const started = await session.rest('POST', `/rest/workflows/${EXAMPLE.crmSync}/run`, {
				triggerToStartFrom: {
					name: crm.nodes.find((/** @type {any} */ n) => n.type === 'n8n-nodes-base.manualTrigger').name,
				},
			});
			assert.equal(started.status, 200, JSON.stringify(started.json));
			const executionId = started.json.data.executionId;
			assert.ok(executionId, JSON.stringify(started.json));
			const done = await waitFor('the manual execution to finish', async () => {
				const detail = await session.rest('GET', `/rest/executions/${executionId}`);
				return detail.status === 200 && !UNFINISHED.includes(detail.json.data.status) ? detail.json.data : null;
			});
			assert.equal(done.status, 'success', JSON.stringify(done).slice(0, 2000));
			enqueuedBy(procs.mainProc, executionId);
			ranOnWorker(executionId);
			assert.deepEqual(customerShape(await customersOf(MERCHANT)), reference);
		},
	);

	await check(
		'the same CRM rows → Create customer, started by a production Webhook through the webhook processor, run on the worker with the same customers',
		async () => {
			// 404 until main has published the workflow (n8n 2.x does that after answering readiness).
			const response = await waitFor(
				'the webhook processor to serve the CRM webhook',
				async () => {
					const answer = await fetch(`http://127.0.0.1:${PORTS.webhook}/webhook/${WEBHOOK_CRM_PATH}`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({ export: 'crm' }),
					});
					return answer.status === 404 ? null : answer;
				},
				60000,
			);
			assert.equal(response.status, 200, await response.text());
			const [run] = await session.finishedExecutions(WEBHOOK_CRM_WORKFLOW_ID, 1);
			assert.equal(run.status, 'success', JSON.stringify(run));
			assert.equal(run.mode, 'webhook');
			enqueuedBy(procs.webhookProc, run.id);
			ranOnWorker(run.id);
			const customers = await customersOf(MERCHANT_B);
			assert.ok(customers.every((c) => c.merchant_no === MERCHANT_B.merchantNo));
			assert.deepEqual(customerShape(customers), reference);
		},
	);
}

/**
 * The trigger in queue mode: registered at the webhook processor's URL, a signed delivery runs
 * once on the worker (its event id saved in PostgreSQL), a forged one never, a retry not again.
 * @param {QueueContext} context
 * @param {Awaited<ReturnType<typeof startQueueProcesses>>} procs
 * @param {import('../lib/n8nRest').OwnerSession} session
 */
async function triggerChecks({ emulatorUrl }, procs, session) {
	const { ranOnWorker, enqueuedBy } = queueLogs(procs);
	const api = emulatorApi(emulatorUrl, MERCHANT);
	const triggerUrl = `http://127.0.0.1:${PORTS.webhook}/webhook/${EXAMPLE.eventsWebhookId}/webhook`;
	await check(
		"main registered the trigger's endpoint with UseePay at the webhook processor's URL (WEBHOOK_URL)",
		async () => {
			const endpoints = await registeredEndpoints(emulatorUrl, MERCHANT, [triggerUrl]);
			const urls = endpoints.map((/** @type {any} */ endpoint) => endpoint.url);
			assert.deepEqual(urls, [triggerUrl], JSON.stringify(endpoints));
		},
	);

	/** @type {string|undefined} */
	let eventId;
	await check(
		'a signed delivery to the webhook processor runs the trigger workflow once, on the worker, with the event',
		async () => {
			await succeededPayment(api, 'QUEUE-ORDER-1');
			const [run] = await session.finishedExecutions(EXAMPLE.events, 1);
			await sleep(1500);
			assert.equal((await session.executions(EXAMPLE.events)).length, 1);
			assert.equal(run.status, 'success', JSON.stringify(run));
			assert.equal(run.mode, 'webhook');
			enqueuedBy(procs.webhookProc, run.id);
			ranOnWorker(run.id);
			eventId = await deliveredOnce(emulatorUrl, 'payment_intent.succeeded');
			const detail = JSON.stringify((await session.rest('GET', `/rest/executions/${run.id}`)).json);
			assert.match(detail, /payment_intent\.succeeded/);
			assert.match(detail, /QUEUE-ORDER-1/);
		},
	);

	await check("the webhook processor saved the event id in the trigger's static data (in PostgreSQL)", async () => {
		assert.ok(eventId, 'no event from the previous check');
		const workflow = await session.rest('GET', `/rest/workflows/${EXAMPLE.events}`);
		assert.equal(workflow.status, 200, JSON.stringify(workflow.json));
		const staticData = workflow.json.data.staticData || {};
		const node = staticData['node:UseePay Trigger'] || {};
		assert.ok(node.seenEvents && typeof node.seenEvents[eventId] === 'number', JSON.stringify(staticData));
		assert.ok(node.webhookId, `main's endpoint id is gone from static data: ${JSON.stringify(staticData)}`);
	});

	await check('a forged delivery to the webhook processor gets 401 and runs nothing', async () => {
		assert.equal(await forgedDeliveryStatus(triggerUrl, MERCHANT.merchantNo), 401);
		await sleep(1000);
		assert.equal((await session.executions(EXAMPLE.events)).length, 1);
	});

	await check('the same delivery again (a UseePay retry, through the webhook processor) still runs once', async () => {
		assert.ok(eventId, 'no event from the previous check');
		await redeliver(emulatorUrl, eventId);
		await sleep(2000);
		const list = await session.executions(EXAMPLE.events);
		assert.equal(list.length, 1, `executions: ${JSON.stringify(list.map((e) => ({ id: e.id, status: e.status })))}`);
	});
}

async function main() {
	const startedAt = Date.now();
	await assertPortsFree();
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'useepay-queue-'));
	fs.chmodSync(workDir, 0o711); // PostgreSQL's account must reach its own subdirectory
	log(`work dir ${workDir}`);
	/** @type {QueueContext|undefined} */
	let context;
	try {
		context = await setUp(workDir);
		const reference = await singleProcessReference(context);
		const procs = await startedInQueueMode(context);
		if (!procs) return;
		const session = await ownerSession(context.instances.main.url);
		await crmSyncChecks(context, procs, session, reference);
		await triggerChecks(context, procs, session);
	} finally {
		log('stopping n8n, redis and PostgreSQL');
		await stopAll();
		if (context) await context.emulator.close();
		log(`run time ${Math.round((Date.now() - startedAt) / 1000)} s`);
		if (checks.results.every((r) => r.ok) && checks.results.length > 0 && !process.env.KEEP_QUEUE_DIR)
			fs.rmSync(workDir, { recursive: true, force: true });
		else log(`logs kept in ${workDir}`);
	}
}

main()
	.then(() => process.exit(checks.summary('queue') ? 0 : 1))
	.catch(async (error) => {
		checks.fail('queue harness', error);
		await stopAll();
		checks.summary('queue');
		process.exit(1);
	});
