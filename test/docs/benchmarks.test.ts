/**
 * docs/BENCHMARKS.md's tables are rendered from the committed records (docs/bench/*.json) by
 * bench/render.js and bench/tables.js; the records are written by the benches' --record (bench/record.js); --profile's
 * summary is bench/profile.js. The fixtures are records of two tiny smoke runs on a loaded machine:
 * real rows in the real shape, not figures to quote.
 */
import { n8nOf, recordHeader } from '../../bench/record';
import { renderDocument, renderRecord } from '../../bench/render';
import { selfTime } from '../../bench/profile';
import { n8nLine } from '../../tools/lib/n8nLines';
import { committedDocument, thisMachine, writeTwice } from '../support/benchRecords';
import crmSync from './fixtures/crm-sync-smoke.json';
import trigger from './fixtures/trigger-smoke.json';

describe('docs/BENCHMARKS.md', () => {
	it('is what rendering the committed records gives (run npm run bench:render)', () => {
		const { markdown, rendered } = committedDocument();
		expect(rendered).toBe(markdown);
	});
});

describe('rendering a record', () => {
	it('a CRM sync record: what ran where, then a row per workflow and pass, ranges over the runs', () => {
		expect(renderRecord(crmSync, 'crm-sync-smoke')).toBe(
			[
				'`npm run bench -- --items 200 --runs 2 --faults --only ours,http-batch --record --profile` · 2026-12-07 09:27 UTC, commit `e667401` with uncommitted changes · n8n 2.41.1 on Node.js v24.21.0 · AMD EPYC, 2 cores, 23.5 GiB, load 11.85 at the start · raw rows: [crm-sync-smoke.json](bench/crm-sync-smoke.json)',
				'',
				'| Workflow (200 rows, 2 runs) | Faults | Wall time | API first → last (÷ floor 2 s) | Requests (list pages) | 429s | Lost | Duplicated | Stale | Peak RSS | CPU / item |',
				'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
				'| Create or Update, first sync | none | 7.5–10.7 s | 2.1–2.6 s (1.042–1.305) | 203–205 (2) | 1–3 | 0 | 0 | 0 | 428–434 MB | 4.82–5.32 ms |',
				'| HTTP Request, batching 100 / 1 s | none | 9.5–10.6 s | 1.2–1.3 s (0.615–0.668) | 200 | 0 | 0 | 0 | 0 | 475–489 MB | 9.16–9.86 ms |',
				'| Create or Update, first sync | faults | 9.0–11.7 s | 2.7–3.0 s (1.359–1.513) | 208–215 (2) | 1–5 | 0 | 0 | 0 | 429–452 MB | 4.94–6.62 ms |',
				'| HTTP Request, batching 100 / 1 s | faults | 8.4–8.9 s (fails in 2 of 2) | 1.2 s (0.575–0.595) | 200 | 3–4 | 6 | 0 | 0 | 474–475 MB | 7.69–7.71 ms |',
			].join('\n'),
		);
	});

	it("a CRM sync record's memory pair (--index-rss) is a table of its own", () => {
		const pair = { exit: 0, requests: 1203, pages: 11, apiMs: 13400, peakRssMb: 701.4 };
		const record = {
			...crmSync,
			args: { ...crmSync.args, indexRss: 1000 },
			rows: [
				...crmSync.rows,
				{
					kind: 'index-rss',
					withIndex: pair,
					without: { ...pair, requests: 201, pages: 1, peakRssMb: 650.6, exit: 1 },
				},
			],
		};
		expect(renderRecord(record, 'x').split('\n\n').pop()).toBe(
			[
				'| Create or Update of 200 new rows into | Peak RSS | Requests (list pages) | API first → last | Result |',
				'| --- | --- | --- | --- | --- |',
				'| an account of 1,000 other customers | 701 MB | 1,203 (11) | 13.4 s | ok |',
				'| an empty account | 651 MB | 201 (1) | 13.4 s | exit 1 |',
			].join('\n'),
		);
	});

	it('a trigger record: a row per rate, topology and workflow', () => {
		expect(renderRecord(trigger, 'trigger-smoke')).toBe(
			[
				'`npm run bench:trigger -- --modes single --deliveries 30 --events 20 --runs 2 --rate max --no-build --record` · 2026-12-07 09:30 UTC, commit `a58fe97` with uncommitted changes · n8n 2.41.1 on Node.js v24.21.0 · AMD EPYC, 2 cores, 23.5 GiB, load 11.99 at the start · raw rows: [trigger-smoke.json](bench/trigger-smoke.json)',
				'',
				'| rate | topology | workflow | runs | executions | repeats run (in flight / later) | lost | answers | p50 / p99 | answered/s | done/s | CPU per delivery |',
				'| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
				'| max | one process (SQLite) | UseePay Trigger | 2 | 20 | 0/5 / 0/5 | 0 | 200 × 30 | 2.8–4.3 / 4.5–6.2 s | 4.4–5.6 | 4.4–5.6 | 98–109 ms |',
				'| max | one process (SQLite) | Webhook + Code | 2 | 30 | 5/5 / 5/5 | 0 | 200 × 30 | 1.5–2.0 / 3.3–4.8 s | 4.9–6.8 | 4.5–6.5 | 76–91 ms |',
			].join('\n'),
		);
	});

	it('answers and redeliveries per status, latencies under a second in ms', () => {
		const [first, second] = trigger.rows.filter((r) => r.kind === 'ours');
		const rows = [
			{ ...first, codes: { 200: 25, 503: 5 }, retryCodes: { 200: 5 }, p50: 40, p99: 300 },
			{ ...second, codes: { 200: 30 }, retryCodes: {}, p50: 55, p99: 999 },
		];
		const line = renderRecord({ ...trigger, rows }, 'x')
			.split('\n')
			.pop();
		expect(line).toContain(' | 200 × 25–30, 503 × 0–5 (retries: 200 × 0–5) | 40–55 / 300–999 ms | ');
	});

	it('refuses a record of another format or an unknown bench', () => {
		expect(() => renderRecord({ ...trigger, format: 2 }, 'x')).toThrow('x: record format 2, not 1');
		expect(() => renderRecord({ ...trigger, bench: 'other' }, 'x')).toThrow('x: no table for bench "other"');
	});
});

describe('rendering the document', () => {
	const records = [{ name: 'crm-sync-smoke', record: crmSync }];
	const rendered = renderRecord(crmSync, 'crm-sync-smoke');

	it('replaces what is between the markers and keeps the prose around them', () => {
		const doc =
			'Intro.\n\n<!-- bench:begin crm-sync-smoke -->\nold table\n<!-- bench:end crm-sync-smoke -->\n\nProse.\n';
		expect(renderDocument(doc, records)).toBe(
			`Intro.\n\n<!-- bench:begin crm-sync-smoke -->\n${rendered}\n<!-- bench:end crm-sync-smoke -->\n\nProse.\n`,
		);
	});

	it('adds the block of a record that has none at the end', () => {
		expect(renderDocument('# Benchmarks\n\n## Records\n\n', records)).toBe(
			`# Benchmarks\n\n## Records\n\n<!-- bench:begin crm-sync-smoke -->\n${rendered}\n<!-- bench:end crm-sync-smoke -->\n`,
		);
	});

	it('fails on a block whose record is not there', () => {
		const doc = '<!-- bench:begin gone -->\nx\n<!-- bench:end gone -->\n';
		expect(() => renderDocument(doc, records)).toThrow(
			'docs/BENCHMARKS.md has a block for gone, but docs/bench/gone.json is not there',
		);
	});
});

describe('writing a record (--record)', () => {
	it('starts with the command, commit, machine and date; n8n is the version run and its Node.js', () => {
		const header = recordHeader('crm-sync', 'bench', ['--items', '5', '--record']);
		expect(header).toEqual({
			format: 1,
			bench: 'crm-sync',
			command: 'npm run bench -- --items 5 --record',
			date: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
			commit: expect.stringMatching(/^[0-9a-f]{40}$/),
			dirty: expect.any(Boolean),
			machine: {
				cpuModel: thisMachine().cpuModel,
				cores: thisMachine().cores,
				memoryGiB: expect.any(Number),
				os: expect.stringContaining(thisMachine().osType),
				benchNode: thisMachine().node,
				loadAtStart: expect.any(Array),
			},
		});
		expect(Math.abs(Date.parse(header.date) - Date.now())).toBeLessThan(60000);
		expect(n8nOf('2.41.1')).toEqual({ version: '2.41.1', node: `v${n8nLine('2.41.1').node}` });
	});

	it('writes docs/bench/<bench>-<date>.json, -2 for a second run that day, formatted as prettier formats it', () => {
		const record = {
			bench: 'trigger',
			date: '2026-12-07T09:30:10.257Z',
			load: [0.5, 0.25],
			rows: [{ codes: { 200: 30 } }],
		};
		const written = writeTwice(record);
		expect(written.names).toEqual(['trigger-2026-12-07.json', 'trigger-2026-12-07-2.json']);
		expect(JSON.parse(written.text)).toEqual(record);
		// What the repository's prettier --check (npm run format:check) accepts: tabs, short arrays on one line.
		expect(written.prettierAccepts).toBe(true);
		expect(written.text).toContain('\n\t"load": [0.5, 0.25],\n');
	});
});

describe('--profile: self time by function', () => {
	it('is the time to the next sample, summed by function, idle left out, busiest first', () => {
		const frame = (functionName: string, url = '', lineNumber = -1) => ({ functionName, url, lineNumber });
		const profile = {
			nodes: [
				{ id: 1, callFrame: frame('(root)') },
				{ id: 2, callFrame: frame('work', 'file:///app/a.js', 9) },
				{ id: 3, callFrame: frame('(idle)') },
				{ id: 4, callFrame: frame('(garbage collector)') },
				{ id: 5, callFrame: frame('', 'node:fs', 0) },
			],
			samples: [2, 2, 3, 4, 5, 2],
			timeDeltas: [0, 1000, 2000, 3000, 4000, 500],
		};
		expect(selfTime([profile, profile])).toEqual({
			busyMs: 15,
			hotspots: [
				{ name: '(garbage collector)', where: '', selfMs: 8, share: 8 / 15 },
				{ name: 'work', where: '/app/a.js:10', selfMs: 6, share: 6 / 15 },
				{ name: '(anonymous)', where: 'node:fs:1', selfMs: 1, share: 1 / 15 },
			],
		});
	});
});
