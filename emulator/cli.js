#!/usr/bin/env node
'use strict';
/**
 * Command line entry point:
 *
 *   node emulator/cli.js [--port 4010] [--latency-ms N] [--rate-limit N] [--server-error-rate X]
 *                        [--reset-rate X] [--time-scale X] [--seed S]
 *                        [--page-base 0|1] [--max-page-size N] [--page-size-overflow clamp|reject]
 *                        [--dialect docs|sdk] [--paging-query page_num|page|none] [--page-zero first|empty|reject]
 *                        [--list-envelope items|data] [--filters honoured|ignored] [--duplicate-answer already_exists|e11000]
 *                        [--empty-array-body refuse|accept] [--status-spelling cancelled|canceled]
 *                        [--amounts number|string] [--strict-body]
 *                        [--seed-merchant MERCHANT_NO:API_KEY[:APP_ID]]... [--no-any-merchant]
 *                        [--private-key FILE] [--request-log-limit N] [--log-byte-limit N]
 *
 * Prints `UseePay emulator ready on http://127.0.0.1:<port>` followed by the webhook public key
 * (PEM). SIGINT / SIGTERM close the server and exit 0.
 */
const fs = require('node:fs');
const { createEmulator } = require('./server');

const USAGE = `Usage: node emulator/cli.js [options]
  --port N                  port to listen on (default 4010, 0 = random); always binds 127.0.0.1
  --latency-ms N            delay every /api/v1 response by N ms
  --rate-limit N            N requests per second per merchant (0 = off); excess gets 429
  --server-error-rate X     fraction 0..1 of /api/v1 requests answered 500
  --reset-rate X            fraction 0..1 of /api/v1 connections destroyed without answer
  --throttle-rate X         fraction 0..1 of /api/v1 requests answered 429 (Retry-After: 1)
  --lost-response-rate X    fraction 0..1 of /api/v1 requests applied, then the connection destroyed
  --time-scale X            divide webhook retry delays by X (e.g. 1000)
  --seed S                  seed for the fault PRNG (deterministic faults)
  --page-base 0|1           number of the first page of a list (default 0)
  --max-page-size N         largest page_size of a list (default 100)
  --page-size-overflow M    a larger page_size is clamped (clamp, default) or refused with 400 (reject)
  Dialects (where UseePay's docs are open; the docs' reading is the default, see emulator/README.md):
  --dialect docs|sdk        preset: sdk = the PHP SDK's reading of all the switches below but --strict-body
  --paging-query Q          page_num (default) | page (SDK: page from 1, page_size or limit) | none (no paging)
  --page-zero Z             with 1-based pages, page 0 answers: first (default) | empty | reject (400)
  --list-envelope E         items ({items, has_more}, default) | data ({data, has_more, total, page, page_size})
  --filters F               honoured (default) | ignored (list filters silently ignored)
  --duplicate-answer D      already_exists (default) | e11000 (code null, MongoDB duplicate-key message)
  --empty-array-body B      refuse (default) | accept (a [] body or object field read as {})
  --status-spelling S       cancelled (default) | canceled
  --amounts A               number (default) | string (numeric strings accepted, amounts answered as "25.50")
  --strict-body             refuse unknown body fields with 400 invalid_argument
  --seed-merchant M:K[:A]   configure merchant M with API key K (and app id A); repeatable
  --no-any-merchant         only accept --seed-merchant merchants
  --private-key FILE        PEM RSA private key for webhook signatures (default: generated)
  --request-log-limit N     keep the last N requests in the request log (default 50000, 0 = off)
  --log-byte-limit N        bytes the request, event and delivery logs keep together (default 67108864 = 64 MiB)
  --help                    this text`;

/** Flags that take a number, by the option they set. */
const NUMBER_FLAGS = {
	'--port': 'port',
	'--latency-ms': 'latencyMs',
	'--rate-limit': 'rateLimitPerSec',
	'--server-error-rate': 'serverErrorRate',
	'--reset-rate': 'resetRate',
	'--throttle-rate': 'throttleRate',
	'--lost-response-rate': 'lostResponseRate',
	'--time-scale': 'timeScale',
	'--page-base': 'pageBase',
	'--max-page-size': 'maxPageSize',
	'--request-log-limit': 'requestLogLimit',
	'--log-byte-limit': 'logByteLimit',
};

/**
 * Flags with a value of another kind: each sets its options from the value.
 * @type {Record<string, (o: Record<string, any>, value: string|undefined) => void>}
 */
const VALUE_FLAGS = {
	'--page-size-overflow': (o, v) => (o.pageSizeOverflow = v),
	'--dialect': (o, v) => (o.dialect = v),
	'--paging-query': (o, v) => (o.pagingQuery = v),
	'--page-zero': (o, v) => (o.pageZero = v),
	'--list-envelope': (o, v) => (o.listEnvelope = v),
	'--filters': (o, v) => (o.filters = v),
	'--duplicate-answer': (o, v) => (o.duplicateAnswer = v),
	'--empty-array-body': (o, v) => (o.emptyArrayBody = v),
	'--status-spelling': (o, v) => (o.statusSpelling = v),
	'--amounts': (o, v) => (o.amounts = v),
	'--seed': (o, v) => (o.seed = /^\d+$/.test(String(v)) ? Number(v) : v),
	'--seed-merchant': (o, v) => {
		const [merchantNo, apiKey, appId] = String(v || '').split(':');
		if (!merchantNo || !apiKey) throw new Error('--seed-merchant needs MERCHANT_NO:API_KEY[:APP_ID]');
		o.merchants.push({ merchantNo, apiKey, appId: appId || undefined });
	},
	'--private-key': (o, v) => (o.privateKeyPem = fs.readFileSync(String(v), 'utf8')),
};

/** Flags without a value. @type {Record<string, (o: Record<string, any>) => void>} */
const SWITCHES = {
	'--no-any-merchant': (o) => (o.allowAnyMerchant = false),
	'--strict-body': (o) => (o.strictBody = true),
	'--help': (o) => (o.help = true),
	'-h': (o) => (o.help = true),
};

/**
 * @param {string[]} argv
 */
function parseArgs(argv) {
	/** @type {Record<string, any>} */
	const o = { port: 4010, merchants: [] };
	for (let i = 0; i < argv.length; i++) {
		let a = argv[i];
		/** @type {string|undefined} */
		let v;
		const eq = a.indexOf('=');
		if (a.startsWith('--') && eq > 0) {
			v = a.slice(eq + 1);
			a = a.slice(0, eq);
		}
		const next = () => (v !== undefined ? v : argv[++i]);
		const option = /** @type {Record<string, string>} */ (NUMBER_FLAGS)[a];
		if (option) {
			const raw = next();
			const n = Number(raw);
			if (raw === undefined || !Number.isFinite(n)) throw new Error(`${a} needs a number`);
			o[option] = n;
		} else if (VALUE_FLAGS[a]) VALUE_FLAGS[a](o, next());
		else if (SWITCHES[a]) SWITCHES[a](o);
		else throw new Error(`Unknown option ${a}`);
	}
	return o;
}

async function main() {
	let opts;
	try {
		opts = parseArgs(process.argv.slice(2));
	} catch (err) {
		process.stderr.write(`${err.message}\n${USAGE}\n`);
		process.exit(2);
	}
	if (opts.help) {
		process.stdout.write(`${USAGE}\n`);
		return;
	}
	const { port, help, ...options } = opts;
	const emu = createEmulator(options);
	const { url } = await emu.listen(port, '127.0.0.1');
	process.stdout.write(`UseePay emulator ready on ${url}\n${emu.publicKeyPem.trim()}\n`);
	let closing = false;
	const shutdown = () => {
		if (closing) return;
		closing = true;
		emu.close().then(
			() => process.exit(0),
			() => process.exit(0),
		);
	};
	process.on('SIGINT', shutdown);
	process.on('SIGTERM', shutdown);
}

if (require.main === module) {
	main().catch((err) => {
		process.stderr.write(`UseePay emulator failed to start: ${err && err.message}\n`);
		process.exit(1);
	});
}

module.exports = { parseArgs };
