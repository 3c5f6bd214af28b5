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
const net = require('node:net');
const path = require('node:path');
const assert = require('node:assert/strict');
const { spawn, spawnSync } = require('node:child_process');

const { createEmulator } = require('../../emulator/server');
const { REPO_ROOT, ensureRuntime, packPackage, N8nInstance, exitDescription, sleep } = require('../lib/n8n');
const { port } = require('../lib/ports');
const { aptInstall } = require('../lib/system');
const { jsonRequest, CREDENTIAL_ID, MERCHANT, OWNER } = require('../demo/demo');
const { createChecks, waitFor } = require('../lib/checks');

const PORTS = {
	redis: Number(process.env.QUEUE_REDIS_PORT) || port(6390),
	postgres: Number(process.env.QUEUE_POSTGRES_PORT) || port(5440),
	// Not 6000: fetch() refuses it (X11 is on the Fetch standard's list of "bad ports").
	main: port(6005),
	mainBroker: port(6006),
	webhook: port(6010),
	webhookBroker: port(6011),
	workerHealth: port(6020),
	workerBroker: port(6021),
};
const REDIS_PASSWORD = 'queue-test-redis-local-only';
const PG_USER = 'n8n';
const PG_PASSWORD = 'queue-test-pg-local-only';
const PG_DATABASE = 'n8n';

const EXAMPLES = path.join(REPO_ROOT, 'examples');
const CRM_WORKFLOW_ID = 'useepayCrmSync01';
const EVENTS_WORKFLOW_ID = 'useepayEvents001';
const TRIGGER_WEBHOOK_ID = 'c0ffee00-0000-4000-8000-00000000e001';
const WEBHOOK_CRM_WORKFLOW_ID = 'useepayQueueCrm1';
const WEBHOOK_CRM_PATH = 'useepay-queue-crm-sync';
/** A second merchant for the webhook-started CRM sync, so its customers don't collide. */
const MERCHANT_B = { ...MERCHANT, merchantNo: '500000000009001' };
const CREDENTIAL_B_ID = 'useepayQueueCrd2';

const log = (line) => process.stderr.write(`[queue] ${line}\n`);

// ---------------------------------------------------------------------------------------------
// Results (same style as tools/e2e/run.js)

const { check, results } = createChecks();

// ---------------------------------------------------------------------------------------------
// Child processes: every one is registered so it is stopped on any exit.

const children = [];

function track(child, name, { group = false, stopSignal = 'SIGTERM' } = {}) {
	const entry = { child, name, group, stopSignal };
	children.push(entry);
	return entry;
}

function signal(entry, sig) {
	const { child, group } = entry;
	if (child.exitCode !== null || child.signalCode !== null) return;
	try {
		// n8n processes are group leaders (detached): their task-runner children go with them.
		process.kill(group ? -child.pid : child.pid, sig);
	} catch {
		// already gone
	}
}

async function stopEntry(entry, timeoutMs = 15000) {
	const { child } = entry;
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	signal(entry, entry.stopSignal);
	await Promise.race([exited, sleep(timeoutMs)]);
	if (child.exitCode === null && child.signalCode === null) {
		signal(entry, 'SIGKILL');
		await Promise.race([exited, sleep(2000)]);
	}
}

/** n8n first (they hold DB and Redis connections), then Redis and PostgreSQL. */
async function stopAll() {
	const n8n = children.filter((e) => e.name.startsWith('n8n'));
	await Promise.all(n8n.map((e) => stopEntry(e)));
	for (const entry of children.filter((e) => !e.name.startsWith('n8n')).reverse()) await stopEntry(entry);
}

process.on('exit', () => {
	for (const entry of children) signal(entry, 'SIGKILL');
});
for (const sig of ['SIGINT', 'SIGTERM']) {
	process.on(sig, () => {
		log(`${sig}: stopping everything`);
		stopAll().finally(() => process.exit(130));
	});
}

// ---------------------------------------------------------------------------------------------
// System packages: redis-server and PostgreSQL from Debian

function commandPath(name) {
	const found = spawnSync('bash', ['-c', `command -v ${name}`], { encoding: 'utf8' });
	return found.status === 0 ? found.stdout.trim() : null;
}

function runs(file, args = ['--version']) {
	try {
		return spawnSync(file, args, { stdio: 'ignore', timeout: 10000 }).status === 0;
	} catch {
		return false;
	}
}

/** The directory holding postgres + initdb: from PATH (symlinks resolved), else Debian's layout. */
function findPostgresBin() {
	const candidates = [];
	for (const name of ['postgres', 'initdb', 'pg_ctl']) {
		const onPath = commandPath(name);
		if (onPath) candidates.push(path.dirname(fs.realpathSync(onPath)));
	}
	const debian = '/usr/lib/postgresql';
	if (fs.existsSync(debian)) {
		for (const version of fs.readdirSync(debian).sort((a, b) => Number(b) - Number(a)))
			candidates.push(path.join(debian, version, 'bin'));
	}
	return candidates.find((dir) => runs(path.join(dir, 'postgres')) && runs(path.join(dir, 'initdb'))) || null;
}

function findRedis() {
	const onPath = commandPath('redis-server');
	return onPath && runs(onPath) ? onPath : null;
}

function ensureSystemPackages() {
	const missing = [];
	if (!findRedis()) missing.push('redis-server');
	if (!findPostgresBin()) missing.push('postgresql');
	if (missing.length) aptInstall(missing, log);
	const redis = findRedis();
	const pgBin = findPostgresBin();
	if (!redis) throw new Error('redis-server not usable after install');
	if (!pgBin) throw new Error('postgres/initdb not usable after install');
	return { redis, pgBin };
}

/** PostgreSQL refuses to run as root: use the postgres account (Debian's package creates it), else nobody. */
function postgresAccount() {
	if (process.getuid() !== 0) return {};
	for (const name of ['postgres', 'nobody']) {
		const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
		const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
		if (uid.status === 0 && gid.status === 0) return { name, uid: Number(uid.stdout), gid: Number(gid.stdout) };
	}
	throw new Error('no non-root account (postgres or nobody) to run PostgreSQL as');
}

function portInUse(port) {
	return new Promise((resolve) => {
		const socket = net.connect({ port, host: '127.0.0.1' });
		socket.once('connect', () => {
			socket.destroy();
			resolve(true);
		});
		socket.once('error', () => resolve(false));
		socket.setTimeout(1000, () => {
			socket.destroy();
			resolve(false);
		});
	});
}

async function waitForLogLine(file, pattern, entry, timeoutMs = 60000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (fs.existsSync(file) && pattern.test(fs.readFileSync(file, 'utf8'))) return;
		const ended = exitDescription(entry.child);
		if (ended) throw new Error(`${entry.name} crashed while starting: it ${ended}; see ${file}`);
		await sleep(100);
	}
	throw new Error(`${entry.name} not ready within ${timeoutMs} ms; see ${file}`);
}

async function startRedis(redisBin, dir) {
	const dataDir = path.join(dir, 'redis');
	fs.mkdirSync(dataDir, { recursive: true });
	const logFile = path.join(dir, 'redis.log');
	const fd = fs.openSync(logFile, 'a');
	const child = spawn(
		redisBin,
		[
			'--port',
			String(PORTS.redis),
			'--bind',
			'127.0.0.1',
			'--protected-mode',
			'yes',
			'--requirepass',
			REDIS_PASSWORD,
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			dataDir,
			'--daemonize',
			'no',
		],
		{ stdio: ['ignore', fd, fd], detached: true },
	);
	fs.closeSync(fd);
	const entry = track(child, 'redis');
	await waitForLogLine(logFile, /Ready to accept connections/, entry);
	return entry;
}

async function startPostgres(pgBin, dir) {
	const account = postgresAccount();
	const asAccount = account.uid === undefined ? {} : { uid: account.uid, gid: account.gid };
	const root = path.join(dir, 'pg');
	fs.mkdirSync(root, { mode: 0o700 });
	if (asAccount.uid !== undefined) fs.chownSync(root, asAccount.uid, asAccount.gid);
	const pwFile = path.join(root, 'pw');
	fs.writeFileSync(pwFile, `${PG_PASSWORD}\n`, { mode: 0o600 });
	if (asAccount.uid !== undefined) fs.chownSync(pwFile, asAccount.uid, asAccount.gid);
	const dataDir = path.join(root, 'data');
	const init = spawnSync(
		path.join(pgBin, 'initdb'),
		[
			'-D',
			dataDir,
			'-U',
			PG_USER,
			`--pwfile=${pwFile}`,
			'-A',
			'scram-sha-256',
			'-E',
			'UTF8',
			'--locale=C',
			'--no-sync',
		],
		{ ...asAccount, cwd: '/', encoding: 'utf8' },
	);
	fs.rmSync(pwFile, { force: true });
	if (init.status !== 0)
		throw new Error(`initdb failed (as ${account.name || 'self'}): ${init.stdout}\n${init.stderr}`);

	const logFile = path.join(dir, 'postgres.log');
	const fd = fs.openSync(logFile, 'a');
	const child = spawn(
		path.join(pgBin, 'postgres'),
		[
			'-D',
			dataDir,
			'-p',
			String(PORTS.postgres),
			'-c',
			'listen_addresses=127.0.0.1',
			'-c',
			`unix_socket_directories=${root}`,
			'-c',
			'fsync=off',
			'-c',
			'synchronous_commit=off',
			'-c',
			'full_page_writes=off',
		],
		{ ...asAccount, cwd: '/', stdio: ['ignore', fd, fd], detached: true },
	);
	fs.closeSync(fd);
	// SIGINT = PostgreSQL's "fast" shutdown.
	const entry = track(child, 'postgres', { stopSignal: 'SIGINT' });
	await waitForLogLine(logFile, /database system is ready to accept connections/, entry);

	let database = 'postgres';
	const createdb = path.join(pgBin, 'createdb');
	if (fs.existsSync(createdb)) {
		const created = spawnSync(createdb, ['-h', '127.0.0.1', '-p', String(PORTS.postgres), '-U', PG_USER, PG_DATABASE], {
			env: { ...process.env, PGPASSWORD: PG_PASSWORD },
			encoding: 'utf8',
		});
		if (created.status !== 0) throw new Error(`createdb failed: ${created.stderr}`);
		database = PG_DATABASE;
	}
	return { entry, database, account: account.name || os.userInfo().username };
}

// ---------------------------------------------------------------------------------------------
// n8n in queue mode

function queueEnv(database) {
	return {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(PORTS.redis),
		QUEUE_BULL_REDIS_PASSWORD: REDIS_PASSWORD,
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(PORTS.postgres),
		DB_POSTGRESDB_DATABASE: database,
		DB_POSTGRESDB_USER: PG_USER,
		DB_POSTGRESDB_PASSWORD: PG_PASSWORD,
		// Production webhook URLs, and so the URL the trigger registers with UseePay, are the
		// webhook processor's.
		WEBHOOK_URL: `http://127.0.0.1:${PORTS.webhook}/`,
		// Manual runs from the editor/REST go to the queue too (n8n's default keeps them on main).
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		N8N_LOG_LEVEL: 'info',
	};
}

async function httpStatus(url) {
	try {
		const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
		await response.arrayBuffer();
		return response.status;
	} catch {
		return 0;
	}
}

/** Starts `n8n <command>` as a process-group leader; resolves when readinessUrl answers 200. */
async function startN8n(instance, command, readinessUrl, timeoutMs = 150000) {
	const logFile = path.join(instance.dir, `${command}.log`);
	const fd = fs.openSync(logFile, 'a');
	const child = spawn(path.join(instance.runtime.n8nHome, 'node_modules', '.bin', 'n8n'), [command], {
		env: instance.env(),
		stdio: ['ignore', fd, fd],
		detached: true,
	});
	fs.closeSync(fd);
	const entry = track(child, `n8n ${command}`, { group: true });
	entry.logFile = logFile;
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const ended = exitDescription(child);
		if (ended) throw new Error(`n8n ${command} crashed while starting: it ${ended}; see ${logFile}`);
		if ((await httpStatus(readinessUrl)) === 200) return entry;
		await sleep(300);
	}
	throw new Error(`n8n ${command} not ready within ${timeoutMs} ms; see ${logFile}`);
}

const readLog = (entry) => fs.readFileSync(entry.logFile, 'utf8');

function credential(id, name, emulatorUrl, merchant, publicKeyPem) {
	return {
		id,
		name,
		type: 'useePayApi',
		data: { environment: 'custom', baseUrl: emulatorUrl, ...merchant, webhookSignatureCert: publicKeyPem },
	};
}

const readExample = (file) => JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));

/** The example's CRM rows → Create customer, started by a production Webhook node instead of by hand. */
function webhookCrmWorkflow(crm) {
	const manual = crm.nodes.find((node) => node.type === 'n8n-nodes-base.manualTrigger');
	const webhook = {
		id: '5d0a4f6e-0000-4000-8000-0000000000f1',
		name: 'CRM export webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: manual.position,
		webhookId: '7a0e0b1c-0000-4000-8000-0000000000f1',
		parameters: { httpMethod: 'POST', path: WEBHOOK_CRM_PATH, responseMode: 'onReceived', options: {} },
	};
	const nodes = [webhook, ...crm.nodes.filter((node) => node !== manual).map((node) => structuredClone(node))];
	for (const node of nodes) {
		if (node.credentials?.useePayApi)
			node.credentials.useePayApi = { id: CREDENTIAL_B_ID, name: 'UseePay (queue test, merchant B)' };
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

/** What a customer is, without what the emulator assigns (id, timestamps) or the merchant it belongs to. */
function customerShape(customers) {
	return customers
		.map(({ id, create_at, modify_at, merchant_no, app_id, ...rest }) => rest)
		.sort((a, b) => String(a.merchant_customer_id).localeCompare(String(b.merchant_customer_id)));
}

// ---------------------------------------------------------------------------------------------

async function main() {
	const startedAt = Date.now();
	for (const [name, port] of Object.entries(PORTS)) {
		if (await portInUse(port)) throw new Error(`port ${port} (${name}) is already in use on 127.0.0.1`);
	}
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'useepay-queue-'));
	fs.chmodSync(workDir, 0o711); // PostgreSQL's account must reach its own subdirectory
	log(`work dir ${workDir}`);
	let emulator;
	try {
		const { redis, pgBin } = ensureSystemPackages();
		log('checking Node.js and n8n');
		const runtime = await ensureRuntime({ log });
		// QUEUE_PACKAGE_TGZ: test an already packed tarball (e.g. the one CI built) instead of building.
		const tarball = process.env.QUEUE_PACKAGE_TGZ
			? path.resolve(process.env.QUEUE_PACKAGE_TGZ)
			: (log('building and packing n8n-nodes-useepay'), packPackage(path.join(workDir, 'pack')));

		log(`starting redis (${PORTS.redis}) and PostgreSQL (${PORTS.postgres}) on 127.0.0.1`);
		const [, pg] = await Promise.all([startRedis(redis, workDir), startPostgres(pgBin, workDir)]);
		log(`PostgreSQL runs as ${pg.account}, database ${pg.database}`);

		emulator = createEmulator({ timeScale: 1000 });
		const { url: emulatorUrl } = await emulator.listen(0, '127.0.0.1');
		log(`UseePay emulator on ${emulatorUrl}`);

		const env = queueEnv(pg.database);
		const instance = (name, port, brokerPort, extra = {}) => {
			const n8n = new N8nInstance({
				runtime,
				dir: path.join(workDir, name),
				port,
				brokerPort,
				env: { ...env, ...extra },
			});
			n8n.installPackage(tarball); // the same package, in each process's own user folder
			return n8n;
		};
		const mainN8n = instance('main', PORTS.main, PORTS.mainBroker);
		const webhookN8n = instance('webhook', PORTS.webhook, PORTS.webhookBroker);
		const workerN8n = instance('worker', PORTS.workerHealth, PORTS.workerBroker, {
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(PORTS.workerHealth),
		});

		const api = (method, apiPath, body, merchant = MERCHANT) =>
			jsonRequest(`${emulatorUrl}${apiPath}`, {
				method,
				body,
				headers: { 'x-merchant-no': merchant.merchantNo, 'x-api-key': merchant.apiKey, 'x-app-id': merchant.appId },
			});
		const customersOf = async (merchant) =>
			(await api('GET', '/api/v1/customers?page_size=100', undefined, merchant)).json.items;

		// Credentials and workflows go into PostgreSQL once; every process reads them from there.
		const crm = readExample('crm-customers-to-useepay.workflow.json');
		const examples = fs
			.readdirSync(EXAMPLES)
			.filter((file) => file.endsWith('.workflow.json'))
			.map(readExample);
		await mainN8n.importCredentials([
			credential(CREDENTIAL_ID, 'UseePay (local emulator)', emulatorUrl, MERCHANT, emulator.publicKeyPem),
			credential(CREDENTIAL_B_ID, 'UseePay (queue test, merchant B)', emulatorUrl, MERCHANT_B, emulator.publicKeyPem),
		]);
		await mainN8n.mustCli([
			'import:workflow',
			`--input=${mainN8n.writeJson('workflows.json', [...examples, webhookCrmWorkflow(crm)])}`,
		]);
		for (const id of [EVENTS_WORKFLOW_ID, WEBHOOK_CRM_WORKFLOW_ID]) await mainN8n.activateWorkflow(id);

		// The single-process reference: `n8n execute` always runs in-process (it falls back to
		// regular mode). Its customers are kept, then the emulator is emptied for the queue run.
		let reference;
		await check('reference: the CRM-sync example runs in a single process (n8n execute)', async () => {
			const run = await mainN8n.execute(CRM_WORKFLOW_ID);
			assert.equal(run.status, 'success', `${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`);
			reference = customerShape(await customersOf(MERCHANT));
			assert.deepEqual(
				reference.map((c) => c.merchant_customer_id),
				['CRM-1001', 'CRM-1002', 'CRM-1003'],
			);
		});
		emulator.reset();

		let mainProc;
		let workerProc;
		let webhookProc;
		const up = await check(
			'main, webhook processor and worker start in queue mode (Redis + PostgreSQL), our package in each',
			async () => {
				[mainProc, webhookProc, workerProc] = await Promise.all([
					startN8n(mainN8n, 'start', `${mainN8n.url}/healthz/readiness`),
					startN8n(webhookN8n, 'webhook', `http://127.0.0.1:${PORTS.webhook}/healthz/readiness`),
					startN8n(workerN8n, 'worker', `http://127.0.0.1:${PORTS.workerHealth}/healthz/readiness`),
				]);
				assert.match(readLog(workerProc), /n8n worker is now ready/);
				assert.match(readLog(webhookProc), /Webhook listener waiting for requests/);
				for (const proc of [mainProc, webhookProc, workerProc]) {
					assert.doesNotMatch(
						readLog(proc),
						/n8n-nodes-useepay.*(could not|failed|error)/i,
						`${proc.name} had trouble loading our package`,
					);
				}
			},
		);
		if (!up) return;

		await jsonRequest(`${mainN8n.url}/rest/owner/setup`, { method: 'POST', body: OWNER });
		const login = await jsonRequest(`${mainN8n.url}/rest/login`, {
			method: 'POST',
			body: { emailOrLdapLoginId: OWNER.email, password: OWNER.password },
		});
		assert.equal(login.status, 200, `n8n login failed: HTTP ${login.status}`);
		const cookie = (login.headers.get('set-cookie') || '').split(';')[0];
		const rest = (method, restPath, body) =>
			jsonRequest(`${mainN8n.url}${restPath}`, { method, body, headers: { cookie } });
		const executions = async (workflowId) => {
			const filter = encodeURIComponent(JSON.stringify({ workflowId }));
			const response = await rest('GET', `/rest/executions?filter=${filter}`);
			assert.equal(response.status, 200, JSON.stringify(response.json));
			return response.json.data.results;
		};
		const finished = async (workflowId, count) =>
			waitFor(`${count} finished execution(s) of ${workflowId}`, async () => {
				const list = await executions(workflowId);
				return list.length >= count && list.every((e) => !['new', 'running'].includes(e.status)) && list;
			});
		/** The worker's own log names every execution it took from the queue and finished. */
		const ranOnWorker = (executionId) => {
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
		};
		const enqueuedBy = (proc, executionId) =>
			assert.match(
				readLog(proc),
				new RegExp(`Enqueued execution ${executionId} \\(job `),
				`${proc.name} did not enqueue execution ${executionId}`,
			);

		await check(
			'the CRM-sync example, run from the REST API, is queued by main and runs on the worker with the same customers as in one process',
			async () => {
				const started = await rest('POST', `/rest/workflows/${CRM_WORKFLOW_ID}/run`, {
					triggerToStartFrom: { name: crm.nodes.find((n) => n.type === 'n8n-nodes-base.manualTrigger').name },
				});
				assert.equal(started.status, 200, JSON.stringify(started.json));
				const executionId = started.json.data.executionId;
				assert.ok(executionId, JSON.stringify(started.json));
				const done = await waitFor('the manual execution to finish', async () => {
					const detail = await rest('GET', `/rest/executions/${executionId}`);
					return detail.status === 200 && !['new', 'running'].includes(detail.json.data.status) && detail.json.data;
				});
				assert.equal(done.status, 'success', JSON.stringify(done).slice(0, 2000));
				enqueuedBy(mainProc, executionId);
				ranOnWorker(executionId);
				assert.deepEqual(customerShape(await customersOf(MERCHANT)), reference);
			},
		);

		await check(
			'the same CRM rows → Create customer, started by a production Webhook through the webhook processor, run on the worker with the same customers',
			async () => {
				const response = await fetch(`http://127.0.0.1:${PORTS.webhook}/webhook/${WEBHOOK_CRM_PATH}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ export: 'crm' }),
				});
				assert.equal(response.status, 200, await response.text());
				const [run] = await finished(WEBHOOK_CRM_WORKFLOW_ID, 1);
				assert.equal(run.status, 'success', JSON.stringify(run));
				assert.equal(run.mode, 'webhook');
				enqueuedBy(webhookProc, run.id);
				ranOnWorker(run.id);
				const customers = await customersOf(MERCHANT_B);
				assert.ok(customers.every((c) => c.merchant_no === MERCHANT_B.merchantNo));
				assert.deepEqual(customerShape(customers), reference);
			},
		);

		const triggerUrl = `http://127.0.0.1:${PORTS.webhook}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`;
		await check(
			"main registered the trigger's endpoint with UseePay at the webhook processor's URL (WEBHOOK_URL)",
			async () => {
				const endpoints = (await api('GET', '/api/v1/webhooks?page_size=100')).json.items;
				const enabled = endpoints.filter((e) => e.status !== 'disabled');
				assert.deepEqual(
					enabled.map((e) => e.url),
					[triggerUrl],
					JSON.stringify(endpoints),
				);
			},
		);

		let eventId;
		await check(
			'a signed delivery to the webhook processor runs the trigger workflow once, on the worker, with the event',
			async () => {
				const created = await api('POST', '/api/v1/payment_intents/create', {
					amount: 42.5,
					currency: 'USD',
					merchant_order_id: 'QUEUE-ORDER-1',
					confirm: true,
					payment_method_data: {
						type: 'card',
						card: { number: '4111111111111111', expiry_month: '12', expiry_year: '2030', cvc: '123' },
					},
				});
				assert.equal(created.status, 200, JSON.stringify(created.json));
				assert.equal(created.json.status, 'succeeded');
				const [run] = await finished(EVENTS_WORKFLOW_ID, 1);
				await sleep(1500);
				assert.equal((await executions(EVENTS_WORKFLOW_ID)).length, 1);
				assert.equal(run.status, 'success', JSON.stringify(run));
				assert.equal(run.mode, 'webhook');
				enqueuedBy(webhookProc, run.id);
				ranOnWorker(run.id);
				const deliveries = (await jsonRequest(`${emulatorUrl}/__emulator/deliveries?name=payment_intent.succeeded`))
					.json.items;
				assert.equal(deliveries.length, 1, JSON.stringify(deliveries));
				assert.equal(deliveries[0].status, 200);
				eventId = deliveries[0].event_id;
				const detail = JSON.stringify((await rest('GET', `/rest/executions/${run.id}`)).json);
				assert.match(detail, /payment_intent\.succeeded/);
				assert.match(detail, /QUEUE-ORDER-1/);
			},
		);

		await check("the webhook processor saved the event id in the trigger's static data (in PostgreSQL)", async () => {
			assert.ok(eventId, 'no event from the previous check');
			const workflow = await rest('GET', `/rest/workflows/${EVENTS_WORKFLOW_ID}`);
			assert.equal(workflow.status, 200, JSON.stringify(workflow.json));
			const staticData = workflow.json.data.staticData || {};
			const node = staticData['node:UseePay Trigger'] || {};
			assert.ok(node.seenEvents && typeof node.seenEvents[eventId] === 'number', JSON.stringify(staticData));
			assert.ok(node.webhookId, `main's endpoint id is gone from static data: ${JSON.stringify(staticData)}`);
		});

		await check('a forged delivery to the webhook processor gets 401 and runs nothing', async () => {
			const response = await fetch(triggerUrl, {
				method: 'POST',
				headers: {
					'content-type': 'application/json',
					merchant_no: MERCHANT.merchantNo,
					sign: Buffer.from('forged').toString('base64'),
				},
				body: JSON.stringify({
					id: 'evt_ffffffffffffffffffffffffffffffff',
					name: 'payment_intent.succeeded',
					data: { id: 'pi_forged' },
				}),
			});
			assert.equal(response.status, 401);
			await sleep(1000);
			assert.equal((await executions(EVENTS_WORKFLOW_ID)).length, 1);
		});

		await check(
			'the same delivery again (a UseePay retry, through the webhook processor) still runs once',
			async () => {
				assert.ok(eventId, 'no event from the previous check');
				const redelivered = await jsonRequest(`${emulatorUrl}/__emulator/deliveries/redeliver`, {
					method: 'POST',
					body: { event_id: eventId },
				});
				assert.equal(redelivered.status, 200, JSON.stringify(redelivered.json));
				await waitFor('the redelivery', async () => {
					const all = (await jsonRequest(`${emulatorUrl}/__emulator/deliveries?event_id=${eventId}`)).json.items;
					return all.length >= 2 && all.every((d) => d.status === 200);
				});
				await sleep(2000);
				const list = await executions(EVENTS_WORKFLOW_ID);
				assert.equal(
					list.length,
					1,
					`executions: ${JSON.stringify(list.map((e) => ({ id: e.id, status: e.status })))}`,
				);
			},
		);
	} finally {
		log('stopping n8n, redis and PostgreSQL');
		await stopAll();
		if (emulator) await emulator.close();
		const passed = results.filter((r) => r.ok).length;
		const failed = results.length - passed;
		log(`run time ${Math.round((Date.now() - startedAt) / 1000)} s`);
		if (failed === 0 && results.length > 0 && !process.env.KEEP_QUEUE_DIR)
			fs.rmSync(workDir, { recursive: true, force: true });
		else log(`logs kept in ${workDir}`);
	}
}

/** The Redis + PostgreSQL + n8n processes of this harness, for other tools (the trigger bench). */
module.exports = { PORTS, ensureSystemPackages, startRedis, startPostgres, queueEnv, startN8n, stopAll, readLog };

if (require.main === module) {
	main()
		.then(() => {
			const passed = results.filter((r) => r.ok).length;
			const failed = results.length - passed;
			process.stdout.write(`queue: ${passed} passed, ${failed} failed\n`);
			process.exit(failed === 0 && passed > 0 ? 0 : 1);
		})
		.catch(async (error) => {
			process.stdout.write(`not ok - queue harness\n  ${error && error.stack}\n`);
			await stopAll();
			const passed = results.filter((r) => r.ok).length;
			process.stdout.write(`queue: ${passed} passed, ${results.length - passed + 1} failed\n`);
			process.exit(1);
		});
}
