'use strict';
/**
 * The little test runner shared by the real-n8n suites (e2e, queue mode, package, editor):
 * `check(name, fn)` runs a check and prints `ok - …` / `not ok - …` with the stack,
 * `record(name, ok, detail)` prints a verdict reached elsewhere, `fail(name, error)` a failure
 * outside any check (a harness that stopped), and `summary(label)` prints
 * `<label>: N passed, M failed` (the closing line CI reads) and tells whether all passed.
 * `waitFor` polls until a value.
 */
const { sleep } = require('./runtime');

/** @typedef {{name: string, ok: boolean}} CheckResult */

function createChecks() {
	/** @type {CheckResult[]} */
	const results = [];

	/**
	 * @param {string} name
	 * @param {boolean} ok
	 * @param {string} [detail] shown in parentheses after the name
	 */
	function record(name, ok, detail = '') {
		results.push({ name, ok: !!ok });
		process.stdout.write(`${ok ? 'ok' : 'not ok'} - ${name}${detail ? ` (${detail})` : ''}\n`);
		return !!ok;
	}

	/**
	 * @param {string} name
	 * @param {unknown} error
	 */
	function fail(name, error) {
		results.push({ name, ok: false });
		const stack = error instanceof Error ? error.stack : String(error);
		process.stdout.write(`not ok - ${name}\n  ${String(stack).split('\n').join('\n  ')}\n`);
		return false;
	}

	/**
	 * @param {string} name
	 * @param {() => unknown} fn may be async; a throw fails the check
	 */
	async function check(name, fn) {
		const started = Date.now();
		try {
			await fn();
		} catch (error) {
			return fail(name, error);
		}
		return record(name, true, `${Date.now() - started} ms`);
	}

	/**
	 * @param {string} label
	 * @param {string} [note] shown in parentheses at the end of the line
	 * @returns {boolean} all passed (and at least one ran)
	 */
	function summary(label, note = '') {
		const passed = results.filter((r) => r.ok).length;
		const failed = results.length - passed;
		process.stdout.write(`${label}: ${passed} passed, ${failed} failed${note ? ` (${note})` : ''}\n`);
		return failed === 0 && passed > 0;
	}

	return { check, record, fail, summary, results };
}

/**
 * Polls until fn() returns a truthy value (or throws on timeout).
 * @template T
 * @param {string} what
 * @param {() => Promise<T>} fn
 * @param {number} [timeoutMs]
 * @returns {Promise<NonNullable<T>>}
 */
async function waitFor(what, fn, timeoutMs = 30000) {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const value = await fn();
		if (value) return /** @type {NonNullable<T>} */ (value);
		if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
		await sleep(200);
	}
}

module.exports = { createChecks, waitFor, sleep };
