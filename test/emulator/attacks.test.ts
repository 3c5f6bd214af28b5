/**
 * The emulator, run as users run it (its own process), bounds every body
 * (API and control plane) and answers 413 in UseePay's error shape; its control plane takes JSON
 * from programs on this machine only, not cross-site requests from web pages. Every attack gets a
 * 4xx, and the emulator keeps serving.
 */
import type { EmulatorProcess } from '../support/emulatorProcess';
import { rawRequest, startEmulatorProcess } from '../support/emulatorProcess';

const AUTH = { 'x-merchant-no': '500000000000001', 'x-api-key': 'UseePay_SK_emulator', 'x-app-id': 'shop.example.com' };
const JSON_TYPE = { 'content-type': 'application/json' };
const MIB = 1024 * 1024;
const TOO_LARGE = { code: 'request_too_large', source: null, message: 'Request body too large (max 1 MiB)' };

describe('emulator under attack', () => {
	let emulator: EmulatorProcess;

	beforeAll(async () => {
		emulator = await startEmulatorProcess();
	});

	afterAll(async () => {
		await emulator.stop();
	});

	const url = (path: string) => `${emulator.url}${path}`;
	const rss = async () =>
		((await rawRequest(url('/__emulator/health'), { method: 'GET' })).body as { rss_bytes: number }).rss_bytes;

	/** The emulator still answers its control plane and its API. */
	async function expectServing() {
		expect(emulator.alive()).toBe(true);
		expect((await rawRequest(url('/__emulator/health'), { method: 'GET' })).status).toBe(200);
		const created = await rawRequest(url('/api/v1/customers/create'), {
			headers: { ...AUTH, ...JSON_TYPE },
			body: JSON.stringify({ merchant_customer_id: `ALIVE-${Math.random()}` }),
		});
		expect(created.status).toBe(200);
	}

	it('an API body over 1 MiB gets 413 in UseePay error shape (it was a connection reset)', async () => {
		const answer = await rawRequest(url('/api/v1/customers/create'), {
			headers: { ...AUTH, ...JSON_TYPE },
			body: JSON.stringify({ merchant_customer_id: 'BIG', description: 'x'.repeat(MIB) }),
		});
		expect(answer).toEqual({ status: 413, body: TOO_LARGE });
		await expectServing();
	});

	// Memory: an emulator that kept the body would grow by at least its size; one that drops it
	// grows by what the garbage collector has not handed back yet (tens of MiB under load).
	it('an API body of 128 MiB gets 413 and costs no memory', async () => {
		const before = await rss();
		const answer = await rawRequest(url('/api/v1/customers/create'), {
			headers: { ...AUTH, ...JSON_TYPE },
			body: 128 * MIB,
		});
		expect(answer).toEqual({ status: 413, body: TOO_LARGE });
		expect((await rss()) - before).toBeLessThan(64 * MIB);
		await expectServing();
	});

	// The request log used to keep every rejected body: 1,500 of ~1 MB took the emulator from 52 MB to 1.5 GB.
	it('1,500 rejected requests of ~1 MB each: its memory stays within 200 MB of where it started', async () => {
		const before = await rss();
		const body = `{"merchant_customer_id": "${'x'.repeat(1000 * 1000)}`; // not JSON: 400
		for (let sent = 0; sent < 1500; sent += 10) {
			const answers = await Promise.all(
				Array.from({ length: 10 }, () =>
					rawRequest(url('/api/v1/customers/create'), { headers: { ...AUTH, ...JSON_TYPE }, body }),
				),
			);
			expect(answers.map((answer) => answer.status)).toEqual(Array(10).fill(400));
		}
		expect((await rss()) - before).toBeLessThan(200 * 1000 * 1000);
		await expectServing();
	}, 120000);

	it('a 600 MB POST to the control plane gets 413 and costs no memory (it crashed the emulator)', async () => {
		const before = await rss();
		const answer = await rawRequest(url('/__emulator/events'), { headers: JSON_TYPE, body: 600 * 1000 * 1000 });
		expect(answer).toEqual({ status: 413, body: TOO_LARGE });
		expect((await rss()) - before).toBeLessThan(64 * MIB);
		await expectServing();
	}, 120000);

	const event = JSON.stringify({ merchant_no: AUTH['x-merchant-no'], name: 'payment_intent.succeeded', data: {} });
	const events = async () =>
		((await rawRequest(url('/__emulator/events'), { method: 'GET' })).body as { items: unknown[] }).items.length;

	it.each([
		[
			'a web page posting text/plain (no CORS preflight needed)',
			{ origin: 'https://evil.example', 'content-type': 'text/plain' },
			403,
		],
		['a web page posting JSON', { origin: 'https://evil.example', ...JSON_TYPE }, 403],
		['a sandboxed page (Origin: null)', { origin: 'null', ...JSON_TYPE }, 403],
		['a page on a name resolving to 127.0.0.1 (DNS rebinding)', { host: 'evil.example:4010', ...JSON_TYPE }, 403],
		['a form post', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
		['text/plain without an Origin', { 'content-type': 'text/plain' }, 415],
		['no content type', {}, 415],
	])('%s cannot emit events, reset or reconfigure', async (_name, headers, status) => {
		const before = await events();
		for (const [path, body] of [
			['/__emulator/events', event],
			['/__emulator/reset', '{}'],
			['/__emulator/config', '{"serverErrorRate": 1}'],
		]) {
			const answer = await rawRequest(url(path), { headers: headers as Record<string, string>, body });
			expect([path, answer.status]).toEqual([path, status]);
			expect(answer.body).toMatchObject({ code: expect.any(String), source: null, message: expect.any(String) });
		}
		expect(await events()).toBe(before);
		const config = (await rawRequest(url('/__emulator/config'), { method: 'GET' })).body;
		expect(config).toMatchObject({ serverErrorRate: 0 });
		await expectServing();
	});

	it('loopback callers with JSON still drive it: tools (no Origin) and the n8n editor on localhost', async () => {
		for (const origin of [undefined, 'http://127.0.0.1:5678', 'http://localhost:5678', 'http://[::1]:5678']) {
			const before = await events();
			const headers: Record<string, string> = { ...JSON_TYPE, ...(origin ? { origin } : {}) };
			const answer = await rawRequest(url('/__emulator/events'), { headers, body: event });
			expect([origin, answer.status]).toEqual([origin, 200]);
			expect(await events()).toBe(before + 1);
		}
	});

	it('an invalid JSON body and a non-object body still get 400', async () => {
		for (const body of ['{', '[1]', '"x"']) {
			const answer = await rawRequest(url('/__emulator/config'), { headers: JSON_TYPE, body });
			expect(answer.status).toBe(400);
		}
		await expectServing();
	});
});
