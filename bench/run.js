'use strict';
/**
 * CRM-to-UseePay sync benchmark (`npm run bench -- --items 10000 --runs 5 --faults`): a real n8n
 * (the pinned 2.41.1 on Node 24, tools/lib/n8n.js) runs `n8n execute` on workflows that push N
 * CRM rows into the UseePay emulator (in this process, 20 ms latency, 100 requests per second
 * per merchant), and every figure is read from the emulator and the operating system:
 *
 *   ours          Manual Trigger → Code (N rows) → UseePay Customer "Create or Update" (defaults),
 *                 first sync: an empty account (one list page, then a create per row)
 *   ours-resync   the same workflow, re-sync: all N customers already in UseePay with other
 *                 field values (seeded into the emulator directly): ceil(N / 100) list pages,
 *                 then an update per row
 *   ours-resync-1pct      the realistic re-sync: all N customers in UseePay, 1 % of the rows
 *                 changed since (every 100th: other field values), Skip Unchanged (the default):
 *                 ceil(N / 100) list pages, then a write per changed row only
 *   ours-resync-1pct-all  the same account and rows with Skip Unchanged off: today's full
 *                 re-sync, a write per row
 *   ours-preview-1pct     the same account and rows with Preview Only: the list pages, no write
 *   ours-create   … → UseePay Customer "Create" (defaults), first sync: 1 request per row
 *   http-default  … → HTTP Request POST /api/v1/customers/create, as a user would set it up
 *   http-batch    … the same with the HTTP Request option Batching: 100 items per 1 s
 *   (code-only    … Manual Trigger → Code, no UseePay call: the CPU baseline, not printed as a row)
 *
 * Columns:
 *   wall      wall time of `n8n execute`, from starting n8n (its boot included)
 *   api       first to last API request; api/floor = api ÷ (rows ÷ rate limit): 1.00 is one write
 *             per row at the limit, the single-write floor (the 1 % kinds: api ÷ ((list pages +
 *             changed rows) ÷ rate limit), the floor of a sync that writes only what changed)
 *   writes    of those, the POSTs (creates and updates)
 *   requests  /api/v1 requests the emulator received; 429s = those answered 429; faults = those
 *             answered 5xx or dropped (injected)
 *   budget    requests − (rows + list pages a sync needs: max(1, ceil(customers / page size)) for
 *             Create or Update, the page size being what the emulator serves: 100, or 20 in the
 *             sdk dialect); "ok" when every extra request follows a failed answer (at most a
 *             lookup and a resend each), beside the 2 list requests the paging engine may spend
 *             learning how the server pages, as `requests ≤ rows + ceil(customers/size) + 2 + retries`
 *   lost      input rows with no customer in the emulator afterwards
 *   dupes     create attempts for a merchant_customer_id that already had a customer (the emulator
 *             refuses them with already_exists; a server without that check would have stored a
 *             duplicate) plus customers sharing a merchant_customer_id (always 0 here)
 *   stale     rows whose customer exists but does not carry the row's data (name, email, phone,
 *             city, country) afterwards: a write reported done without its data
 *   rss       peak RSS (VmHWM) of the `n8n execute` process
 *   cpu/item  CPU time (user + sys, the n8n process and its task runner) of the run minus that of
 *             the code-only run with the same N, divided by N: what the sync step costs per item,
 *             its output saved with the execution included
 *
 * Faults (--faults adds a second pass): 1 % 5xx, 2 % 429 (Retry-After: 1), 0.5 % connection
 * resets: half before the server applies the request, half after (`lostResponseRate`: the
 * change is stored, the answer never arrives, as in a timeout).
 *
 * --index-rss C adds a memory pair: Create or Update of the N rows (new customers) into an account
 * that already holds C other customers (the whole list is read into the index: ceil(C / 100)
 * pages), and the same run into an empty account; it prints both peak RSS and the difference.
 *
 * --record writes the run (command, commit, machine, n8n version, every row) to docs/bench/
 * crm-sync-<date>.json, from which `npm run bench:render` renders docs/BENCHMARKS.md's tables.
 * --profile has every measured `n8n execute` write a V8 CPU profile (artifacts/bench/…) and prints
 * the functions with the most self time (bench/profile.js); its CPU figures include the profiler.
 * --dialect sdk runs the emulator in the official PHP SDK's reading of UseePay's API (`page`
 * paging at most 20 a page, `data` lists, E11000 duplicate answers, string amounts: see
 * emulator/README.md, Dialects), the node learning it from the answers as it would from UseePay.
 *
 * Ports 5800–5899 only (5800 n8n, 5801 + 5812 task broker), shifted by USEEPAY_PORT_OFFSET. Not
 * part of `npm test`.
 */
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { createCustomer } = require('../emulator/resources/customers');
/** @typedef {import('../emulator/server').Emulator} Emulator */
const { ensureRuntime, packPackage, N8nInstance, sleep } = require('../tools/lib/n8n');
const { port } = require('../tools/lib/ports');
const { readFlags } = require('../tools/lib/args');
const { MERCHANT, useePayCredential } = require('../tools/lib/fixtures');
const { startEmulator } = require('../tools/lib/emulator');
const { n8nOf, recordHeader, writeRecord } = require('./record');
const { printHotspots, profileDir, profileEnv } = require('./profile');

/** List requests the paging engine may spend learning how a server pages (ceil(N ÷ size) + 2). */
const PAGING_DISCOVERY = 2;
const CREDENTIAL = { id: 'useepayBenchCred1', name: 'UseePay (bench emulator)' };
const FAULTS = { serverErrorRate: 0.01, throttleRate: 0.02, resetRate: 0.0025, lostResponseRate: 0.0025 };
const KINDS = [
	'ours',
	'ours-resync',
	'ours-resync-1pct',
	'ours-resync-1pct-all',
	'ours-preview-1pct',
	'ours-create',
	'http-default',
	'http-batch',
];
/** The 1 % re-sync kinds: the same account and rows; Create or Update's options for each. */
const ONE_PERCENT = /** @type {Record<string, Record<string, boolean>>} */ ({
	'ours-resync-1pct': {},
	'ours-resync-1pct-all': { skipUnchanged: false },
	'ours-preview-1pct': { previewOnly: true },
});
/** Rows changed since the last sync in the 1 % kinds: every 100th. @param {number} i */
const isChangedRow = (i) => i % 100 === 0;
/** How many of `items` rows changed. @param {number} items */
const changedRows = (items) => Math.ceil(items / 100);
const USAGE = `npm run bench -- [--items 2000] [--runs 1] [--faults | --only-faults] [--only ${KINDS.join(',')}] [--index-rss 100000] [--latency 20] [--limit 100] [--rate R] [--concurrency C] [--no-build] [--keep] [--record] [--profile] [--dialect docs|sdk]\n`;

/**
 * @typedef {object} BenchArgs
 * @property {number} items
 * @property {number} runs
 * @property {boolean} faults a pass with faults
 * @property {boolean} noFaults a pass without
 * @property {number} latencyMs
 * @property {number} limit requests per second per merchant
 * @property {string[]|null} only
 * @property {boolean} build
 * @property {boolean} keep
 * @property {number|null} rate the node's requestsPerSecond option
 * @property {number|null} concurrency the node's maxConcurrent option
 * @property {number} indexRss
 * @property {boolean} record write docs/bench/crm-sync-<date>.json
 * @property {string|null} profile where the measured runs' CPU profiles go (--profile)
 * @property {'docs'|'sdk'} dialect the emulator's reading of UseePay's API (emulator/README.md, Dialects)
 */

/** @param {string[]} argv @returns {BenchArgs} */
function parseArgs(argv) {
	/** @type {BenchArgs} */
	const args = {
		items: 2000,
		runs: 1,
		faults: false,
		noFaults: true,
		latencyMs: 20,
		limit: 100,
		only: null,
		build: true,
		keep: false,
		rate: null,
		concurrency: null,
		indexRss: 0,
		record: false,
		profile: null,
		dialect: 'docs',
	};
	readFlags(argv, {
		'--items': (value) => (args.items = Number(value())),
		'--runs': (value) => (args.runs = Number(value())),
		'--faults': () => (args.faults = true),
		'--only-faults': () => Object.assign(args, { faults: true, noFaults: false }),
		'--latency': (value) => (args.latencyMs = Number(value())),
		'--limit': (value) => (args.limit = Number(value())),
		'--only': (value) => (args.only = String(value()).split(',')),
		'--rate': (value) => (args.rate = Number(value())),
		'--concurrency': (value) => (args.concurrency = Number(value())),
		'--index-rss': (value) => (args.indexRss = Number(value())),
		'--no-build': () => (args.build = false),
		'--keep': () => (args.keep = true),
		'--record': () => (args.record = true),
		'--profile': () => (args.profile = profileDir('crm-sync')),
		'--dialect': (value) => {
			const dialect = String(value());
			if (dialect !== 'docs' && dialect !== 'sdk') throw new Error('--dialect: docs or sdk');
			args.dialect = dialect;
		},
		'--help': () => usage(),
		'-h': () => usage(),
	});
	return args;
}

function usage() {
	process.stdout.write(USAGE);
	process.exit(0);
}

const manualTrigger = {
	id: 'b0000000-0000-4000-8000-000000000001',
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** @param {number} items how many CRM rows the Code node makes */
function crmRows(items) {
	return {
		id: 'b0000000-0000-4000-8000-000000000002',
		name: 'CRM rows',
		type: 'n8n-nodes-base.code',
		typeVersion: 2,
		position: [220, 0],
		parameters: {
			jsCode: `// Stand-in for a CRM node: one item per contact.\nreturn Array.from({ length: ${items} }, (_, i) => ({ json: {\n  crm_id: 'CRM-' + String(i).padStart(6, '0'),\n  name: 'Customer ' + i,\n  email: 'customer' + i + '@example.com',\n  phone: '+1 555 ' + String(i).padStart(7, '0'),\n  city: 'Berlin',\n  country: 'DE',\n} }));`,
		},
	};
}

/**
 * Manual Trigger → CRM rows → the sync node (none: the CPU baseline).
 * @param {string} id
 * @param {string} name
 * @param {number} items
 * @param {{name: string} & Record<string, unknown> | null} syncNode
 */
function workflow(id, name, items, syncNode) {
	const nodes = [manualTrigger, crmRows(items), ...(syncNode ? [{ position: [440, 0], ...syncNode }] : [])];
	/** @type {Record<string, {main: Array<Array<{node: string, type: string, index: number}>>}>} */
	const connections = { Start: { main: [[{ node: 'CRM rows', type: 'main', index: 0 }]] } };
	if (syncNode) connections['CRM rows'] = { main: [[{ node: syncNode.name, type: 'main', index: 0 }]] };
	return { id, name, nodes, connections, settings: { executionOrder: 'v1' }, active: false };
}

/**
 * Our node, Customer Create or Update (or Create), with the pacing options asked for.
 * @param {BenchArgs} args
 * @param {string} [operation]
 * @param {Record<string, number|boolean>} [syncOptions] Create or Update's own (Skip Unchanged, Preview Only)
 */
function oursNode(args, operation = 'createOrUpdate', syncOptions = {}) {
	/** @type {Record<string, number|boolean>} */
	const options = { ...syncOptions };
	if (args.rate) options.requestsPerSecond = args.rate;
	if (args.concurrency) options.maxConcurrent = args.concurrency;
	return {
		id: 'b0000000-0000-4000-8000-000000000003',
		name: 'UseePay',
		type: 'n8n-nodes-useepay.useePay',
		typeVersion: 1,
		parameters: {
			resource: 'customer',
			operation,
			merchant_customer_id: '={{ $json.crm_id }}',
			additionalFields: {
				name: '={{ $json.name }}',
				email: '={{ $json.email }}',
				phone: '={{ $json.phone }}',
				address: { details: { city: '={{ $json.city }}', country: '={{ $json.country }}' } },
			},
			options,
		},
		credentials: { useePayApi: CREDENTIAL },
	};
}

/** The HTTP Request node as a user sets it up from UseePay's docs: the three headers, a JSON body. */
/** @param {string} emulatorUrl @param {boolean} batching */
function httpNode(emulatorUrl, batching) {
	return {
		id: 'b0000000-0000-4000-8000-000000000004',
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: {
			method: 'POST',
			url: `${emulatorUrl}/api/v1/customers/create`,
			sendHeaders: true,
			headerParameters: {
				parameters: [
					{ name: 'x-merchant-no', value: MERCHANT.merchantNo },
					{ name: 'x-api-key', value: MERCHANT.apiKey },
					{ name: 'x-app-id', value: MERCHANT.appId },
				],
			},
			sendBody: true,
			specifyBody: 'json',
			jsonBody:
				'={{ JSON.stringify({ merchant_customer_id: $json.crm_id, name: $json.name, email: $json.email, phone: $json.phone, address: { city: $json.city, country: $json.country } }) }}',
			options: batching ? { batching: { batch: { batchSize: 100, batchInterval: 1000 } } } : {},
		},
	};
}

/** /proc/<pid>/task/<pid>/children → the first child pid (the n8n process under bash). */
/** @param {number|undefined} pid */
function childPid(pid) {
	try {
		const text = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
		return text ? Number(text.split(/\s+/)[0]) : undefined;
	} catch {
		return undefined;
	}
}

/** Peak resident memory of a process, in kB. @param {number} pid */
function vmHwmKb(pid) {
	try {
		const match = /VmHWM:\s+(\d+)\s+kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
		return match ? Number(match[1]) : 0;
	} catch {
		return 0;
	}
}

/**
 * `n8n execute --id` under bash, whose `times` builtin then prints the CPU time of its waited-for
 * children (n8n and, through n8n, its task runner). Polls the n8n process' VmHWM meanwhile.
 * @param {N8nInstance} n8n
 * @param {string} id
 * @param {Record<string, string>} [extraEnv]
 * @returns {Promise<Measured>}
 */
function executeMeasured(n8n, id, extraEnv = {}) {
	return new Promise((resolve) => {
		const bin = path.join(n8n.runtime.n8nHome, 'node_modules', '.bin', 'n8n');
		const env = n8n.env({ N8N_LOG_LEVEL: 'warn', N8N_RUNNERS_BROKER_PORT: String(n8n.brokerPort + 11), ...extraEnv });
		const started = Date.now();
		const child = spawn(
			'bash',
			['-c', '"$0" "$@"; code=$?; echo "__TIMES__"; times; exit $code', bin, 'execute', `--id=${id}`],
			{
				env,
				stdio: ['ignore', 'pipe', 'pipe'],
			},
		);
		let stdout = '';
		let stderr = '';
		let peakKb = 0;
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		const poll = setInterval(() => {
			const pid = childPid(child.pid);
			if (pid) peakKb = Math.max(peakKb, vmHwmKb(pid));
		}, 200);
		child.on('close', (code) => {
			clearInterval(poll);
			const wallMs = Date.now() - started;
			const times = stdout.slice(stdout.lastIndexOf('__TIMES__'));
			// Second line of `times`: children's user and system time, e.g. "1m2.345s 0m3.210s".
			const lines = times.split('\n').filter((line) => /\d+m[\d.]+s/.test(line));
			/** @param {string|undefined} text */
			const seconds = (text) => {
				if (!text) return 0;
				const m = /(\d+)m([\d.]+)s/.exec(text);
				return m ? Number(m[1]) * 60 + Number(m[2]) : 0;
			};
			const [user, sys] = (lines[1] || '').trim().split(/\s+/);
			resolve({ code, wallMs, cpuMs: (seconds(user) + seconds(sys)) * 1000, peakRssMb: peakKb / 1024, stdout, stderr });
		});
	});
}

/**
 * `n8n execute` as measured: its exit, wall and CPU time, peak RSS and output.
 * @typedef {{code: number|null, wallMs: number, cpuMs: number, peakRssMb: number, stdout: string, stderr: string}} Measured
 */

/** The demo merchant's customers, oldest first. @param {Emulator} emu */
function customersOf(emu) {
	const merchant = emu.store.merchants.get(MERCHANT.merchantNo);
	const collection = merchant && merchant.collections.get('customers');
	return collection ? collection.order.map((record) => record.obj) : [];
}

/** Row i of the Code node, as the sync should leave it in UseePay. @param {number} i */
function crmRow(i) {
	return {
		mci: `CRM-${String(i).padStart(6, '0')}`,
		name: `Customer ${i}`,
		email: `customer${i}@example.com`,
		phone: `+1 555 ${String(i).padStart(7, '0')}`,
		city: 'Berlin',
		country: 'DE',
	};
}

/**
 * Stores customers in the emulator directly (no HTTP): the account a run starts from.
 * @param {Emulator} emu
 * @param {number} count
 * @param {(i: number) => Record<string, unknown>} customer the i-th customer's fields
 */
function seedCustomers(emu, count, customer) {
	const ctx = emu.makeCtx(MERCHANT.merchantNo, MERCHANT.appId);
	for (let i = 0; i < count; i++) createCustomer(ctx, customer(i));
}

/** Re-sync: every row's customer is there, with other values in every field the sync writes. */
const staleCustomer = (/** @type {number} */ i) => ({
	merchant_customer_id: crmRow(i).mci,
	name: `Old name ${i}`,
	email: `old${i}@example.org`,
	phone: '+49 30 0000000',
	address: { city: 'Paris', country: 'FR' },
});

/** The 1 % kinds' account: every row's customer as the last sync left it, every 100th since changed in the CRM. */
const resyncedCustomer = (/** @type {number} */ i) => {
	if (isChangedRow(i)) return staleCustomer(i);
	const row = crmRow(i);
	return {
		merchant_customer_id: row.mci,
		name: row.name,
		email: row.email,
		phone: row.phone,
		address: { city: row.city, country: row.country },
	};
};

/** @param {RequestEntry} e */
const isFailedAnswer = (e) =>
	e.status === 429 || (e.status ?? 0) >= 500 || e.fault === 'reset' || e.fault === 'lost_response';

/**
 * An entry of the emulator's request log.
 * @typedef {{method: string, path: string, query: Record<string, string>, status: number|null, fault?: string, time: string}} RequestEntry
 */

/**
 * What became of the rows: lost (no customer), stale (a customer without the row's data),
 * and customers sharing a merchant_customer_id.
 * @param {Emulator} emu
 * @param {number} items
 */
function rowOutcomes(emu, items) {
	/** @type {Map<string, Record<string, any>>} */
	const byMci = new Map();
	/** @type {Map<string, number>} */
	const sharing = new Map();
	for (const customer of customersOf(emu)) {
		if (byMci.has(customer.merchant_customer_id))
			sharing.set(customer.merchant_customer_id, (sharing.get(customer.merchant_customer_id) || 0) + 1);
		byMci.set(customer.merchant_customer_id, customer);
	}
	let lost = 0;
	let stale = 0;
	for (let i = 0; i < items; i++) {
		const row = crmRow(i);
		const customer = byMci.get(row.mci);
		if (!customer) {
			lost++;
			continue;
		}
		const address = customer.address || {};
		const carries =
			customer.name === row.name &&
			customer.email === row.email &&
			customer.phone === row.phone &&
			address.city === row.city &&
			address.country === row.country;
		if (!carries) stale++;
	}
	return { lost, stale, shared: [...sharing.values()].reduce((sum, n) => sum + n, 0) };
}

/**
 * A run's figures, from the emulator's request log and store and the measured process.
 * @param {Emulator} emu
 * @param {Measured} result
 * @param {{items: number, limit: number, listPages: number, writesNeeded?: number, floorRequests?: number, staleExpected?: number}} expected
 *   writesNeeded: writes the run needs (default: one per row); floorRequests: the requests of
 *   the api/floor ratio (default: one per row); staleExpected: rows left stale on purpose (Preview)
 */
function measure(
	emu,
	result,
	{ items, limit, listPages, writesNeeded = items, floorRequests = items, staleExpected = 0 },
) {
	const log = /** @type {RequestEntry[]} */ (emu.requests().filter((entry) => entry.path.startsWith('/api/v1/')));
	const { lost, stale, shared } = rowOutcomes(emu, items);
	// A create answered 400 for a valid row is already_exists: an attempt at a duplicate.
	const refusedDuplicates = log.filter(
		(e) => e.method === 'POST' && e.path === '/api/v1/customers/create' && e.status === 400,
	).length;
	let first = Infinity;
	let last = -Infinity;
	for (const e of log) {
		const t = Date.parse(e.time);
		if (t < first) first = t;
		if (t > last) last = t;
	}
	const requests = log.length;
	const needed = writesNeeded + listPages;
	const failedAnswers = log.filter(isFailedAnswer).length;
	const floorMs = (floorRequests / limit) * 1000;
	const apiMs = log.length ? last - first : 0;
	return {
		exit: result.code,
		wallMs: result.wallMs,
		apiMs,
		apiRatio: apiMs / floorMs,
		requests,
		writes: log.filter((e) => e.method === 'POST').length,
		throttled: log.filter((e) => e.status === 429).length,
		faults: log.filter((e) => e.fault && e.fault !== 'rate_limited' && e.fault !== 'throttled').length,
		pages: log.filter(
			(e) => e.method === 'GET' && e.path === '/api/v1/customers' && !e.query.merchant_customer_id && !e.query.email,
		).length,
		extra: requests - needed,
		budgetOk: requests - needed <= 2 * failedAnswers + (listPages ? PAGING_DISCOVERY : 0),
		lost,
		dupes: refusedDuplicates + shared,
		stale,
		staleExpected,
		peakRssMb: result.peakRssMb,
		cpuMs: result.cpuMs,
	};
}

/** @typedef {ReturnType<typeof measure>} Figures */

const fmtS = (/** @type {number} */ ms) => `${(ms / 1000).toFixed(1)} s`;

/** @type {Array<[string, number]>} */
const COLUMNS = [
	['run', 22],
	['wall', 8],
	['api', 8],
	['api/floor', 9],
	['requests', 8],
	['writes', 6],
	['pages', 6],
	['429s', 6],
	['faults', 6],
	['extra', 9],
	['lost', 5],
	['dupes', 5],
	['stale', 6],
	['peak RSS', 8],
	['cpu/item', 9],
	['result', 6],
];

/** @param {Array<string|number>} cells */
function printCells(cells) {
	process.stdout.write(
		`${cells.map((cell, i) => (i === 0 ? String(cell).padEnd(COLUMNS[i][1]) : String(cell).padStart(COLUMNS[i][1]))).join(' ')}\n`,
	);
}

/** @param {string} label @param {Figures} m @param {number} [cpuPerItemMs] */
function printRow(label, m, cpuPerItemMs) {
	printCells([
		label,
		fmtS(m.wallMs),
		fmtS(m.apiMs),
		m.apiRatio.toFixed(3),
		m.requests,
		m.writes,
		m.pages,
		m.throttled,
		m.faults,
		`${m.extra}${m.budgetOk ? ' ok' : ' !!'}`,
		m.lost,
		m.dupes,
		m.stale,
		`${m.peakRssMb.toFixed(0)} MB`,
		cpuPerItemMs === undefined ? '-' : `${cpuPerItemMs.toFixed(2)} ms`,
		m.exit === 0 ? 'ok' : `exit ${m.exit}`,
	]);
}

const header = () => printCells(COLUMNS.map(([name]) => name));

/**
 * What every measured run works with.
 * @typedef {object} Bench
 * @property {BenchArgs} args
 * @property {string} workDir
 * @property {import('../emulator/server').Emulator} emu
 * @property {N8nInstance} n8n
 * @property {Record<string, any>} workflows by kind
 * @property {number} baselineCpuMs CPU of the code-only workflow
 */

/**
 * The emulator and an n8n with our package, the credential and every workflow imported.
 * @param {BenchArgs} args
 * @returns {Promise<Omit<Bench, 'baselineCpuMs'>>}
 */
async function setUp(args) {
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'useepay-bench-'));
	const runtime = await ensureRuntime();
	const tarball = packPackage(path.join(workDir, 'pack'), { build: args.build });
	const { emulator: emu, url: emulatorUrl } = await startEmulator({
		latencyMs: args.latencyMs,
		rateLimitPerSec: args.limit,
		requestLogLimit: 2000000,
		eventLogLimit: 10,
		dialect: args.dialect,
	});
	const n8n = new N8nInstance({ runtime, dir: path.join(workDir, 'n8n'), port: port(5800), brokerPort: port(5801) });
	n8n.installPackage(tarball);
	await n8n.importCredentials([useePayCredential({ ...CREDENTIAL, baseUrl: emulatorUrl })]);
	const ours = workflow('benchOurs0000001', 'bench: UseePay Create or Update', args.items, oursNode(args));
	const workflows = {
		'code-only': workflow('benchCodeOnly001', 'bench: CRM rows only', args.items, null),
		ours,
		'ours-resync': ours,
		'ours-resync-1pct': ours,
		'ours-resync-1pct-all': workflow(
			'benchOursResyncA',
			'bench: UseePay Create or Update, Skip Unchanged off',
			args.items,
			oursNode(args, 'createOrUpdate', ONE_PERCENT['ours-resync-1pct-all']),
		),
		'ours-preview-1pct': workflow(
			'benchOursPreview',
			'bench: UseePay Create or Update, Preview Only',
			args.items,
			oursNode(args, 'createOrUpdate', ONE_PERCENT['ours-preview-1pct']),
		),
		'ours-create': workflow('benchOursCreate1', 'bench: UseePay Create', args.items, oursNode(args, 'create')),
		'http-default': workflow(
			'benchHttpDefault',
			'bench: HTTP Request defaults',
			args.items,
			httpNode(emulatorUrl, false),
		),
		'http-batch': workflow(
			'benchHttpBatch01',
			'bench: HTTP Request batching 100 / 1 s',
			args.items,
			httpNode(emulatorUrl, true),
		),
	};
	for (const wf of new Set(Object.values(workflows))) await n8n.importWorkflow(wf);
	return { args, workDir, emu, n8n, workflows };
}

/**
 * CPU of the same rows without a sync step (median of up to 3 runs).
 * @param {Omit<Bench, 'baselineCpuMs'>} bench
 */
async function cpuBaseline({ n8n, workflows, args }) {
	const baselines = [];
	for (let i = 0; i < Math.min(3, Math.max(1, args.runs)); i++)
		baselines.push((await executeMeasured(n8n, workflows['code-only'].id)).cpuMs);
	baselines.sort((a, b) => a - b);
	return baselines[Math.floor(baselines.length / 2)];
}

/**
 * One measured execution of `kind` on an account prepared by `seed` (it returns how many
 * customers the account holds).
 * @param {Bench} bench
 * @param {string} kind
 * @param {{faulty: boolean, run: number, seed?: () => number}} options
 */
async function measuredRun({ emu, n8n, workflows, args, baselineCpuMs }, kind, { faulty, run, seed = () => 0 }) {
	emu.reset();
	const customersBefore = seed();
	emu.setConfig(faulty ? { ...FAULTS, seed: 1000 + run } : { seed: null });
	const result = await executeMeasured(n8n, workflows[kind].id, profileEnv(args.profile));
	const pageSize = Math.min(100, emu.config.maxPageSize);
	const listPages =
		kind.startsWith('ours') && kind !== 'ours-create' ? Math.max(1, Math.ceil(customersBefore / pageSize)) : 0;
	const changed = changedRows(args.items);
	const onePercent = kind in ONE_PERCENT;
	const m = measure(emu, result, {
		items: args.items,
		limit: args.limit,
		listPages,
		...(onePercent
			? {
					writesNeeded: { 'ours-resync-1pct': changed, 'ours-resync-1pct-all': args.items }[kind] ?? 0,
					floorRequests: listPages + changed,
					staleExpected: kind === 'ours-preview-1pct' ? changed : 0,
				}
			: {}),
	});
	const cpuPerItemMs = (result.cpuMs - baselineCpuMs) / args.items;
	if (m.exit !== 0 && kind.startsWith('ours'))
		// The last lines n8n wrote (not bash's `times` after them).
		process.stdout.write(
			`  ${(result.stderr || result.stdout.slice(0, result.stdout.lastIndexOf('__TIMES__'))).split('\n').filter(Boolean).slice(-3).join('\n  ')}\n`,
		);
	return { ...m, cpuPerItemMs };
}

/**
 * Every kind, `runs` times, in each pass (without and with faults); a row each.
 * @param {Bench} bench
 * @param {string[]} kinds
 * @param {boolean[]} passes faulty or not
 */
async function runPasses(bench, kinds, passes) {
	const { emu, args } = bench;
	const all = [];
	for (const faulty of passes) {
		process.stdout.write(
			faulty
				? '\nwith faults: 1 % 5xx, 2 % 429, 0.5 % connection resets (half after the change was applied)\n'
				: 'without faults\n',
		);
		header();
		for (const kind of kinds) {
			for (let run = 1; run <= args.runs; run++) {
				const account = kind === 'ours-resync' ? staleCustomer : kind in ONE_PERCENT ? resyncedCustomer : null;
				const seed = account
					? () => {
							seedCustomers(emu, args.items, account);
							return args.items;
						}
					: undefined;
				const m = await measuredRun(bench, kind, { faulty, run, seed });
				all.push({ kind, faulty, run, ...m });
				printRow(`${kind}${args.runs > 1 ? ` #${run}` : ''}`, m, m.cpuPerItemMs);
				await sleep(500);
			}
		}
	}
	return all;
}

/**
 * A line per kind of ours and pass: clean, within the floor and the request budget, faster
 * than http-batch, CPU per item.
 * @param {any[]} all
 * @param {string[]} kinds
 * @param {boolean[]} passes
 */
function printVerdicts(all, kinds, passes) {
	for (const faulty of passes) {
		const batch = all.filter((r) => r.kind === 'http-batch' && r.faulty === faulty);
		const batchBest = batch.length ? Math.min(...batch.map((r) => r.apiMs)) : undefined;
		for (const kind of kinds.filter((k) => k.startsWith('ours') && !(k in ONE_PERCENT))) {
			const ours = all.filter((r) => r.kind === kind && r.faulty === faulty);
			if (!ours.length) continue;
			const worst = Math.max(...ours.map((r) => r.apiRatio));
			const clean = ours.every((r) => r.exit === 0 && r.lost === 0 && r.dupes === 0 && r.stale === 0);
			const budget = ours.every((r) => r.budgetOk);
			const faster =
				batchBest === undefined ? 'no http-batch run' : ours.every((r) => r.apiMs < batchBest) ? 'yes' : 'NO';
			const cpu = ours.map((r) => r.cpuPerItemMs);
			process.stdout.write(
				`${kind}${faulty ? ' (faults)' : ''}: ${ours.length} run(s); 0 lost/dupes/stale: ${clean ? 'yes' : 'NO'}; ` +
					`worst api/floor ${worst.toFixed(3)} (${worst <= 1.05 ? 'within' : 'ABOVE'} 1.05); requests within budget: ${budget ? 'yes' : 'NO'}; ` +
					`faster than http-batch: ${faster}; CPU per item ${Math.min(...cpu).toFixed(2)}–${Math.max(...cpu).toFixed(2)} ms\n`,
			);
		}
	}
}

/**
 * The 1 % re-sync beside today's full re-sync and the Preview: requests, writes, API time and
 * api/floor (floor: (list pages + changed rows) ÷ rate), and whether each left the rows as it should.
 * @param {any[]} all
 * @param {BenchArgs} args
 * @param {boolean[]} passes
 */
function printOnePercent(all, args, passes) {
	for (const faulty of passes) {
		const rows = all.filter((r) => r.kind in ONE_PERCENT && r.faulty === faulty);
		if (!rows.length) continue;
		const pages = Math.ceil(args.items / 100);
		process.stdout.write(
			`re-sync of ${args.items} rows into ${args.items} customers, ${changedRows(args.items)} changed (1 %)${faulty ? ', with faults' : ''}: floor (${pages} pages + ${changedRows(args.items)} writes) ÷ ${args.limit}/s = ${fmtS(((pages + changedRows(args.items)) / args.limit) * 1000)}\n`,
		);
		for (const r of rows) {
			const clean = r.exit === 0 && r.lost === 0 && r.dupes === 0 && r.stale === r.staleExpected;
			process.stdout.write(
				`  ${r.kind.padEnd(22)} ${String(r.requests).padStart(6)} requests, ${String(r.writes).padStart(6)} writes, api ${fmtS(r.apiMs)}, api/floor ${r.apiRatio.toFixed(2)}; rows as expected: ${clean ? 'yes' : 'NO'}; within budget: ${r.budgetOk ? 'yes' : 'NO'}\n`,
			);
		}
	}
}

/**
 * The memory pair: Create or Update of the rows into an account of `indexRss` other customers,
 * and into an empty one; prints both peak RSS and the difference.
 * @param {Bench} bench
 */
async function indexRssPair(bench) {
	const { emu, args } = bench;
	process.stdout.write(
		`\nmemory of the index: Create or Update of ${args.items} new rows into an account of ${args.indexRss} other customers, and into an empty one\n`,
	);
	header();
	/** @param {number} i */
	const others = (i) => ({ merchant_customer_id: `OTHER-${i}`, name: `Other ${i}`, email: `other${i}@example.org` });
	const withIndex = await measuredRun(bench, 'ours', {
		faulty: false,
		run: 1,
		seed: () => {
			seedCustomers(emu, args.indexRss, others);
			return args.indexRss;
		},
	});
	printRow(`ours, ${args.indexRss} in account`, withIndex, withIndex.cpuPerItemMs);
	const without = await measuredRun(bench, 'ours', { faulty: false, run: 1 });
	printRow('ours, empty account', without, without.cpuPerItemMs);
	const delta = withIndex.peakRssMb - without.peakRssMb;
	process.stdout.write(
		`peak RSS with the ${args.indexRss}-customer index: ${delta >= 0 ? '+' : ''}${delta.toFixed(0)} MB (${delta <= 150 ? 'within' : 'ABOVE'} 150 MB)\n`,
	);
	return { kind: 'index-rss', withIndex, without };
}

async function main() {
	const args = parseArgs(process.argv.slice(2));
	const started = recordHeader('crm-sync', 'bench', process.argv.slice(2));
	const kinds = args.only || KINDS;
	process.stdout.write(
		`bench: ${args.items} items, ${args.runs} run(s), emulator ${args.latencyMs} ms latency, ${args.limit} req/s limit, ${args.dialect} dialect; ${os.cpus().length} CPUs, load ${os.loadavg()[0].toFixed(2)}\n`,
	);
	const prepared = await setUp(args);
	const baselineCpuMs = await cpuBaseline(prepared);
	process.stdout.write(`CPU of the code-only workflow (n8n boot + ${args.items} rows): ${fmtS(baselineCpuMs)}\n\n`);
	/** @type {Bench} */
	const bench = { ...prepared, baselineCpuMs };
	const passes = [...(args.noFaults ? [false] : []), ...(args.faults ? [true] : [])];
	/** @type {any[]} */
	const all = await runPasses(bench, kinds, passes);
	process.stdout.write('\n');
	printVerdicts(all, kinds, passes);
	printOnePercent(all, args, passes);
	if (args.indexRss > 0) all.push(await indexRssPair(bench));
	const results = path.join(bench.workDir, 'results.json');
	fs.writeFileSync(results, JSON.stringify({ args, baselineCpuMs, runs: all }, null, 2));
	process.stdout.write(`results: ${results}\n`);
	if (args.profile) printHotspots(args.profile);
	if (args.record) {
		const record = { ...started, n8n: n8nOf(bench.n8n.runtime.version), args, baselineCpuMs, rows: all };
		process.stdout.write(`record: ${writeRecord(record)}\n`);
	}
	await bench.emu.close();
	if (!args.keep) fs.rmSync(path.join(bench.workDir, 'n8n'), { recursive: true, force: true });
}

main().catch((error) => {
	process.stderr.write(`${error && error.stack}\n`);
	process.exit(1);
});
