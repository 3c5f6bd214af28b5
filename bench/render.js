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
const { TABLES } = require('./tables');

const DOCUMENT = path.resolve(__dirname, '..', 'docs', 'BENCHMARKS.md');
const BLOCK = /<!-- bench:begin (\S+) -->\n[\s\S]*?<!-- bench:end \1 -->/g;

// ---------------------------------------------------------------------------------------------
// A record's block (what ran where, then its tables), and the document

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
