import { createVerify } from 'crypto';
import { createEmulator } from '../../emulator/server';
import { client, start, MERCHANT, type Running } from './helpers';

describe('emulator: faults, control plane and reset', () => {
	let r: Running;
	afterEach(async () => r.emu.close());

	it('rate limits per merchant: a burst of 1000 gets ~100 through, the rest 429 with Retry-After', async () => {
		r = await start({ rateLimitPerSec: 100 });
		const started = Date.now();
		const results = await Promise.all(Array.from({ length: 1000 }, () => r.api.get('/api/v1/customers')));
		// The window slides: a burst that takes longer than a second (a loaded machine) earns
		// another 100 for every further second it spans, and never more.
		const windows = Math.floor((Date.now() - started) / 1000) + 1;
		const ok = results.filter((x) => x.status === 200);
		const limited = results.filter((x) => x.status === 429);
		expect(ok.length + limited.length).toBe(1000);
		expect(ok.length).toBeGreaterThanOrEqual(100);
		expect(ok.length).toBeLessThanOrEqual(100 * windows);
		expect(limited[0].data).toEqual({ code: 'rate_limited', source: null, message: expect.any(String) });
		for (const l of limited) expect(Number(l.headers['retry-after'])).toBeGreaterThanOrEqual(1);
		// other merchants have their own budget; the control plane is never limited
		expect((await client(r.url, 'OTHER').get('/api/v1/customers')).status).toBe(200);
		expect((await r.raw.get('/__emulator/health')).status).toBe(200);
	});

	it('serverErrorRate 1 answers 500 service_unavailable and stores nothing', async () => {
		r = await start();
		const cfg = await r.raw.post('/__emulator/config', { serverErrorRate: 1 });
		expect(cfg.data).toMatchObject({ serverErrorRate: 1, latencyMs: 0 });
		const res = await r.api.post('/api/v1/customers/create', { merchant_customer_id: 'X-1' });
		expect(res.status).toBe(500);
		expect(res.data).toMatchObject({ code: 'service_unavailable', source: null });
		await r.raw.post('/__emulator/config', { serverErrorRate: 0 });
		expect((await r.api.get('/api/v1/customers')).data.items).toHaveLength(0);
		expect((await r.api.post('/api/v1/customers/create', { merchant_customer_id: 'X-1' })).status).toBe(200);
	});

	it('resetRate 1 destroys the connection without applying the change', async () => {
		r = await start({ resetRate: 1 });
		await expect(r.api.post('/api/v1/customers/create', { merchant_customer_id: 'R-1' })).rejects.toThrow();
		r.emu.setConfig({ resetRate: 0 });
		expect((await r.api.get('/api/v1/customers')).data.items).toHaveLength(0);
	});

	it('makes faults deterministic with a seed', async () => {
		const pattern = async () => {
			const run = await start({ seed: 42, serverErrorRate: 0.5 });
			const statuses: number[] = [];
			for (let i = 0; i < 30; i++) statuses.push((await run.api.get('/api/v1/customers')).status);
			await run.emu.close();
			return statuses;
		};
		const a = await pattern();
		const b = await pattern();
		expect(a).toEqual(b);
		expect(a).toContain(500);
		expect(a).toContain(200);
		r = await start();
	});

	it('adds latency to API responses only', async () => {
		r = await start({ latencyMs: 150 });
		let t = Date.now();
		await r.api.get('/api/v1/customers');
		expect(Date.now() - t).toBeGreaterThanOrEqual(140);
		t = Date.now();
		await r.raw.get('/__emulator/config');
		expect(Date.now() - t).toBeLessThan(140);
	});

	it('validates config updates', async () => {
		r = await start();
		expect((await r.raw.post('/__emulator/config', { serverErrorRate: 2 })).status).toBe(400);
		expect((await r.raw.post('/__emulator/config', { latencyMs: -1 })).status).toBe(400);
		expect((await r.raw.post('/__emulator/config', { bogus: 1 })).status).toBe(400);
		const ok = await r.raw.post('/__emulator/config', { timeScale: 1000, rateLimitPerSec: 5 });
		expect(ok.data).toMatchObject({ timeScale: 1000, rateLimitPerSec: 5 });
		expect((await r.raw.get('/__emulator/config')).data).toEqual(ok.data);
	});

	it('reset empties store and logs and restores the startup config', async () => {
		r = await start({ latencyMs: 1 });
		await r.api.post('/api/v1/customers/create', { merchant_customer_id: 'Z-1' });
		await r.api.post('/api/v1/webhooks/create', { url: 'http://127.0.0.1:9/x', events: ['*'], status: 'disabled' });
		await r.raw.post('/__emulator/events', { merchant_no: MERCHANT, name: 'invoice.paid', data: {} });
		await r.raw.post('/__emulator/config', { serverErrorRate: 1, latencyMs: 0 });
		const res = await r.raw.post('/__emulator/reset', {});
		expect(res.status).toBe(200);
		expect((await r.raw.get('/__emulator/config')).data).toMatchObject({ serverErrorRate: 0, latencyMs: 1 });
		expect((await r.raw.get('/__emulator/requests')).data.items).toHaveLength(0);
		expect((await r.raw.get('/__emulator/events')).data.items).toHaveLength(0);
		expect((await r.raw.get('/__emulator/deliveries')).data.items).toHaveLength(0);
		expect((await r.api.get('/api/v1/customers')).data.items).toHaveLength(0);
		expect((await r.api.get('/api/v1/webhooks')).data.items).toHaveLength(0);
		expect((await r.api.post('/api/v1/customers/create', { merchant_customer_id: 'Z-1' })).status).toBe(200);
	});

	it('generates its own RSA key when none is given and serves it', async () => {
		const emu = createEmulator();
		const { url } = await emu.listen(0);
		r = { emu, url, api: client(url), raw: client(url) };
		const served = (await r.raw.get('/__emulator/public-key', { responseType: 'text' })).data as string;
		expect(served).toBe(emu.publicKeyPem);
		const sig = emu.dispatcher.sign('hello');
		expect(createVerify('RSA-SHA256').update('hello').verify(served, sig, 'base64')).toBe(true);
		const health = await r.raw.get('/__emulator/health');
		expect(health.data).toMatchObject({ status: 'ok', url });
	});

	it('refuses to bind a non-loopback address', async () => {
		const emu = createEmulator();
		await expect(emu.listen(0, '0.0.0.0')).rejects.toThrow(/loopback/);
		r = await start();
	});
});
