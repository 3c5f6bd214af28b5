'use strict';
/**
 * Drives a fake clock (test/bulk/fakeClock.ts) while real I/O happens (n8n-core, HTTP to a local
 * server): yields to the event loop, then moves fake time to the next sleeper, until `promise`
 * settles. Fake waits (pacing, backoff, Retry-After) take no real time, and the test decides
 * what happens at each fake moment. Plain JS: it needs the event loop's timers.
 */
const turn = () => new Promise((resolve) => setTimeout(resolve, 2));

/**
 * @template T
 * @param {{now(): number, nextWakeUp: number | undefined, advance(ms: number): Promise<void>}} clock
 * @param {Promise<T>} promise
 * @param {{onTurn?: () => void, deadline?: () => number}} [options] onTurn: called before each
 *   step (e.g. to cancel the run at some fake moment); deadline: fake time that may not be
 *   passed (default 10 minutes): an Error if `promise` has not settled by then.
 * @returns {Promise<T>}
 */
async function drive(clock, promise, { onTurn = () => {}, deadline = () => 600000 } = {}) {
	let settled = false;
	const tracked = promise.finally(() => {
		settled = true;
	});
	tracked.catch(() => {});
	while (!settled) {
		await turn();
		if (settled) break;
		onTurn();
		const next = clock.nextWakeUp;
		if (next === undefined) continue; // waiting for real I/O
		if (next > deadline()) {
			// Only sleepers beyond the deadline are left: give real work time to finish first.
			for (let i = 0; i < 100 && !settled; i++) await turn();
			if (settled) break;
			throw new Error(`not settled by fake time ${deadline()} ms`);
		}
		await clock.advance(next - clock.now());
	}
	return await tracked;
}

module.exports = { drive };
