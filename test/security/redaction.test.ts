/**
 * An answer that echoes the request (its headers included) must not carry the
 * API key into an error message, an error item or an output item. Checked for routed operations
 * and for the code operations of customers, stopping and continuing on fail.
 */
import type { INodeParameters } from 'n8n-workflow';

import { credentialSecrets, redactSecrets } from '../../nodes/shared/secrets';
import { runUseePay } from '../support/n8n';
import type { RecordedRequest, Recorder } from '../../tools/lib/recorder';
import { startRecorder } from '../../tools/lib/recorder';

const ECHOED_KEY = ['UseePay_SK', 'test', 'echoed', 'value'].join('_');
const credentials = { apiKey: ECHOED_KEY };

/** What a gateway that reflects the request might answer. */
const echo = (request: RecordedRequest) => ({
	code: 'unauthorized',
	source: null,
	message: `Key ${request.headers['x-api-key']} is not valid for this merchant`,
	request: { headers: request.headers },
	[request.headers['x-api-key']]: 'seen',
});

const operations: Array<[string, INodeParameters]> = [
	['Customer Get (routed)', { resource: 'customer', operation: 'get', customerId: 'cus_1' }],
	[
		'Payment Intent Create (routed, money)',
		{ resource: 'paymentIntent', operation: 'create', amount: 5, currency: 'USD', merchant_order_id: 'O-1' },
	],
	['Customer Get Many (routed, paged)', { resource: 'customer', operation: 'getAll', returnAll: false, limit: 1 }],
	[
		'Customer Update (code)',
		{ resource: 'customer', operation: 'update', customerId: 'cus_1', updateFields: { name: 'A' } },
	],
	['Customer Create (code)', { resource: 'customer', operation: 'create', merchant_customer_id: 'CRM-1' }],
];

/** Every string reachable from `value`, own non-enumerable properties (an error's message, cause ...) included. */
function allText(value: unknown, seen = new Set<unknown>()): string {
	if (typeof value === 'string') return value;
	if (value === null || typeof value !== 'object' || seen.has(value)) return '';
	seen.add(value);
	return Object.getOwnPropertyNames(value)
		.map((key) => `${key} ${allText((value as Record<string, unknown>)[key], seen)}`)
		.join(' ');
}

describe('the API key is redacted from everything read from an answer', () => {
	let api: Recorder;

	beforeEach(async () => {
		api = await startRecorder();
	});

	afterEach(async () => {
		await api.close();
	});

	it.each(operations)('%s: a 4xx echoing the key gives errors without it', async (_name, parameters) => {
		api.setResponder((request) => ({ status: 400, body: echo(request) }));
		const stopped = await runUseePay({ baseUrl: api.url, parameters, credentials });
		expect(api.requests[0].headers['x-api-key']).toBe(ECHOED_KEY);
		expect(stopped.error?.message).toMatch(/^UseePay rejected the request: Key \*\*\* is not valid/);
		expect(allText(stopped.error)).toContain('Key *** is not valid');
		expect(allText(stopped.run.data)).not.toContain(ECHOED_KEY);

		const continued = await runUseePay({ baseUrl: api.url, parameters, credentials, continueOnFail: true });
		expect(continued.items).toHaveLength(1);
		expect(continued.items[0].json.error).toMatch(/Key \*\*\* is not valid/);
		expect(allText(continued.run.data)).not.toContain(ECHOED_KEY);
	});

	it.each(operations)('%s: a 2xx echoing the key gives output without it', async (_name, parameters) => {
		api.setResponder((request) => ({
			status: 200,
			body: {
				id: 'obj_1',
				merchant_customer_id: 'CRM-1',
				echo: echo(request),
				items: [{ id: 'cus_1', merchant_customer_id: 'CRM-1', note: request.headers['x-api-key'] }],
				has_more: false,
			},
		}));
		const { error, items, run } = await runUseePay({ baseUrl: api.url, parameters, credentials });
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		expect(JSON.stringify(items)).toContain('***');
		expect(allText(run.data)).not.toContain(ECHOED_KEY);
	});
});

/** A key with characters that URL encoding, Base64 and base64url all change. */
const ODD_KEY = ['UseePay_SK', 'test/echo+val?ue=ok', 'é~1'].join('_');
const base64url = (text: string) => Buffer.from(text).toString('base64url');
const base64 = (text: string) => Buffer.from(text).toString('base64');
/** How a gateway might echo the key other than verbatim, by name. */
const ENCODINGS: Array<[string, (key: string) => string]> = [
	['Base64', base64],
	['base64url', base64url],
	['Base64 inside a Basic header (merchant:key)', (key) => `Basic ${base64(`500000000007245:${key}`)}`],
	['Base64 inside a longer text, shifted by one byte', (key) => base64(`x${key}yz`)],
	['Base64 inside a longer text, shifted by two bytes', (key) => base64(`xy${key}`)],
	['URL-encoded', encodeURIComponent],
	[
		'URL-encoded with lower-case escapes',
		(key) => encodeURIComponent(key).replace(/%[0-9A-F]{2}/g, (e) => e.toLowerCase()),
	],
	['form-encoded', (key) => new URLSearchParams({ key }).toString()],
	['hex', (key) => Buffer.from(key).toString('hex')],
	['HEX', (key) => Buffer.from(key).toString('hex').toUpperCase()],
];
/** What must not be left of the key's encoded form: its middle (the edges may keep a character or two). */
const coreOf = (encoded: string) => encoded.slice(4, -4);

describe('the API key is redacted when an answer echoes it encoded', () => {
	let api: Recorder;

	beforeAll(async () => {
		api = await startRecorder();
	});

	afterAll(async () => {
		await api.close();
	});

	it.each(ENCODINGS)('%s: neither the error nor the run data holds it', async (_name, encode) => {
		const echoed = encode(ODD_KEY);
		api.setResponder(() => ({ status: 400, body: { code: 'unauthorized', message: `Bad key ${echoed} here` } }));
		const parameters = { resource: 'customer', operation: 'get', customerId: 'cus_1' };
		const stopped = await runUseePay({ baseUrl: api.url, parameters, credentials: { apiKey: ODD_KEY } });
		expect(stopped.error?.message).toMatch(/^UseePay rejected the request: Bad key .*\*\*\*.* here$/);
		for (const text of [allText(stopped.error), allText(stopped.run.data)]) {
			expect(text).not.toContain(coreOf(echoed));
			expect(text).not.toContain(ODD_KEY);
		}
	});

	it('a key shorter than 6 characters is masked where it stands alone, in errors and output', async () => {
		api.setResponder((request) => ({
			status: 400,
			body: { message: `Key ${request.headers['x-api-key']} is not valid (key=${request.headers['x-api-key']})` },
		}));
		const parameters = { resource: 'customer', operation: 'get', customerId: 'cus_1' };
		const stopped = await runUseePay({ baseUrl: api.url, parameters, credentials: { apiKey: 'k3y' } });
		expect(stopped.error?.message).toBe('UseePay rejected the request: Key *** is not valid (key=***)');
	});
});

describe('redactSecrets: every form of a long key, a short key only as a whole token', () => {
	it.each(ENCODINGS)('masks the %s form of a long key', (_name, encode) => {
		const redacted = redactSecrets({ note: `seen ${encode(ODD_KEY)} seen` }, [ODD_KEY]);
		expect(redacted.note).toMatch(/^seen .*\*\*\*.* seen$/);
		expect(redacted.note).not.toContain(coreOf(encode(ODD_KEY)));
	});

	it('masks keys (object keys too) and leaves other text alone', () => {
		const redacted = redactSecrets({ [ODD_KEY]: ['a', `x${ODD_KEY}x`], amount: 5 }, [ODD_KEY]);
		expect(redacted).toEqual({ '***': ['a', 'x***x'], amount: 5 });
	});

	it.each([
		['"k3y"', '"***"'],
		['x-api-key: k3y', 'x-api-key: ***'],
		['key=k3y&x=1', 'key=***&x=1'],
		['k3y', '***'],
		['k3yboard', 'k3yboard'],
		['slk3y', 'slk3y'],
		['k3y_1 k3y-2 1k3y', 'k3y_1 k3y-2 1k3y'],
	])('a 3-character key in %s', (text, expected) => {
		expect(redactSecrets(text, ['k3y'])).toBe(expected);
	});

	it('a 1-character key masks only that character standing alone, not every occurrence', () => {
		expect(redactSecrets('key 7 of 17 (v7)', ['7'])).toBe('key *** of 17 (v7)');
	});

	it('the Base64 of a short key is not hunted inside other text (it would match by chance)', () => {
		expect(redactSecrets('QUJD and ABCD', ['ABC'])).toBe('QUJD and ABCD');
	});

	it('credentialSecrets takes every password field, short ones included, and not the others', () => {
		expect(credentialSecrets({ apiKey: ' ab ', merchantNo: '500000000007245', webhookSignatureCert: '' })).toEqual([
			'ab',
		]);
	});
});
