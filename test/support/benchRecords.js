'use strict';
/**
 * The file-system and process side of test/docs/benchmarks.test.ts (the node lint forbids fs,
 * process and child processes in TypeScript test files): the committed document and its render,
 * records written into a temporary folder, and this machine as a record describes it.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { DOCUMENT, readRecords, renderDocument } = require('../../bench/render');
const { writeRecord } = require('../../bench/record');

const ROOT = path.resolve(__dirname, '..', '..');

/** docs/BENCHMARKS.md as committed, and what rendering docs/bench/*.json into it gives. */
function committedDocument() {
	const markdown = fs.readFileSync(DOCUMENT, 'utf8');
	return { markdown, rendered: renderDocument(markdown, readRecords()) };
}

/**
 * Writes `record` twice into an empty folder (removed afterwards): the files' names, the second
 * file's text, and whether the repository's `prettier --check` accepts it.
 * @param {{bench: string, date: string} & Record<string, unknown>} record
 */
function writeTwice(record) {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'useepay-records-'));
	try {
		const files = [writeRecord(record, dir), writeRecord(record, dir)];
		const prettier = [require.resolve('prettier/bin/prettier.cjs'), '--config', path.join(ROOT, '.prettierrc.js')];
		const check = spawnSync(process.execPath, [...prettier, '--check', files[1]], { encoding: 'utf8' });
		return {
			names: files.map((file) => path.relative(dir, file)),
			text: fs.readFileSync(files[1], 'utf8'),
			prettierAccepts: check.status === 0,
		};
	} finally {
		fs.rmSync(dir, { recursive: true, force: true });
	}
}

/** This machine and Node.js, as a record's `machine` names them. */
function thisMachine() {
	return { cpuModel: os.cpus()[0]?.model, cores: os.cpus().length, osType: os.type(), node: process.version };
}

module.exports = { committedDocument, thisMachine, writeTwice };
