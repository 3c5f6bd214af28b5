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
 * @param {import('./recorder').Responder} [respond]
 * @returns {Promise<import('./recorder').Recorder>}
 */
async function startRecorder(respond = answerOk) {
	/** @type {import('./recorder').RecordedRequest[]} */
	const requests = [];
	const state = { respond };
	/** @type {Array<{n: number, resolve: (requests: import('./recorder').RecordedRequest[]) => void}>} */
	let waiters = [];
	const notify = () => {
		waiters = waiters.filter((waiter) => {
			if (requests.length < waiter.n) return true;
			waiter.resolve(requests.slice());
			return false;
		});
	};

	/** @param {import('./recorder').RecordedRequest} entry @param {http.IncomingMessage} req @param {http.ServerResponse} res */
	async function answer(entry, req, res) {
		const scripted = (await state.respond(entry)) || {};
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
	}

	const server = http.createServer((req, res) => {
		/** @type {Buffer[]} */
		const chunks = [];
		req.on('data', (chunk) => chunks.push(chunk));
		req.on('end', async () => {
			const bytes = Buffer.concat(chunks);
			const rawBody = bytes.toString('utf8');
			const url = new URL(req.url || '/', 'http://127.0.0.1');
			/** @type {import('./recorder').RecordedRequest} */
			const entry = {
				method: req.method || '',
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				headers: /** @type {Record<string, string>} */ ({ ...req.headers }),
				body: parseBody(rawBody),
				rawBody,
				bytes,
				status: 0,
			};
			requests.push(entry);
			try {
				await answer(entry, req, res);
			} catch (error) {
				entry.status = 500;
				res.writeHead(500, { 'content-type': 'text/plain' });
				res.end(String(error instanceof Error ? error.stack : error));
			}
			notify();
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
		waitFor(n, timeoutMs = 5000) {
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
