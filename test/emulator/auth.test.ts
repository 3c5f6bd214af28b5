import { client, start, API_KEY, type Running } from './helpers';

describe('emulator: authentication and merchant isolation', () => {
	let r: Running;
	afterEach(async () => r.emu.close());

	it('rejects requests missing any of the three headers with 401 unauthorized', async () => {
		r = await start();
		for (const missing of ['x-merchant-no', 'x-api-key', 'x-app-id']) {
			const headers: Record<string, string> = { 'x-merchant-no': 'M1', 'x-api-key': API_KEY, 'x-app-id': 'app' };
			delete headers[missing];
			const res = await r.raw.get('/api/v1/customers', { headers });
			expect(res.status).toBe(401);
			expect(res.data).toEqual({ code: 'unauthorized', source: null, message: expect.any(String) });
		}
	});

	it('rejects a wrong API key without echoing it', async () => {
		r = await start();
		const res = await client(r.url, 'M1', 'UseePay_SK_wrong_secret').get('/api/v1/customers');
		expect(res.status).toBe(401);
		expect(res.data.code).toBe('unauthorized');
		expect(JSON.stringify(res.data)).not.toContain('UseePay_SK_wrong_secret');
	});

	it('accepts configured merchants with their own key and app id only', async () => {
		r = await start({ merchants: [{ merchantNo: 'M9', apiKey: 'UseePay_SK_m9', appId: 'm9.example' }] });
		expect((await client(r.url, 'M9', 'UseePay_SK_m9', 'm9.example').get('/api/v1/customers')).status).toBe(200);
		expect((await client(r.url, 'M9', API_KEY, 'm9.example').get('/api/v1/customers')).status).toBe(401);
		expect((await client(r.url, 'M9', 'UseePay_SK_m9', 'other.app').get('/api/v1/customers')).status).toBe(401);
		// unknown merchants still work with the default key unless allowAnyMerchant is false
		expect((await client(r.url, 'M10').get('/api/v1/customers')).status).toBe(200);
	});

	it('can restrict access to configured merchants', async () => {
		r = await start({ allowAnyMerchant: false, merchants: [{ merchantNo: 'M9', apiKey: 'k9' }] });
		expect((await client(r.url, 'M10').get('/api/v1/customers')).status).toBe(401);
		expect((await client(r.url, 'M9', 'k9', 'any-app').get('/api/v1/customers')).status).toBe(200);
	});

	it("hides another merchant's objects (404) and does not list them", async () => {
		r = await start();
		const a = client(r.url, 'MA');
		const b = client(r.url, 'MB');
		const created = await a.post('/api/v1/customers/create', { merchant_customer_id: 'C-1' });
		expect(created.status).toBe(200);
		expect(created.data).toMatchObject({ merchant_no: 'MA', app_id: expect.any(String) });
		const id = created.data.id as string;
		const other = await b.get(`/api/v1/customers/${id}`);
		expect(other.status).toBe(404);
		expect(other.data.code).toBe('resource_not_found');
		expect((await b.post(`/api/v1/customers/${id}`, { name: 'x' })).status).toBe(404);
		expect((await b.get('/api/v1/customers')).data.items).toHaveLength(0);
		// referencing it in a body is refused too
		const pi = await b.post('/api/v1/payment_intents/create', {
			amount: 1,
			currency: 'USD',
			merchant_order_id: 'o-1',
			customer_id: id,
		});
		expect(pi.status).toBe(404);
		expect(pi.data.source).toBe('customer_id');
		// the same merchant_customer_id is fine for another merchant
		expect((await b.post('/api/v1/customers/create', { merchant_customer_id: 'C-1' })).status).toBe(200);
	});

	it('answers unknown paths with 404 resource_not_found', async () => {
		r = await start();
		const res = await r.api.get('/api/v1/nope');
		expect(res.status).toBe(404);
		expect(res.data).toMatchObject({ code: 'resource_not_found', source: null });
		expect((await r.api.get('/elsewhere')).status).toBe(404);
	});

	it('does not log the API key in the request log', async () => {
		r = await start();
		await r.api.get('/api/v1/customers?page_size=5');
		const log = await r.raw.get('/__emulator/requests');
		expect(log.status).toBe(200);
		const entry = log.data.items[log.data.items.length - 1];
		expect(entry).toMatchObject({ method: 'GET', path: '/api/v1/customers', query: { page_size: '5' }, status: 200 });
		expect(entry.headers['x-api-key']).toBe('***');
		expect(JSON.stringify(log.data)).not.toContain(API_KEY);
	});
});
