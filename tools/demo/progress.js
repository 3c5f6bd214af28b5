'use strict';
/**
 * The progress lines of `npm start`: each says the time since the command started (start.sh
 * passes its start in USEEPAY_STARTED_MS, so `npm ci` counts), and nothing stays silent for
 * long: when no line was printed for `quietMs`, a heartbeat says what is still running
 * ("still installing n8n 2.41.1… 1 min 05 s"). The heartbeat runs in a worker thread and writes
 * to the output itself, so a step that blocks the main thread (the synchronous build, an npm or
 * n8n command run with spawnSync) cannot silence it.
 */
const fs = require('node:fs');
const { Worker } = require('node:worker_threads');

/** The start of every line: "[useepay-demo 75s] ". @param {string} name @param {number} ms since start */
function tag(name, ms) {
	return `[${name} ${Math.round(ms / 1000)}s] `;
}

/** "45 s", "2 min 05 s". @param {number} ms */
function duration(ms) {
	const s = Math.max(0, Math.round(ms / 1000));
	return s >= 60 ? `${Math.floor(s / 60)} min ${String(s % 60).padStart(2, '0')} s` : `${s} s`;
}

// The worker: every second, a heartbeat when the main thread printed nothing for quietMs.
// shared[0]: ms since start of the last line; shared[1]: ms since start when the step began.
const HEARTBEAT = `
const fs = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const { shared, startedMs, quietMs, fd, name } = workerData;
const duration = ${duration.toString()};
const tag = ${tag.toString()};
let label = 'starting';
parentPort.on('message', (message) => (label = message));
setInterval(() => {
	const now = Date.now() - startedMs;
	if (now - Atomics.load(shared, 0) < quietMs) return;
	Atomics.store(shared, 0, now);
	fs.writeSync(fd, tag(name, now) + 'still ' + label + '… ' + duration(now - Atomics.load(shared, 1)) + '\\n');
}, 1000);
`;

/**
 * @param {{name?: string, startedMs?: number, quietMs?: number, fd?: number}} [options]
 *   name: the tag of every line; startedMs: when the command started (epoch ms); quietMs: the
 *   longest silence before a heartbeat; fd: where lines go (1: stdout)
 */
function createProgress({
	name = 'useepay-demo',
	startedMs = Number(process.env.USEEPAY_STARTED_MS) || Date.now(),
	quietMs = 20000,
	fd = 1,
} = {}) {
	const shared = new Int32Array(new SharedArrayBuffer(8));
	const worker = new Worker(HEARTBEAT, {
		eval: true,
		workerData: { shared, startedMs, quietMs, fd, name },
	});
	worker.unref();
	const sinceStart = () => Date.now() - startedMs;
	/**
	 * A line. One that starts a step (not an indented "… still" line) names what the heartbeat
	 * says is still running: its text up to the first parenthesis.
	 * @param {string} line
	 */
	const log = (line) => {
		const now = sinceStart();
		Atomics.store(shared, 0, now);
		if (!/^\s/.test(line)) {
			Atomics.store(shared, 1, now);
			worker.postMessage(line.replace(/\s*\(.*$/s, '').replace(/[:.]$/, ''));
		}
		fs.writeSync(fd, `${tag(name, now)}${line}\n`);
	};
	return { log, sinceStart, stop: () => worker.terminate() };
}

module.exports = { createProgress, duration };
