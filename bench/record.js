'use strict';
/**
 * Benchmark records (`--record` of `npm run bench` and `npm run bench:trigger`): what was run, where
 * and on what, and every run's raw rows, as JSON in docs/bench/<name>-<date>.json. docs/BENCHMARKS.md's
 * tables are rendered from these files (`npm run bench:render`, bench/render.js), so every figure
 * quoted there can be traced back to the rows it came from.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { n8nLine } = require('../tools/lib/n8nLines');

const ROOT = path.resolve(__dirname, '..');
const RECORDS_DIR = path.join(ROOT, 'docs', 'bench');
/** Bump when a record's fields change meaning; the renderer refuses versions it does not know. */
const RECORD_FORMAT = 1;

/** @param {string[]} args */
const git = (args) => execFileSync('git', args, { cwd: ROOT, encoding: 'utf8' }).trim();

/**
 * The commit the bench ran from, and whether the work tree differed from it (then the figures
 * belong to uncommitted code).
 */
function gitState() {
	try {
		return { commit: git(['rev-parse', 'HEAD']), dirty: git(['status', '--porcelain', '--untracked-files=no']) !== '' };
	} catch {
		return { commit: 'unknown', dirty: true };
	}
}

/** The machine the figures come from. */
function machine() {
	const cpus = os.cpus();
	return {
		cpuModel: cpus[0]?.model ?? 'unknown',
		cores: cpus.length,
		memoryGiB: Math.round((os.totalmem() / 1024 ** 3) * 10) / 10,
		os: `${os.type()} ${os.release()} ${os.arch()}`,
		benchNode: process.version,
		loadAtStart: os.loadavg().map((load) => Math.round(load * 100) / 100),
	};
}

/**
 * What every record starts with, taken when the bench starts (its commit, the machine's load);
 * the bench adds `n8n` (n8nOf), its parsed `args` and every run's `rows` when it ends.
 * @param {string} bench crm-sync or trigger
 * @param {string} script the npm script that runs it
 * @param {string[]} argv the bench's arguments
 */
function recordHeader(bench, script, argv) {
	return {
		format: RECORD_FORMAT,
		bench,
		command: `npm run ${script}${argv.length ? ` -- ${argv.join(' ')}` : ''}`,
		date: new Date().toISOString(),
		...gitState(),
		machine: machine(),
	};
}

/** The n8n version the bench ran, and the Node.js that runs it. @param {string} version */
const n8nOf = (version) => ({ version, node: `v${n8nLine(version).node}` });

/**
 * Writes the record as docs/bench/<bench>-<YYYY-MM-DD>.json (-2, -3, … for a second run that day),
 * formatted as the repository's prettier formats JSON.
 * @param {{bench: string, date: string} & Record<string, unknown>} record
 * @param {string} [dir]
 * @returns {string} the file written
 */
function writeRecord(record, dir = RECORDS_DIR) {
	fs.mkdirSync(dir, { recursive: true });
	const base = `${record.bench}-${record.date.slice(0, 10)}`;
	let file = path.join(dir, `${base}.json`);
	for (let n = 2; fs.existsSync(file); n++) file = path.join(dir, `${base}-${n}.json`);
	fs.writeFileSync(file, `${JSON.stringify(record, null, '\t')}\n`);
	try {
		// In a child process: prettier 3's API loads its plugins by dynamic import, which jest's VM refuses.
		const prettier = [require.resolve('prettier/bin/prettier.cjs'), '--config', path.join(ROOT, '.prettierrc.js')];
		execFileSync(process.execPath, [...prettier, '--log-level', 'warn', '--write', file]);
	} catch {
		// prettier is a devDependency; without it the JSON is still valid, only perhaps not its style
	}
	return file;
}

module.exports = { RECORDS_DIR, RECORD_FORMAT, n8nOf, recordHeader, writeRecord };
