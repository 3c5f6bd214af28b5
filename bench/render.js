'use strict';
/**
 * `npm run bench:render`: renders docs/BENCHMARKS.md's tables from the records in docs/bench/
 * (written by `npm run bench -- --record` and `npm run bench:trigger -- --record`, bench/record.js).
 * Each record's table sits between `<!-- bench:begin <record> -->` and `<!-- bench:end <record> -->`
 * (<record>: its file name without .json); everything outside the markers is hand-written and kept.
 * A record without a block gets one at the end of the document; a block without a record is an
 * error. test/docs/benchmarks.test.ts fails when the committed document differs from a render.
 *
 *   npm run bench:render            rewrite docs/BENCHMARKS.md
 *   npm run bench:render -- --check exit 1 if it is not what rendering gives
 */
const fs = require('node:fs');
const path = require('node:path');

const { RECORDS_DIR, RECORD_FORMAT } = require('./record');

const DOCUMENT = path.resolve(__dirname, '..', 'docs', 'BENCHMARKS.md');
const BLOCK = /<!-- bench:begin (\S+) -->\n[\s\S]*?<!-- bench:end \1 -->/g;

// ---------------------------------------------------------------------------------------------
// Formatting: a value, or the range of values over the runs

/** @param {number} n @param {number} [digits] */
const num = (n, digits = 0) =>
	n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/**
 * "a–b" over the values (or "a" when they agree at this precision), then the unit.
 * @param {number[]} values
 * @param {number} [digits]
 * @param {string} [unit]
 */
function range(values, digits = 0, unit = '') {
	const low = num(Math.min(...values), digits);
	const high = num(Math.max(...values), digits);
	return `${low === high ? low : `${low}–${high}`}${unit ? ` ${unit}` : ''}`;
}

/** @param {string[]} cells */
const tableRow = (cells) => `| ${cells.join(' | ')} |`;

/** @param {string[]} header @param {string[][]} rows */
const table = (header, rows) => [tableRow(header), tableRow(header.map(() => '---')), ...rows.map(tableRow)].join('\n');

/**
 * Rows grouped by a key, in order of first appearance.
 * @template T
 * @param {T[]} rows
 * @param {(row: T) => string} key
 * @returns {T[][]}
 */
function groups(rows, key) {
	/** @type {Map<string, T[]>} */
	const byKey = new Map();
	for (const row of rows) byKey.set(key(row), [...(byKey.get(key(row)) ?? []), row]);
	return [...byKey.values()];
}

// ---------------------------------------------------------------------------------------------
// The CRM sync bench (bench/run.js)

const CRM_WORKFLOWS = /** @type {Record<string, string>} */ ({
	ours: 'Create or Update, first sync',
	'ours-resync': 'Create or Update, re-sync',
	'ours-create': 'Create',
	'http-default': 'HTTP Request, defaults',
	'http-batch': 'HTTP Request, batching 100 / 1 s',
});

/** @param {any} record */
function crmSyncTables(record) {
	const { items, limit } = record.args;
	const floorS = items / limit;
	const runs = record.rows.filter((/** @type {any} */ r) => r.kind !== 'index-rss');
	const counted = Math.max(...runs.map((/** @type {any} */ r) => r.run));
	const header = [
		`Workflow (${num(items)} rows, ${counted} run${counted > 1 ? 's' : ''})`,
		'Faults',
		'Wall time',
		`API first → last (÷ floor ${num(floorS, floorS % 1 ? 1 : 0)} s)`,
		'Requests (list pages)',
		'429s',
		'Lost',
		'Duplicated',
		'Stale',
		'Peak RSS',
		'CPU / item',
	];
	const rows = groups(runs, (r) => `${r.faulty} ${r.kind}`).map((group) => {
		const of = (/** @type {string} */ field) => group.map((r) => Number(r[field]));
		const failed = group.filter((r) => r.exit !== 0).length;
		const pages = of('pages');
		return [
			CRM_WORKFLOWS[group[0].kind] ?? group[0].kind,
			group[0].faulty ? 'faults' : 'none',
			`${range(
				of('wallMs').map((ms) => ms / 1000),
				1,
				's',
			)}${failed ? ` (fails in ${failed} of ${group.length})` : ''}`,
			`${range(
				of('apiMs').map((ms) => ms / 1000),
				1,
				's',
			)} (${range(of('apiRatio'), 3)})`,
			`${range(of('requests'))}${Math.max(...pages) > 0 ? ` (${range(pages)})` : ''}`,
			range(of('throttled')),
			range(of('lost')),
			range(of('dupes')),
			range(of('stale')),
			range(of('peakRssMb'), 0, 'MB'),
			range(of('cpuPerItemMs'), 2, 'ms'),
		];
	});
	const parts = [table(header, rows)];
	const memory = record.rows.find((/** @type {any} */ r) => r.kind === 'index-rss');
	if (memory) {
		const line = (/** @type {string} */ account, /** @type {any} */ m) => [
			account,
			`${num(m.peakRssMb)} MB`,
			`${num(m.requests)} (${num(m.pages)})`,
			`${num(m.apiMs / 1000, 1)} s`,
			m.exit === 0 ? 'ok' : `exit ${m.exit}`,
		];
		parts.push(
			table(
				[
					`Create or Update of ${num(items)} new rows into`,
					'Peak RSS',
					'Requests (list pages)',
					'API first → last',
					'Result',
				],
				[
					line(`an account of ${num(record.args.indexRss)} other customers`, memory.withIndex),
					line('an empty account', memory.without),
				],
			),
		);
	}
	return parts.join('\n\n');
}

// ---------------------------------------------------------------------------------------------
// The trigger bench (bench/trigger.js)

const TOPOLOGIES = /** @type {Record<string, string>} */ ({
	single: 'one process (SQLite)',
	queue: 'queue mode (PostgreSQL, Redis)',
});
const TRIGGER_WORKFLOWS = /** @type {Record<string, string>} */ ({
	ours: 'UseePay Trigger',
	webhook: 'Webhook + Code',
});

/**
 * "200 × 1000" per HTTP status, over the runs.
 * @param {Array<Record<string, number>>} byRun
 */
function statusCounts(byRun) {
	const codes = [...new Set(byRun.flatMap((counts) => Object.keys(counts)))].sort();
	return codes.map((code) => `${code} × ${range(byRun.map((counts) => counts[code] ?? 0))}`).join(', ');
}

/** @param {number[]} p50 @param {number[]} p99 answer latencies in ms */
function latencies(p50, p99) {
	if (Math.max(...p99) < 1000) return `${range(p50)} / ${range(p99, 0, 'ms')}`;
	const s = (/** @type {number[]} */ ms) => ms.map((v) => v / 1000);
	return `${range(s(p50), 1)} / ${range(s(p99), 1, 's')}`;
}

/** @param {any} record */
function triggerTable(record) {
	const header = [
		'rate',
		'topology',
		'workflow',
		'runs',
		'executions',
		'repeats run (in flight / later)',
		'lost',
		'answers',
		'p50 / p99',
		'answered/s',
		'done/s',
		'CPU per delivery',
	];
	const rows = groups(record.rows, (/** @type {any} */ r) => `${r.rate} ${r.mode} ${r.kind}`).map((group) => {
		const of = (/** @type {string} */ field) => group.map((r) => Number(r[field]));
		const [first] = group;
		const retries = group.some((r) => Object.keys(r.retryCodes).length);
		return [
			first.rate === 'max' ? 'max' : `${first.rate}/s`,
			TOPOLOGIES[first.mode] ?? first.mode,
			TRIGGER_WORKFLOWS[first.kind] ?? first.kind,
			String(group.length),
			range(of('executions')),
			`${range(of('concurrentRepeatsRun'))}/${first.concurrentRepeats} / ${range(of('laterRepeatsRun'))}/${first.laterRepeats}`,
			range(of('lost')),
			statusCounts(group.map((r) => r.codes)) +
				(retries ? ` (retries: ${statusCounts(group.map((r) => r.retryCodes))})` : ''),
			latencies(of('p50'), of('p99')),
			range(of('answeredPerS'), 1),
			range(of('donePerS'), 1),
			range(of('cpuPerDeliveryMs'), 0, 'ms'),
		];
	});
	return table(header, rows);
}

// ---------------------------------------------------------------------------------------------
// A record's block, and the document

const TABLES = /** @type {Record<string, (record: any) => string>} */ ({
	'crm-sync': crmSyncTables,
	trigger: triggerTable,
});

/**
 * What was run, where and on what, then the tables.
 * @param {any} record
 * @param {string} name the record's file name without .json
 */
function renderRecord(record, name) {
	if (record.format !== RECORD_FORMAT) throw new Error(`${name}: record format ${record.format}, not ${RECORD_FORMAT}`);
	const tables = TABLES[record.bench];
	if (!tables) throw new Error(`${name}: no table for bench "${record.bench}"`);
	const { machine: m, n8n } = record;
	const commit = `commit \`${String(record.commit).slice(0, 7)}\`${record.dirty ? ' with uncommitted changes' : ''}`;
	const about = [
		`\`${record.command}\``,
		`${record.date.slice(0, 16).replace('T', ' ')} UTC, ${commit}`,
		`n8n ${n8n.version} on Node.js ${n8n.node}`,
		`${m.cpuModel}, ${m.cores} cores, ${m.memoryGiB} GiB, load ${m.loadAtStart[0]} at the start`,
		`raw rows: [${name}.json](bench/${name}.json)`,
	].join(' · ');
	return `${about}\n\n${tables(record)}`;
}

/** @param {string} name @param {string} body */
const block = (name, body) => `<!-- bench:begin ${name} -->\n${body}\n<!-- bench:end ${name} -->`;

/**
 * The document with every record's block rendered (new records' blocks appended at the end).
 * @param {string} markdown
 * @param {Array<{name: string, record: any}>} records
 */
function renderDocument(markdown, records) {
	const byName = new Map(records.map(({ name, record }) => [name, record]));
	const placed = new Set();
	const rendered = markdown.replace(BLOCK, (_whole, /** @type {string} */ name) => {
		if (!byName.has(name))
			throw new Error(`docs/BENCHMARKS.md has a block for ${name}, but docs/bench/${name}.json is not there`);
		placed.add(name);
		return block(name, renderRecord(byName.get(name), name));
	});
	const missing = records.filter(({ name }) => !placed.has(name));
	return missing.reduce(
		(text, { name, record }) => `${text.trimEnd()}\n\n${block(name, renderRecord(record, name))}\n`,
		rendered,
	);
}

/** The records in `dir`, by file name. @param {string} [dir] */
function readRecords(dir = RECORDS_DIR) {
	if (!fs.existsSync(dir)) return [];
	return fs
		.readdirSync(dir)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({
			name: file.slice(0, -'.json'.length),
			record: JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')),
		}));
}

if (require.main === module) {
	const check = process.argv.includes('--check');
	const current = fs.readFileSync(DOCUMENT, 'utf8');
	const next = renderDocument(current, readRecords());
	if (check) {
		process.stdout.write(next === current ? 'docs/BENCHMARKS.md matches its records\n' : '');
		if (next !== current) process.stderr.write('docs/BENCHMARKS.md differs from its records: npm run bench:render\n');
		process.exit(next === current ? 0 : 1);
	}
	if (next !== current) fs.writeFileSync(DOCUMENT, next);
	process.stdout.write(
		`docs/BENCHMARKS.md: ${next === current ? 'unchanged' : 'rendered'} from ${readRecords().length} record(s)\n`,
	);
}

module.exports = { DOCUMENT, renderDocument, renderRecord, readRecords };
