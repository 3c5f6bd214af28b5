'use strict';
/**
 * Event-loop probes for tests of code that must let the loop run (clock.ts eventLoopBreather).
 * Plain JS: they need the timers the lint rules keep out of TypeScript.
 */

/**
 * Starts watching for one turn of the event loop; the returned function says whether it came.
 * A 0 ms timer (Node: 1 ms), not setImmediate: set before a 1 ms sleep, it fires before that
 * sleep ends whatever phase of the loop the caller runs in; no microtask can fire it.
 */
function loopTurnWatch() {
	let turned = false;
	setTimeout(() => {
		turned = true;
	}, 0);
	return () => turned;
}

/** Keeps the thread busy for `ms` (no await: nothing else runs meanwhile). @param {number} ms */
function busyFor(ms) {
	const until = Date.now() + ms;
	while (Date.now() < until) {
		// busy
	}
}

module.exports = { loopTurnWatch, busyFor };
