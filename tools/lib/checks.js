'use strict';
/**
 * The little test runner shared by the real-n8n suites (e2e, queue mode): `check(name, fn)` prints
 * `ok - …` / `not ok - …` with the stack, `summary(label)` prints `<label>: N passed, M failed`
 * (the closing line CI reads) and tells whether all passed; `waitFor` polls until a value.
 */
const { sleep } = require('./n8n');

function createChecks() {
	const results = [];
	async function check(name, fn) {
		const started = Date.now();
		try {
			await fn();
			results.push({ name, ok: true });
			process.stdout.write(`ok - ${name} (${Date.now() - started} ms)\n`);
			return true;
		} catch (error) {
			results.push({ name, ok: false });
			process.stdout.write(
				`not ok - ${name}\n  ${String(error && error.stack)
					.split('\n')
					.join('\n  ')}\n`,
			);
			return false;
		}
	}
	function summary(label) {
		const passed = results.filter((r) => r.ok).length;
		const failed = results.length - passed;
		process.stdout.write(`${label}: ${passed} passed, ${failed} failed\n`);
		return failed === 0;
	}
	return { check, summary, results };
}

/** Polls until fn() returns a truthy value (or throws on timeout). */
async function waitFor(what, fn, timeoutMs = 30000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await fn();
		if (value) return value;
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(200);
	}
}

module.exports = { createChecks, waitFor, sleep };
