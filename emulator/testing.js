'use strict';
/**
 * Test helpers that need node:http (which TypeScript test files may not import under n8n's lint).
 *
 *   const rec = await startRecorder();          // http://127.0.0.1:<port>
 *   rec.queueStatuses(500, 200);                // answer 500 to the 1st request, 200 to the 2nd
 *   await rec.waitFor(2, 5000);                 // resolves with the recorded requests
 *   await rec.close();
 */
const http = require('node:http');

/**
 * @typedef {object} RecordedRequest
 * @property {string} method
 * @property {string} path path + query string
 * @property {Record<string, string|string[]|undefined>} headers lower-cased header names
 * @property {string} rawBody body as received (utf8)
 * @property {Buffer} body body bytes
 * @property {number} status status that was answered
 * @property {number} time epoch ms
 */

/**
 * @typedef {object} Recorder
 * @property {string} url base URL, e.g. http://127.0.0.1:45678
 * @property {number} port
 * @property {RecordedRequest[]} requests everything received so far (oldest first)
 * @property {(status: number) => void} setStatus default status for requests without a queued one
 * @property {(...statuses: number[]) => void} queueStatuses statuses for the next requests, in order
 * @property {(ms: number) => void} setDelay delay before answering (ms)
 * @property {(n: number, timeoutMs?: number) => Promise<RecordedRequest[]>} waitFor resolves once `n` requests were received
 * @property {() => void} clear forget recorded requests
 * @property {() => Promise<void>} close
 */

/**
 * Starts a recording HTTP server on 127.0.0.1 (random port).
 * @param {{status?: number, delayMs?: number}} [opts]
 * @returns {Promise<Recorder>}
 */
function startRecorder(opts = {}) {
	let defaultStatus = opts.status ?? 200;
	let delayMs = opts.delayMs ?? 0;
	/** @type {number[]} */
	const queue = [];
	/** @type {RecordedRequest[]} */
	const requests = [];
	/** @type {Array<{n: number, resolve: (r: RecordedRequest[]) => void}>} */
	let waiters = [];

	const notify = () => {
		waiters = waiters.filter((w) => {
			if (requests.length >= w.n) {
				w.resolve(requests.slice());
				return false;
			}
			return true;
		});
	};

	const server = http.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', () => {
			const body = Buffer.concat(chunks);
			const status = queue.length ? /** @type {number} */ (queue.shift()) : defaultStatus;
			const answer = () => {
				requests.push({
					method: req.method || '',
					path: req.url || '',
					headers: { ...req.headers },
					rawBody: body.toString('utf8'),
					body,
					status,
					time: Date.now(),
				});
				res.writeHead(status, { 'content-type': 'text/plain' });
				res.end(status >= 200 && status < 300 ? 'ok' : 'error');
				notify();
			};
			if (delayMs > 0) setTimeout(answer, delayMs);
			else answer();
		});
	});

	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const addr = /** @type {import('node:net').AddressInfo} */ (server.address());
			resolve({
				url: `http://127.0.0.1:${addr.port}`,
				port: addr.port,
				requests,
				setStatus: (s) => {
					defaultStatus = s;
				},
				queueStatuses: (...s) => {
					queue.push(...s);
				},
				setDelay: (ms) => {
					delayMs = ms;
				},
				waitFor: (n, timeoutMs = 5000) =>
					new Promise((res, rej) => {
						if (requests.length >= n) return res(requests.slice());
						const w = {
							n,
							resolve: (/** @type {RecordedRequest[]} */ r) => {
								clearTimeout(timer);
								res(r);
							},
						};
						const timer = setTimeout(() => {
							waiters = waiters.filter((x) => x !== w);
							rej(new Error(`Recorder: expected ${n} request(s) within ${timeoutMs} ms, got ${requests.length}`));
						}, timeoutMs);
						waiters.push(w);
					}),
				clear: () => {
					requests.length = 0;
				},
				close: () =>
					new Promise((res) => {
						server.close(() => res(undefined));
						server.closeAllConnections();
					}),
			});
		});
	});
}

module.exports = { startRecorder };
