'use strict';
/**
 * A scripted HTTP server on 127.0.0.1 (random port) for tests and tools: it records every request
 * (method, path, query, headers, body as bytes, text and parsed JSON, the status answered) and
 * answers with `respond(request)`, which a caller may replace at any time. Plain JS: test files
 * may not import node:http under n8n's lint.
 *
 *   const rec = await startRecorder((req) => ({ status: 200, body: { id: 'cus_1' } }));
 *   rec.setResponder(answerInTurn(500, 200));   // 500 to the next request, then 200
 *   const [first] = await rec.waitFor(1);
 *   await rec.close();
 */
const http = require('node:http');

/** @type {import('./recorder').Responder} */
const answerOk = () => ({ status: 200, body: {} });

/** @param {string} rawBody */
function parseBody(rawBody) {
	if (!rawBody) return undefined;
	try {
		return JSON.parse(rawBody);
	} catch {
		return rawBody;
	}
}

/**
 * A responder that answers the given statuses in turn (then 200), with an empty JSON body.
 * @param {...number} statuses
 * @returns {import('./recorder').Responder}
 */
function answerInTurn(...statuses) {
	const queue = [...statuses];
	return () => ({ status: queue.length ? queue.shift() : 200, body: {} });
}

/**
 * A request as recorded: its parts, its body as bytes, text and parsed JSON.
 * @param {http.IncomingMessage} req
 * @param {Buffer} bytes the whole body
 * @returns {import('./recorder').RecordedRequest}
 */
function recordedRequest(req, bytes) {
	const rawBody = bytes.toString('utf8');
	const url = new URL(req.url || '/', 'http://127.0.0.1');
	return {
		method: req.method || '',
		path: url.pathname,
		query: Object.fromEntries(url.searchParams),
		headers: /** @type {Record<string, string>} */ ({ ...req.headers }),
		body: parseBody(rawBody),
		rawBody,
		bytes,
		status: 0,
	};
}

/**
 * Answers as the responder scripts it (a thrown error: 500 with its stack); the status goes
 * into the entry.
 * @param {import('./recorder').Responder} respond
 * @param {import('./recorder').RecordedRequest} entry
 * @param {http.IncomingMessage} req
 * @param {http.ServerResponse} res
 */
async function answer(respond, entry, req, res) {
	try {
		const scripted = (await respond(entry)) || {};
		// A lost answer: the request was handled, the connection dropped before the reply.
		if (scripted.drop) {
			entry.status = 0;
			req.socket.destroy();
			return;
		}
		const { body } = scripted;
		entry.status = scripted.status || 200;
		res.writeHead(entry.status, { 'content-type': 'application/json', ...(scripted.headers || {}) });
		res.end(body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body));
	} catch (error) {
		entry.status = 500;
		res.writeHead(500, { 'content-type': 'text/plain' });
		res.end(String(error instanceof Error ? error.stack : error));
	}
}

/**
 * Promises of "n requests received", kept until that many are in `requests`.
 * @param {import('./recorder').RecordedRequest[]} requests
 */
function requestWaiters(requests) {
	/** @type {Array<{n: number, resolve: (requests: import('./recorder').RecordedRequest[]) => void}>} */
	let waiters = [];
	return {
		/** Resolves the waiters whose count is reached. */
		notify() {
			waiters = waiters.filter((waiter) => {
				if (requests.length < waiter.n) return true;
				waiter.resolve(requests.slice());
				return false;
			});
		},
		/** @param {number} n @param {number} timeoutMs @returns {Promise<import('./recorder').RecordedRequest[]>} */
		waitFor(n, timeoutMs) {
			if (requests.length >= n) return Promise.resolve(requests.slice());
			return new Promise((resolve, reject) => {
				const timer = setTimeout(() => {
					waiters = waiters.filter((waiter) => waiter.resolve !== done);
					reject(new Error(`recorder: expected ${n} request(s) within ${timeoutMs} ms, got ${requests.length}`));
				}, timeoutMs);
				/** @param {import('./recorder').RecordedRequest[]} got */
				const done = (got) => {
					clearTimeout(timer);
					resolve(got);
				};
				waiters.push({ n, resolve: done });
			});
		},
	};
}

/**
 * @param {import('./recorder').Responder} [respond]
 * @returns {Promise<import('./recorder').Recorder>}
 */
async function startRecorder(respond = answerOk) {
	/** @type {import('./recorder').RecordedRequest[]} */
	const requests = [];
	const state = { respond };
	const waiters = requestWaiters(requests);
	const server = http.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', async () => {
			const entry = recordedRequest(req, Buffer.concat(chunks));
			requests.push(entry);
			await answer(state.respond, entry, req, res);
			waiters.notify();
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		setResponder(fn) {
			state.respond = fn;
		},
		waitFor: (n, timeoutMs = 5000) => waiters.waitFor(n, timeoutMs),
		clear() {
			requests.length = 0;
		},
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve(undefined));
				server.closeAllConnections();
			}),
	};
}

module.exports = { startRecorder, answerInTurn };
