/**
 * The emulator cannot be turned against itself: webhooks may not point at it, its logs stay
 * within a byte budget whatever clients send, and malformed paths or over-deep JSON get 400.
 */
import { sleep } from 'n8n-workflow';
import { parseArgs } from '../../emulator/cli';
import { client, emulatorPerTest, orderId, MERCHANT, type EmulatorOptions, type Running } from './helpers';

const OTHER_MERCHANT = '500000000000777';

/** JSON text of `levels` nested objects: {"a":{"a":…1…}}. */
const nestedObjects = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

describe('emulator: hardening', () => {
	let r: Running;
	const started = emulatorPerTest();
	const open = async (options?: EmulatorOptions) => (r = await started(options));

	describe('webhooks that point at the emulator itself', () => {
		/** Every customer and webhook endpoint of both merchants, as the API lists them. */
		async function snapshot() {
			const other = client(r.url, OTHER_MERCHANT);
			const read = async (api: typeof r.api, path: string) => (await api.get(path)).data;
			return {
				customers: await read(r.api, '/api/v1/customers'),
				webhooks: await read(r.api, '/api/v1/webhooks'),
				otherCustomers: await read(other, '/api/v1/customers'),
			};
		}

		it('are refused at create and update with 400 invalid_argument on url, and nothing changes', async () => {
			r = await open();
			const port = new URL(r.url).port;
			await r.api.post('/api/v1/customers/create', { merchant_customer_id: 'KEEP-1' });
			await client(r.url, OTHER_MERCHANT).post('/api/v1/customers/create', { merchant_customer_id: 'KEEP-2' });
			const receiver = await r.api.post('/api/v1/webhooks/create', {
				url: 'http://127.0.0.1:9/hooks',
				events: ['*'],
			});
			expect(receiver.status).toBe(200);
			const before = await snapshot();
			const selfUrls = [
				`${r.url}/__emulator/reset`,
				`http://127.0.0.1:${port}`,
				`http://localhost:${port}/__emulator/config`,
				`http://LOCALHOST:${port}/api/v1/customers/create`,
				`http://[::1]:${port}/__emulator/reset`,
				`http://0.0.0.0:${port}/__emulator/reset`,
				`https://127.0.0.1:${port}/hooks`,
			];
			for (const url of selfUrls) {
				const created = await r.api.post('/api/v1/webhooks/create', { url, events: ['*'] });
				expect({ url, status: created.status, code: created.data.code, source: created.data.source }).toEqual({
					url,
					status: 400,
					code: 'invalid_argument',
					source: 'url',
				});
				const updated = await r.api.post(`/api/v1/webhooks/${receiver.data.id}`, { url });
				expect({ url, status: updated.status, source: updated.data.source }).toEqual({
					url,
					status: 400,
					source: 'url',
				});
			}
			expect((await r.api.post('/api/v1/webhooks/create', { url: `${r.url}/x`, events: ['*'] })).data.message).toBe(
				`url points at the UseePay emulator itself (${r.url}); webhooks must go to a receiver`,
			);
			// events still flow, and nothing (data, endpoints) was changed by any of this
			await r.api.post('/api/v1/payment_intents/create', { amount: 1, currency: 'USD', merchant_order_id: orderId() });
			await r.api.post('/api/v1/customers/create', { merchant_customer_id: 'KEEP-3' });
			const after = await snapshot();
			expect(after.webhooks).toEqual(before.webhooks);
			expect(after.otherCustomers).toEqual(before.otherCustomers);
			expect(after.customers.items.map((c: { merchant_customer_id: string }) => c.merchant_customer_id)).toEqual([
				'KEEP-3',
				'KEEP-1',
			]);
		});

		it('another port on the loopback is still a receiver', async () => {
			r = await open();
			const port = Number(new URL(r.url).port);
			const other = port === 65535 ? port - 1 : port + 1;
			for (const url of [`http://127.0.0.1:${other}/hook`, `http://localhost:${other}/hook`, 'http://127.0.0.1/hook']) {
				expect((await r.api.post('/api/v1/webhooks/create', { url, events: ['*'] })).status).toBe(200);
			}
		});

		it('are never delivered to, even if one got into the store', async () => {
			r = await open({ timeScale: 1000 });
			r.emu.store.insert(MERCHANT, 'webhooks', {
				id: 'wek_planted',
				url: `${r.url}/__emulator/reset`,
				events: ['*'],
				status: 'enabled',
				api_version: '2026-04',
				app_id: 'shop.example.com',
			});
			await r.api.post('/api/v1/customers/create', { merchant_customer_id: 'KEEP-1' });
			await r.api.post('/api/v1/payment_intents/create', { amount: 1, currency: 'USD', merchant_order_id: orderId() });
			await sleep(300);
			expect((await r.api.get('/api/v1/customers')).data.items).toHaveLength(1);
			expect(r.emu.deliveries()).toEqual([]);
			expect(r.emu.dispatcher.timers.size).toBe(0);
		});
	});

	describe('logs are capped in bytes', () => {
		it('keeps no body of a rejected ~1 MB request: after 1,500 of them the logs stay far under the cap', async () => {
			r = await open();
			const megabyte = 'x'.repeat(1_000_000);
			const bodies = [
				// unknown path, invalid JSON, a valid JSON body that fails validation
				{ path: '/api/v1/nowhere', body: megabyte },
				{ path: '/api/v1/customers/create', body: `{${megabyte}` },
				{ path: '/api/v1/customers/create', body: JSON.stringify({ description: megabyte }) },
			];
			const post = (i: number) => {
				const { path, body } = bodies[i % bodies.length];
				return r.api.post(path, body, {
					headers: { 'content-type': 'application/json' },
					transformRequest: (d) => d,
					maxBodyLength: Infinity,
				});
			};
			for (let i = 0; i < 1500; i += 10) {
				const answers = await Promise.all(Array.from({ length: 10 }, (_, j) => post(i + j)));
				for (const a of answers) expect([400, 404]).toContain(a.status);
			}
			const stats = (await r.raw.get('/__emulator/stats')).data;
			expect(stats.log_byte_limit).toBe(64 * 1024 * 1024);
			expect(stats.requests).toMatchObject({ entries: 1500, total: 1500 });
			// each entry is its headers, path and status: ~1 KB, not ~1 MB
			expect(stats.requests.bytes).toBeLessThan(1500 * 2048);
			expect(stats.log_bytes).toBeLessThan(stats.log_byte_limit);
			const logged = (await r.raw.get('/__emulator/requests', { params: { limit: 3 } })).data.items;
			for (const entry of logged) expect(entry).toMatchObject({ body: null, body_dropped_bytes: expect.any(Number) });
			// a small rejected body is still shown
			await r.api.post('/api/v1/customers/create', { email: 'not an email' });
			const last = (await r.raw.get('/__emulator/requests', { params: { limit: 1 } })).data.items[0];
			expect(last).toMatchObject({ status: 400, body: { email: 'not an email' } });
		}, 180_000);

		it('forgets the oldest requests and events beyond the byte budget (logByteLimit)', async () => {
			const budget = 1024 * 1024; // requests 512 KiB, events 384 KiB, deliveries 128 KiB
			r = await open({ logByteLimit: budget });
			const description = 'd'.repeat(50_000);
			for (let i = 0; i < 40; i++) {
				const res = await r.api.post('/api/v1/payment_intents/create', {
					amount: 1,
					currency: 'USD',
					merchant_order_id: `BIG-${i}`,
					description,
				});
				expect(res.status).toBe(200);
			}
			const stats = (await r.raw.get('/__emulator/stats')).data;
			expect(stats.log_byte_limit).toBe(budget);
			expect(stats.requests.byte_limit).toBe(budget / 2);
			expect(stats.events.byte_limit).toBe((budget * 3) / 8);
			expect(stats.deliveries.byte_limit).toBe(budget / 8);
			expect(stats.requests.bytes).toBeLessThanOrEqual(budget / 2);
			expect(stats.requests.entries).toBeLessThan(40);
			expect(stats.requests.entries).toBeGreaterThanOrEqual(9);
			expect(stats.requests.total).toBe(40);
			expect(stats.events.bytes).toBeLessThanOrEqual((budget * 3) / 8);
			expect(stats.events.entries).toBeLessThan(40);
			expect(stats.events.total).toBe(40);
			expect(stats.log_bytes).toBe(stats.requests.bytes + stats.events.bytes + stats.deliveries.bytes);
			// the newest are the ones kept
			const kept = r.emu.requests();
			expect(kept[kept.length - 1].body.merchant_order_id).toBe('BIG-39');
			expect(kept[0].body.merchant_order_id).toBe(`BIG-${40 - kept.length}`);
			const events = (await r.raw.get('/__emulator/events')).data.items;
			expect(events).toHaveLength(stats.events.entries);
			// reset empties them
			await r.raw.post('/__emulator/reset', {});
			const empty = (await r.raw.get('/__emulator/stats')).data;
			expect(empty).toMatchObject({ log_bytes: 0, requests: { entries: 0, bytes: 0 }, events: { entries: 0 } });
		});

		it('takes the budget as a CLI flag and refuses a silly one', async () => {
			expect(parseArgs(['--log-byte-limit', '4096']).logByteLimit).toBe(4096);
			const { createEmulator } = await import('../../emulator/server');
			expect(() => createEmulator({ logByteLimit: 10 })).toThrow(
				'logByteLimit must be a whole number of bytes >= 1024',
			);
		});
	});

	describe('malformed input gets 400, not 500', () => {
		it('malformed percent-encoding in control-plane paths', async () => {
			r = await open();
			const answers = [
				await r.raw.get('/__emulator/events/%E0%A4%A'),
				await r.raw.get('/__emulator/3ds/%ZZ'),
				await r.raw.get('/__emulator/pay/%'),
				await r.raw.post('/__emulator/checkout_sessions/%C3%28%/complete', {}),
			];
			for (const a of answers) {
				expect(a.status).toBe(400);
				expect(a.data).toMatchObject({ code: 'invalid_argument', source: null });
			}
			expect(answers[0].data.message).toBe('Malformed percent-encoding in path segment %E0%A4%A');
			expect((await r.raw.get('/__emulator/events/evt_%41')).status).toBe(404);
		});

		it('over-deep JSON: 100,000 levels on the API and on the control plane; the logs stay readable', async () => {
			r = await open();
			const raw = (path: string, body: string, api = r.raw) =>
				api.post(path, body, { headers: { 'content-type': 'application/json' }, transformRequest: (d) => d });
			const deepArrays = '['.repeat(100_000) + ']'.repeat(100_000);
			for (const body of [nestedObjects(100_000), deepArrays]) {
				const res = await raw('/api/v1/customers/create', body, r.api);
				expect(res.status).toBe(400);
				expect(res.data).toEqual({
					code: 'invalid_argument',
					source: null,
					message: 'Request body nests deeper than 64 levels',
				});
			}
			const deepEvent = `{"merchant_no":"${MERCHANT}","name":"x.y","data":${nestedObjects(100_000)}}`;
			const control = await raw('/__emulator/events', deepEvent);
			expect(control.status).toBe(400);
			expect(control.data).toEqual({
				code: 'invalid_argument',
				source: null,
				message: 'Body nests deeper than 64 levels',
			});
			expect((await raw('/__emulator/config', nestedObjects(100_000))).status).toBe(400);
			// the boundary: 64 levels in all are fine, 65 are not
			const at = (levels: number) => `{"merchant_customer_id":"D-${levels}","metadata":${nestedObjects(levels - 1)}}`;
			expect((await raw('/api/v1/customers/create', at(64), r.api)).status).toBe(200);
			expect((await raw('/api/v1/customers/create', at(65), r.api)).status).toBe(400);
			const log = await r.raw.get('/__emulator/requests');
			expect(log.status).toBe(200);
			expect(log.data.items.map((e: { status: number }) => e.status)).toEqual([400, 400, 200, 400]);
			expect((await r.raw.get('/__emulator/events')).status).toBe(200);
		});
	});
});
