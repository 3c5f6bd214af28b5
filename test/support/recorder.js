'use strict';
/**
 * A scripted HTTP server for tests (plain JS: test files may not import node:http under n8n's
 * lint). It records every request (method, path, query, headers, raw and parsed body) and
 * answers with `respond(request)`, which tests replace per case.
 */
const http = require('node:http');

/**
 * @param {(req: {method: string, path: string, query: Record<string,string>, headers: Record<string,string>, body: any, rawBody: string}) => {status?: number, body?: any, headers?: Record<string,string>} | Promise<any>} [respond]
 */
async function startRecorder(respond = () => ({ status: 200, body: {} })) {
	const requests = [];
	const state = { respond };
	const server = http.createServer((req, res) => {
		const chunks = [];
		req.on('data', (c) => chunks.push(c));
		req.on('end', async () => {
			const rawBody = Buffer.concat(chunks).toString('utf8');
			const url = new URL(req.url, 'http://127.0.0.1');
			let body;
			try {
				body = rawBody ? JSON.parse(rawBody) : undefined;
			} catch {
				body = rawBody;
			}
			const entry = {
				method: req.method,
				path: url.pathname,
				query: Object.fromEntries(url.searchParams),
				headers: req.headers,
				body,
				rawBody,
			};
			requests.push(entry);
			try {
				const answer = (await state.respond(entry)) || {};
				// A lost answer: the request was handled, the connection dropped before the reply.
				if (answer.drop) {
					req.socket.destroy();
					return;
				}
				const payload =
					answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
				res.writeHead(answer.status || 200, { 'content-type': 'application/json', ...(answer.headers || {}) });
				res.end(payload);
			} catch (error) {
				res.writeHead(500, { 'content-type': 'text/plain' });
				res.end(String(error && error.stack));
			}
		});
	});
	await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address();
	return {
		url: `http://127.0.0.1:${port}`,
		requests,
		/** Replace how the server answers. */
		setResponder(fn) {
			state.respond = fn;
		},
		close: () => new Promise((resolve) => server.close(() => resolve())),
	};
}

module.exports = { startRecorder };
