'use strict';
/**
 * UseePay Trigger benchmark (`npm run bench:trigger`): a real n8n 2.41.1 receives UseePay-style
 * webhook deliveries, and the UseePay Trigger is measured beside n8n's own Webhook node followed by
 * a Code node doing the same RSA check (the careful user's alternative), in the same n8n, same run.
 *
 * Each pass sends D deliveries (default 1,000) of E distinct events (default 700), signed with the
 * emulator's key and sent with its delivery headers (sign, merchant_no, app_id, api_version):
 * half of the repeats are sent while the original is still in flight (right after it), the other
 * half later (after the original was answered), at most C in flight (default 20), at a given rate
 * (deliveries per second, or `max`). Both workflows end in the same HTTP Request to a sink in this
 * process, which records the event id of every execution that got past the first node. Like
 * UseePay, the bench delivers again what was not answered 2xx (1 s, 5 s, 10 s, 30 s, 60 s later).
 *
 *   ours     UseePay Trigger (events *) → HTTP Request (sink)
 *   webhook  Webhook (POST, On Received) → Code (RSA-SHA256 check of the body with the same public
 *            key, throws on a bad signature) → HTTP Request (sink); it has no duplicate filter, so
 *            its executions include the repeats (that is what a user gets without one)
 *
 * Topologies: `single` = one `n8n start` on SQLite (ports 5900/5901 + offset); `queue` = the
 * queue-mode harness of tools/queue/run.js: Redis + PostgreSQL, main + webhook processor (which
 * receives the deliveries) + worker.
 *
 * Columns: executions (n8n's count for the workflow in the pass), repeats run (concurrent / later:
 * repeats whose event reached the sink more than once), lost (events that never reached the sink),
 * codes (HTTP statuses answered to the deliveries, and to their retries), p50/p99 (answer latency), answered/s (deliveries ÷ first send to
 * last answer), done/s (deliveries ÷ first send to last sink hit), cpu/dlv (CPU time of every n8n
 * process and its task runners during the pass ÷ deliveries).
 *
 *   npm run bench:trigger -- [--deliveries 1000] [--events 700] [--concurrency 20] [--rate 5,max]
 *                            [--runs 1] [--modes single,queue] [--kinds ours,webhook] [--no-build]
 *                            [--n8n-env N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true,…] [--record] [--profile]
 *
 * --record writes the run (command, commit, machine, n8n version, every pass's row) to docs/bench/
 * trigger-<date>.json, from which `npm run bench:render` renders docs/BENCHMARKS.md's tables.
 * --profile has every n8n process write a V8 CPU profile when it stops (artifacts/bench/…) and
 * prints the functions with the most self time (bench/profile.js); its CPU figures include the profiler.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const http = require('node:http');

const { newEventId } = require('../emulator/util');
const { ensureRuntime, packPackage, N8nInstance, sleep } = require('../tools/lib/n8n');
const { port } = require('../tools/lib/ports');
const { readFlags } = require('../tools/lib/args');
const { MERCHANT, useePayCredential } = require('../tools/lib/fixtures');
const { httpStatus } = require('../tools/lib/http');
const { ownerSession } = require('../tools/lib/n8nRest');
const { startEmulator, registeredEndpoints } = require('../tools/lib/emulator');
const { stopAll, startServices } = require('../tools/lib/services');
const { PORTS, queueEnv, queueInstances, startQueueProcesses } = require('../tools/lib/queueMode');
const { n8nOf, recordHeader, writeRecord } = require('./record');
const { printHotspots, profileDir, profileEnv } = require('./profile');

const CREDENTIAL = { id: 'useepayTrigBench', name: 'UseePay (trigger bench)' };
/** @typedef {'ours' | 'webhook'} Kind the workflow under test: our trigger, or Webhook + Code */
const OURS = { id: 'benchTriggerOurs', webhookId: 'b3c1d2e4-0000-4000-8000-00000000a001' };
const BASELINE = { id: 'benchTriggerHook', path: 'useepay-bench-baseline' };
const API_VERSION = '2026-04';
/** @type {Array<() => Promise<void>>} stops for what this bench started, also run when it fails */
const running = [];

/**
 * @typedef {object} TriggerBenchArgs
 * @property {number} deliveries
 * @property {number} events
 * @property {number} concurrency
 * @property {string[]} rates deliveries per second, or 'max'
 * @property {number} runs
 * @property {string[]} modes single, queue
 * @property {Kind[]} kinds ours, webhook (an unknown kind fails the first pass)
 * @property {boolean} build
 * @property {number} quietMs
 * @property {Record<string, string>} n8nEnv
 * @property {boolean} record write docs/bench/trigger-<date>.json
 * @property {string|null} profile where n8n's CPU profiles go (--profile)
 */

/** @param {string[]} argv @returns {TriggerBenchArgs} */
function parseArgs(argv) {
	/** @type {TriggerBenchArgs} */
	const args = {
		deliveries: 1000,
		events: 700,
		concurrency: 20,
		rates: ['5', 'max'],
		runs: 1,
		modes: ['single', 'queue'],
		kinds: ['ours', 'webhook'],
		build: true,
		quietMs: 5000,
		n8nEnv: {},
		record: false,
		profile: null,
	};
	/** @param {() => string} value */
	const list = (value) => String(value()).split(',').filter(Boolean);
	const help = () => {
		process.stdout.write(`${fs.readFileSync(__filename, 'utf8').split('*/')[0]}*/\n`);
		process.exit(0);
	};
	readFlags(argv, {
		'--deliveries': (value) => (args.deliveries = Number(value())),
		'--events': (value) => (args.events = Number(value())),
		'--concurrency': (value) => (args.concurrency = Number(value())),
		'--rate': (value) => (args.rates = list(value)),
		'--runs': (value) => (args.runs = Number(value())),
		'--modes': (value) => (args.modes = list(value)),
		'--kinds': (value) => (args.kinds = /** @type {Kind[]} */ (list(value))),
		'--no-build': () => (args.build = false),
		'--record': () => (args.record = true),
		'--profile': () => (args.profile = profileDir('trigger')),
		'--n8n-env': (value) => {
			for (const pair of list(value)) args.n8nEnv[pair.split('=')[0]] = pair.slice(pair.indexOf('=') + 1);
		},
		'--help': help,
		'-h': help,
	});
	if (!(args.events > 0 && args.deliveries >= args.events && args.deliveries <= 2 * args.events))
		throw new Error('--deliveries must be between --events and twice --events');
	return args;
}

// ---------------------------------------------------------------------------------------------
// Workflows

/**
 * The last node of both workflows: posts {kind, id} to the sink.
 * @param {string} sinkUrl
 * @param {Kind} kind
 * @param {number[]} position
 */
function sinkNode(sinkUrl, kind, position) {
	return {
		id: `b3c1d2e4-0000-4000-8000-0000000${kind === 'ours' ? 'b' : 'c'}0ff`,
		name: 'Record in sink',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position,
		parameters: {
			method: 'POST',
			url: sinkUrl,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: `={{ JSON.stringify({ kind: '${kind}', id: $json.id }) }}`,
			options: {},
		},
	};
}

/** @param {string} sinkUrl */
function oursWorkflow(sinkUrl) {
	return {
		id: OURS.id,
		name: 'bench: UseePay Trigger',
		nodes: [
			{
				id: 'b3c1d2e4-0000-4000-8000-00000000b001',
				name: 'UseePay Trigger',
				type: 'n8n-nodes-useepay.useePayTrigger',
				typeVersion: 2,
				position: [0, 0],
				webhookId: OURS.webhookId,
				parameters: { events: ['*'], options: {} },
				credentials: { useePayApi: CREDENTIAL },
			},
			sinkNode(sinkUrl, 'ours', [260, 0]),
		],
		connections: { 'UseePay Trigger': { main: [[{ node: 'Record in sink', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

/**
 * What a careful user builds without our node: the same RSA check in a Code node.
 * @param {string} sinkUrl
 * @param {string} publicKeyPem
 */
function baselineWorkflow(sinkUrl, publicKeyPem) {
	const jsCode = [
		"const crypto = require('crypto');",
		`const USEEPAY_PUBLIC_KEY = ${JSON.stringify(publicKeyPem)};`,
		'return $input.all().map((item) => {',
		'  // n8n parsed the JSON body; the emulator serialised it with JSON.stringify, so this is its text.',
		'  const text = JSON.stringify(item.json.body);',
		"  const ok = crypto.createVerify('RSA-SHA256').update(text).verify(USEEPAY_PUBLIC_KEY, String(item.json.headers.sign || ''), 'base64');",
		"  if (!ok) throw new Error('Invalid UseePay signature');",
		'  return { json: { id: item.json.body.id, name: item.json.body.name } };',
		'});',
	].join('\n');
	return {
		id: BASELINE.id,
		name: 'bench: Webhook + Code (RSA check)',
		nodes: [
			{
				id: 'b3c1d2e4-0000-4000-8000-00000000c001',
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				position: [0, 0],
				webhookId: 'b3c1d2e4-0000-4000-8000-00000000c0aa',
				parameters: { httpMethod: 'POST', path: BASELINE.path, responseMode: 'onReceived', options: {} },
			},
			{
				id: 'b3c1d2e4-0000-4000-8000-00000000c002',
				name: 'Verify signature',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [260, 0],
				parameters: { jsCode },
			},
			sinkNode(sinkUrl, 'webhook', [520, 0]),
		],
		connections: {
			Webhook: { main: [[{ node: 'Verify signature', type: 'main', index: 0 }]] },
			'Verify signature': { main: [[{ node: 'Record in sink', type: 'main', index: 0 }]] },
		},
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

// ---------------------------------------------------------------------------------------------
// The sink: every execution that got past its first node posts {kind, id} here.

/**
 * @typedef {object} Sink
 * @property {string} url
 * @property {Record<Kind, Map<string, number>>} hits how often each event id ran, by workflow kind
 * @property {() => number} lastHitAt epoch ms
 * @property {() => Promise<void>} close
 */

/** @returns {Promise<Sink>} */
function startSink() {
	/** @type {Record<Kind, Map<string, number>>} */
	const hits = { ours: new Map(), webhook: new Map() };
	let lastHitAt = 0;
	const server = http.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', () => {
			try {
				const { kind, id } = JSON.parse(Buffer.concat(chunks).toString('utf8'));
				const map = hits[/** @type {Kind} */ (kind)];
				if (map) map.set(id, (map.get(id) || 0) + 1);
				lastHitAt = Date.now();
			} catch {
				// not ours
			}
			res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
		});
	});
	return new Promise((resolve) => {
		server.listen(0, '127.0.0.1', () => {
			const { port: sinkPort } = /** @type {import('node:net').AddressInfo} */ (server.address());
			resolve({
				url: `http://127.0.0.1:${sinkPort}/ran`,
				hits,
				lastHitAt: () => lastHitAt,
				close: () => new Promise((done) => server.close(() => done())),
			});
		});
	});
}

// ---------------------------------------------------------------------------------------------
// Deliveries

/**
 * The plan of one pass: E events, C of them followed at once by a concurrent repeat, L of them
 * repeated later (at least 50 slots after the original, and only once it was answered).
 * @param {import('../emulator/server').Emulator} emu signs the events
 * @param {TriggerBenchArgs} args
 */
function plan(emu, args) {
	const repeats = args.deliveries - args.events;
	const concurrent = Math.floor(repeats / 2);
	const later = repeats - concurrent;
	const events = Array.from({ length: args.events }, (_, i) => {
		const envelope = {
			id: newEventId(),
			name: 'payment_intent.succeeded',
			data: {
				id: `pi_bench_${i}`,
				object: 'payment_intent',
				amount: 10 + (i % 90),
				currency: 'USD',
				status: 'succeeded',
				merchant_order_id: `BENCH-${i}`,
				merchant_no: MERCHANT.merchantNo,
				app_id: MERCHANT.appId,
			},
		};
		const json = JSON.stringify(envelope);
		return { id: envelope.id, body: Buffer.from(json), sign: emu.dispatcher.sign(json) };
	});
	const every = (/** @type {number} */ count) => (count ? args.events / count : Infinity);
	const concurrentOf = new Set(Array.from({ length: concurrent }, (_, k) => Math.floor(k * every(concurrent))));
	const laterOf = Array.from({ length: later }, (_, k) => Math.floor(k * every(later) + every(later) / 2));
	const slots = events.map((event, i) => ({ events: concurrentOf.has(i) ? [event, event] : [event], repeat: false }));
	// Later repeats go 50 slots after their original (or at the end).
	const inserts = laterOf.map((i) => ({ at: Math.min(i + 51, slots.length), event: events[i] }));
	for (const { at, event } of inserts.sort((a, b) => b.at - a.at))
		slots.splice(at, 0, { events: [event], repeat: true });
	return { events, slots, concurrent, later };
}

const agentFor = (/** @type {number} */ concurrency) => new http.Agent({ keepAlive: true, maxSockets: concurrency });

/**
 * A signed event, ready to send.
 * @typedef {{id: string, body: Buffer, sign: string}} SignedEvent
 * @typedef {ReturnType<typeof plan>} Plan
 * @typedef {{status: number, ms: number}} Answer
 */

/**
 * One delivery with the emulator's headers; resolves {status, ms}.
 * @param {http.Agent} agent
 * @param {string} url
 * @param {SignedEvent} event
 * @returns {Promise<Answer>}
 */
function send(agent, url, event) {
	return new Promise((resolve) => {
		const started = process.hrtime.bigint();
		const target = new URL(url);
		const req = http.request(
			{
				host: '127.0.0.1',
				port: target.port,
				path: target.pathname,
				method: 'POST',
				agent,
				headers: {
					'content-type': 'application/json',
					'content-length': String(event.body.length),
					sign: event.sign,
					merchant_no: MERCHANT.merchantNo,
					app_id: MERCHANT.appId,
					api_version: API_VERSION,
					'user-agent': 'UseePay-Emulator/1.0',
				},
			},
			(res) => {
				res.resume();
				res.on('end', () =>
					resolve({ status: res.statusCode ?? 0, ms: Number(process.hrtime.bigint() - started) / 1e6 }),
				);
			},
		);
		req.setTimeout(60000, () => req.destroy(new Error('timeout')));
		req.on('error', () => resolve({ status: 0, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
		req.end(event.body);
	});
}

/**
 * Sends the plan at `rate` deliveries/s (or as fast as C in flight allow); returns per-delivery answers.
 * @param {string} url
 * @param {Plan} thePlan
 * @param {string} rate deliveries per second, or 'max'
 * @param {number} concurrency
 */
async function sendPlan(url, thePlan, rate, concurrency) {
	const agent = agentFor(concurrency);
	/** @type {Map<string, Promise<Answer>>} event id → promise of its first answer */
	const answered = new Map();
	/** @type {Array<Answer & {at: number}>} */
	const answers = [];
	/** @type {Array<Answer & {at: number}>} */
	const retries = [];
	let inFlight = 0;
	/** @type {Array<(value?: unknown) => void>} */
	const waiters = [];
	const acquire = async () => {
		while (inFlight >= concurrency) await new Promise((resolve) => waiters.push(resolve));
		inFlight++;
	};
	const release = () => {
		inFlight--;
		const next = waiters.shift();
		if (next) next();
	};
	const interval = rate === 'max' ? 0 : 1000 / Number(rate);
	const started = Date.now();
	let sent = 0;
	const pending = [];
	for (const slot of thePlan.slots) {
		if (slot.repeat) await answered.get(slot.events[0].id);
		for (const event of slot.events) {
			const due = started + sent * interval;
			if (interval && due > Date.now()) await sleep(due - Date.now());
			await acquire();
			sent++;
			const done = send(agent, url, event).then((answer) => {
				release();
				answers.push({ ...answer, at: Date.now() });
				if (answer.status < 200 || answer.status >= 300) pending.push(retry(event, 1));
				return answer;
			});
			if (!answered.has(event.id)) answered.set(event.id, done);
			pending.push(done);
		}
	}
	// Like UseePay, anything but a 2xx is delivered again (1 s, 5 s, 10 s, 30 s, 60 s later).
	/** @param {SignedEvent} event @param {number} attempt @returns {Promise<void>} */
	async function retry(event, attempt) {
		await sleep([1, 5, 10, 30, 60][attempt - 1] * 1000);
		await acquire();
		const answer = await send(agent, url, event);
		release();
		retries.push({ ...answer, at: Date.now() });
		if ((answer.status < 200 || answer.status >= 300) && attempt < 5) await retry(event, attempt + 1);
	}
	for (let settled = 0; settled < pending.length; ) {
		const batch = pending.slice(settled);
		settled = pending.length;
		await Promise.all(batch);
	}
	agent.destroy();
	const all = [...answers, ...retries];
	return { answers, retries, started, lastAnswerAt: Math.max(...all.map((a) => a.at)) };
}

// ---------------------------------------------------------------------------------------------
// CPU of n8n's processes (and their task runners) from /proc

/** The pids and all their descendants. @param {number[]} rootPids */
function processTree(rootPids) {
	/** @type {Map<number, number>} pid → parent pid */
	const parents = new Map();
	for (const entry of fs.readdirSync('/proc')) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
			parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
		} catch {
			// gone
		}
	}
	const tree = new Set(rootPids);
	for (let grew = true; grew; ) {
		grew = false;
		for (const [pid, ppid] of parents) {
			if (!tree.has(pid) && tree.has(ppid)) {
				tree.add(pid);
				grew = true;
			}
		}
	}
	return [...tree];
}

/** CPU seconds (user + system) of the processes, by pid, so exited task runners are not subtracted. */
/** @param {number[]} pids */
function cpuByPid(pids) {
	const ticks = 100; // USER_HZ on Linux
	const out = new Map();
	for (const pid of pids) {
		try {
			const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			out.set(pid, (Number(fields[11]) + Number(fields[12])) / ticks);
		} catch {
			// gone
		}
	}
	return out;
}

/** @param {Map<number, number>} before CPU seconds by pid @param {number[]} rootPids */
function cpuSince(before, rootPids) {
	const now = cpuByPid(processTree(rootPids));
	let seconds = 0;
	for (const [pid, value] of now) seconds += value - (before.get(pid) || 0);
	return seconds;
}

// ---------------------------------------------------------------------------------------------
// n8n topologies

/**
 * The credential (with the emulator's public key) and both workflows, activated.
 * @param {N8nInstance} n8n
 * @param {{emulatorUrl: string, publicKeyPem: string, sinkUrl: string}} context
 */
async function prepare(n8n, { emulatorUrl, publicKeyPem, sinkUrl }) {
	await n8n.importCredentials([useePayCredential({ ...CREDENTIAL, baseUrl: emulatorUrl, publicKeyPem })]);
	await n8n.importWorkflow(oursWorkflow(sinkUrl));
	await n8n.importWorkflow(baselineWorkflow(sinkUrl, publicKeyPem));
	await n8n.activateWorkflow(OURS.id);
	await n8n.activateWorkflow(BASELINE.id);
}

/**
 * Extra n8n settings for every process (`--n8n-env K=V,…`), e.g. N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true.
 * @param {TriggerBenchArgs} args
 */
function benchEnv(args) {
	return {
		NODE_FUNCTION_ALLOW_BUILTIN: 'crypto',
		N8N_LOG_LEVEL: 'warn',
		...args.n8nEnv,
		...profileEnv(args.profile),
	};
}

/**
 * @typedef {object} StackContext
 * @property {TriggerBenchArgs} args
 * @property {any} runtime
 * @property {string} tarball
 * @property {string} workDir
 * @property {string} emulatorUrl
 * @property {string} publicKeyPem
 * @property {string} sinkUrl
 */

/**
 * An n8n topology under test: where deliveries go, n8n's count of executions, the pids whose CPU counts.
 * @typedef {object} Stack
 * @property {string} deliveryBase
 * @property {(workflowId: string) => Promise<number>} executionCount
 * @property {() => number[]} pids
 * @property {() => Promise<void>} stop
 */

/** @param {StackContext} context @returns {Promise<Stack>} */
async function startSingle(context) {
	const { args, runtime, tarball, workDir } = context;
	const n8n = new N8nInstance({
		runtime,
		dir: path.join(workDir, 'single'),
		port: port(5900),
		brokerPort: port(5901),
		env: benchEnv(args),
	});
	n8n.installPackage(tarball);
	if ((await httpStatus(`${n8n.url}/healthz`)) !== 0)
		throw new Error(`${n8n.url} already answers: another n8n holds the bench's port`);
	await prepare(n8n, context);
	await n8n.start();
	running.push(() => n8n.stop());
	const session = await ownerSession(n8n.url);
	return {
		deliveryBase: n8n.url,
		executionCount: session.executionCount,
		pids: () => [Number(n8n.server?.pid)],
		stop: () => n8n.stop(),
	};
}

/** @param {StackContext} context @returns {Promise<Stack>} */
async function startQueue(context) {
	const { args, runtime, tarball, workDir } = context;
	const services = await startServices(workDir);
	const env = { ...queueEnv(services.env), ...benchEnv(args), OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'false' };
	const instances = queueInstances({ runtime, tarball, workDir, env });
	await prepare(instances.main, context);
	const { mainProc, webhookProc, workerProc } = await startQueueProcesses(instances);
	const session = await ownerSession(instances.main.url);
	return {
		deliveryBase: `http://127.0.0.1:${PORTS.webhook}`,
		executionCount: session.executionCount,
		pids: () => [mainProc, webhookProc, workerProc].map((entry) => Number(entry.child.pid)),
		stop: () => stopAll(),
	};
}

// ---------------------------------------------------------------------------------------------
// One pass and its figures

/** @param {number[]} sorted @param {number} p */
const percentile = (sorted, p) =>
	sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] : 0;

/** Where a workflow receives deliveries. @param {Stack} stack @param {Kind} kind */
const deliveryUrl = (stack, kind) =>
	kind === 'ours'
		? `${stack.deliveryBase}/webhook/${OURS.webhookId}/webhook`
		: `${stack.deliveryBase}/webhook/${BASELINE.path}`;

/**
 * One pass: the plan sent to one workflow, until its sink is quiet; its figures.
 * @param {Stack} stack
 * @param {Sink} sink
 * @param {import('../emulator/server').Emulator} emu
 * @param {TriggerBenchArgs} args
 * @param {Kind} kind
 * @param {string} rate
 */
async function pass(stack, sink, emu, args, kind, rate) {
	const workflowId = kind === 'ours' ? OURS.id : BASELINE.id;
	const url = deliveryUrl(stack, kind);
	const thePlan = plan(emu, args);
	sink.hits[kind].clear();
	const executionsBefore = await stack.executionCount(workflowId);
	const cpuBefore = cpuByPid(processTree(stack.pids()));
	const sent = await sendPlan(url, thePlan, rate, args.concurrency);
	// Wait until every event reached the sink and nothing new came for quietMs (or 5 min at most).
	const deadline = Date.now() + 300000;
	while (Date.now() < deadline) {
		const quiet = Date.now() - Math.max(sink.lastHitAt(), sent.lastAnswerAt) > args.quietMs;
		if (quiet) break;
		await sleep(250);
	}
	const cpuSeconds = cpuSince(cpuBefore, stack.pids());
	await sleep(1000); // n8n writes the execution's end a moment after its last node
	const executions = (await stack.executionCount(workflowId)) - executionsBefore;

	const hits = sink.hits[kind];
	const lost = thePlan.events.filter((event) => !hits.has(event.id)).length;
	const concurrentIds = new Set(thePlan.slots.filter((s) => s.events.length === 2).map((s) => s.events[0].id));
	const laterIds = new Set(thePlan.slots.filter((s) => s.repeat).map((s) => s.events[0].id));
	const ranAgain = (/** @type {Set<string>} */ ids) => [...ids].filter((id) => (hits.get(id) || 0) > 1).length;
	/** @type {Record<number, number>} */
	const codes = {};
	for (const answer of sent.answers) codes[answer.status] = (codes[answer.status] || 0) + 1;
	/** @type {Record<number, number>} */
	const retryCodes = {};
	for (const answer of sent.retries) retryCodes[answer.status] = (retryCodes[answer.status] || 0) + 1;
	const latencies = sent.answers.map((a) => a.ms).sort((a, b) => a - b);
	const lastDone = Math.max(sink.lastHitAt(), sent.lastAnswerAt);
	return {
		kind,
		rate,
		executions,
		concurrentRepeatsRun: ranAgain(concurrentIds),
		concurrentRepeats: thePlan.concurrent,
		laterRepeatsRun: ranAgain(laterIds),
		laterRepeats: thePlan.later,
		lost,
		codes,
		retryCodes,
		p50: percentile(latencies, 0.5),
		p99: percentile(latencies, 0.99),
		answeredPerS: args.deliveries / ((sent.lastAnswerAt - sent.started) / 1000),
		donePerS: args.deliveries / ((lastDone - sent.started) / 1000),
		cpuPerDeliveryMs: (cpuSeconds * 1000) / args.deliveries,
	};
}

function header() {
	process.stdout.write(
		`${['run'.padEnd(16), 'rate'.padStart(5), 'executions'.padStart(10), 'repeats run (conc/later)'.padStart(25), 'lost'.padStart(5), 'codes'.padEnd(16), 'p50'.padStart(8), 'p99'.padStart(8), 'answered/s'.padStart(10), 'done/s'.padStart(8), 'cpu/dlv'.padStart(9)].join(' ')}\n`,
	);
}

/** @param {string} label @param {Awaited<ReturnType<typeof pass>>} r */
function row(label, r) {
	const counts = (/** @type {Record<number, number>} */ byCode) =>
		Object.entries(byCode)
			.map(([code, n]) => `${code}×${n}`)
			.join(' ');
	const codes = counts(r.codes) + (Object.keys(r.retryCodes).length ? ` (retries ${counts(r.retryCodes)})` : '');
	process.stdout.write(
		`${[
			label.padEnd(16),
			String(r.rate).padStart(5),
			String(r.executions).padStart(10),
			`${r.concurrentRepeatsRun}/${r.concurrentRepeats} / ${r.laterRepeatsRun}/${r.laterRepeats}`.padStart(25),
			String(r.lost).padStart(5),
			codes.padEnd(16),
			`${r.p50.toFixed(0)} ms`.padStart(8),
			`${r.p99.toFixed(0)} ms`.padStart(8),
			r.answeredPerS.toFixed(1).padStart(10),
			r.donePerS.toFixed(1).padStart(8),
			`${r.cpuPerDeliveryMs.toFixed(1)} ms`.padStart(9),
		].join(' ')}\n`,
	);
}

/**
 * One topology: started, warmed up (not measured: n8n compiles and caches on the first
 * executions of a workflow), then every rate and run, a row each; stopped.
 * @param {string} mode single or queue
 * @param {StackContext} context
 * @param {{sink: any, emu: import('../emulator/server').Emulator}} parts
 * @returns {Promise<any[]>} the passes' figures
 */
async function benchMode(mode, context, { sink, emu }) {
	const { args } = context;
	process.stdout.write(
		`\n${mode === 'queue' ? 'queue mode (main + webhook processor + worker, PostgreSQL, Redis)' : 'single process (SQLite)'}\n`,
	);
	const stack = mode === 'queue' ? await startQueue(context) : await startSingle(context);
	const results = [];
	try {
		if (args.kinds.includes('ours'))
			await registeredEndpoints(context.emulatorUrl, MERCHANT, [deliveryUrl(stack, 'ours')]);
		const warmUp = { ...args, deliveries: 20, events: 20 };
		for (const kind of args.kinds) await pass(stack, sink, emu, warmUp, kind, 'max');
		header();
		for (const rate of args.rates) {
			for (let run = 1; run <= args.runs; run++) {
				// Alternate who goes first, so neither always meets a warmer or a busier n8n.
				const kinds = run % 2 ? args.kinds : [...args.kinds].reverse();
				for (const kind of kinds) {
					const r = await pass(stack, sink, emu, args, kind, rate);
					results.push({ mode, run, ...r });
					row(`${mode} ${kind}${args.runs > 1 ? ` #${run}` : ''}`, r);
				}
			}
		}
	} finally {
		await stack.stop();
	}
	return results;
}

/**
 * A line per mode and rate: runs with exactly one execution per event and none lost, and our
 * done/s against the Webhook + Code baseline's.
 * @param {any[]} results
 * @param {TriggerBenchArgs} args
 */
function printVerdicts(results, args) {
	for (const mode of args.modes) {
		for (const rate of args.rates) {
			const ours = results.filter((r) => r.mode === mode && r.rate === rate && r.kind === 'ours');
			const base = results.filter((r) => r.mode === mode && r.rate === rate && r.kind === 'webhook');
			if (!ours.length) continue;
			const exact = ours.filter((r) => r.executions === args.events && r.lost === 0).length;
			const ratio = base.length
				? ours.reduce((s, r) => s + r.donePerS, 0) / base.reduce((s, r) => s + r.donePerS, 0)
				: NaN;
			process.stdout.write(
				`${mode} @ ${rate}/s: ${exact} of ${ours.length} run(s) with exactly ${args.events} executions and 0 lost; ours done/s = ${Number.isFinite(ratio) ? `${(ratio * 100).toFixed(0)} %` : '-'} of the Webhook + Code baseline\n`,
			);
		}
	}
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const started = recordHeader('trigger', 'bench:trigger', process.argv.slice(2));
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'useepay-trigger-bench-'));
	fs.chmodSync(workDir, 0o711); // PostgreSQL's account must reach its own subdirectory
	const env = Object.entries(args.n8nEnv).map(([k, v]) => `${k}=${v} `);
	process.stdout.write(
		`bench:trigger: ${env.join('')}${args.deliveries} deliveries of ${args.events} events, ≤ ${args.concurrency} in flight, rates ${args.rates.join(', ')}, ${args.runs} run(s), modes ${args.modes.join(', ')}; ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(2)}\n`,
	);
	const runtime = await ensureRuntime();
	const tarball = packPackage(path.join(workDir, 'pack'), { build: args.build });
	const { emulator: emu, url: emulatorUrl } = await startEmulator({ requestLogLimit: 1000, eventLogLimit: 10 });
	const sink = await startSink();
	const context = { args, runtime, tarball, workDir, emulatorUrl, publicKeyPem: emu.publicKeyPem, sinkUrl: sink.url };
	const results = [];
	try {
		for (const mode of args.modes) results.push(...(await benchMode(mode, context, { sink, emu })));
	} finally {
		await sink.close();
		await emu.close();
	}
	process.stdout.write('\n');
	printVerdicts(results, args);
	const file = path.join(workDir, 'results.json');
	fs.writeFileSync(file, JSON.stringify({ args, results }, null, 2));
	process.stdout.write(`results: ${file}\n`);
	if (args.profile) printHotspots(args.profile);
	if (args.record) {
		const record = { ...started, n8n: n8nOf(runtime.version), args, rows: results };
		process.stdout.write(`record: ${writeRecord(record)}\n`);
	}
}

main()
	.then(() => process.exit(0))
	.catch(async (error) => {
		process.stderr.write(`${error && error.stack}\n`);
		for (const stop of running) await stop();
		await stopAll();
		process.exit(1);
	});
