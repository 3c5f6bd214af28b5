'use strict';
/**
 * The tables of a benchmark record (bench/record.js), as Markdown: one per bench, keyed by the
 * record's `bench`. Every cell is a range over the runs of its row (min–max), or one value when
 * the runs agree at the printed precision. Used by bench/render.js.
 */

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
	'ours-resync-1pct': 'Create or Update, re-sync, 1 % changed (Skip Unchanged)',
	'ours-resync-1pct-all': 'Create or Update, re-sync, 1 % changed, Skip Unchanged off',
	'ours-preview-1pct': 'Create or Update, Preview Only, 1 % changed',
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

/** @type {Record<string, (record: any) => string>} */
const TABLES = { 'crm-sync': crmSyncTables, trigger: triggerTable };

module.exports = { TABLES };
