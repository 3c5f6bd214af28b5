'use strict';
/**
 * The emulator as users run it (`node emulator/cli.js`), in its own process, and raw HTTP to it:
 * for attack tests that must see the emulator survive (or not) and read its memory. Plain JS:
 * test files may not start processes or open sockets under n8n's lint.
 */
const { spawn } = require('node:child_process');
const http = require('node:http');
const path = require('node:path');

const CLI = path.join(__dirname, '..', '..', 'emulator', 'cli.js');

/** Starts `node emulator/cli.js --port 0`; resolves once it prints its address. */
function startEmulatorProcess() {
	const child = spawn(process.execPath, [CLI, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
	let exited = false;
	child.on('exit', () => (exited = true));
	return new Promise((resolve, reject) => {
		let output = '';
		const onData = (chunk) => {
			output += chunk;
			const match = /ready on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
			if (!match) return;
			child.stdout.off('data', onData);
			child.stdout.resume();
			resolve({
				url: match[1],
				/** Whether the process is still running. */
				alive: () => !exited && child.exitCode === null,
				stop: () =>
					new Promise((done) => {
						if (exited) return done();
						child.once('exit', () => done());
						child.kill('SIGTERM');
					}),
			});
		};
		child.stdout.on('data', onData);
		child.stderr.on('data', (chunk) => (output += chunk));
		child.once('exit', (code) => reject(new Error(`emulator exited (${code}) before it was ready: ${output}`)));
	});
}

/**
 * One HTTP request with exactly these headers and `bodyBytes` bytes of body (a string, or a
 * number: that many bytes of `{` streamed in 1 MiB chunks, never held in memory at once).
 * Resolves with the status and parsed body, or with `{error: code}` when the connection failed.
 * @param {string} url
 * @param {{method?: string, headers?: Record<string, string>, body?: string | number}} options
 */
function rawRequest(url, { method = 'POST', headers = {}, body = '' } = {}) {
	return new Promise((resolve) => {
		const request = http.request(url, { method, headers, agent: false }, (response) => {
			const chunks = [];
			response.on('data', (chunk) => chunks.push(chunk));
			response.on('end', () => {
				const text = Buffer.concat(chunks).toString('utf8');
				let json;
				try {
					json = JSON.parse(text);
				} catch {
					json = text;
				}
				resolve({ status: response.statusCode, body: json });
			});
		});
		request.on('error', (error) => resolve({ error: error.code || error.message }));
		if (typeof body === 'string') return request.end(body);
		const chunk = Buffer.alloc(1024 * 1024, '{');
		let left = body;
		const pump = () => {
			while (left > 0) {
				const part = left >= chunk.length ? chunk : chunk.subarray(0, left);
				left -= part.length;
				if (!request.write(part)) return request.once('drain', pump);
			}
			request.end();
		};
		pump();
	});
}

module.exports = { startEmulatorProcess, rawRequest };
