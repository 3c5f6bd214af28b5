import { start, orderId, type Running } from './helpers';

describe('emulator: request validation', () => {
	let r: Running;
	beforeEach(async () => {
		r = await start();
	});
	afterEach(async () => r.emu.close());

	it('reports missing required fields with field_required and the field as source', async () => {
		let res = await r.api.post('/api/v1/payment_intents/create', { amount: 10, merchant_order_id: orderId() });
		expect(res.status).toBe(400);
		expect(res.data).toEqual({ code: 'field_required', source: 'currency', message: expect.any(String) });

		res = await r.api.post('/api/v1/customers/create', { name: 'No Id' });
		expect(res.data).toMatchObject({ code: 'field_required', source: 'merchant_customer_id' });

		const cus = await r.api.post('/api/v1/customers/create', { merchant_customer_id: 'C-1' });
		res = await r.api.post('/api/v1/subscriptions/create', {
			customer_id: cus.data.id,
			currency: 'USD',
			recurring: { interval_count: 1, unit_amount: 9.99 },
		});
		expect(res.status).toBe(400);
		expect(res.data).toMatchObject({ code: 'field_required', source: 'recurring.interval' });

		res = await r.api.post('/api/v1/webhooks/create', { url: 'http://127.0.0.1:9/x' });
		expect(res.data).toMatchObject({ code: 'field_required', source: 'events' });
	});

	it('reports wrong types, enums, amounts, currencies and emails with invalid_argument', async () => {
		const bad: Array<[string, Record<string, unknown>, string]> = [
			['/api/v1/payment_intents/create', { amount: '10', currency: 'USD', merchant_order_id: 'a' }, 'amount'],
			['/api/v1/payment_intents/create', { amount: 0, currency: 'USD', merchant_order_id: 'a' }, 'amount'],
			['/api/v1/payment_intents/create', { amount: -5, currency: 'USD', merchant_order_id: 'a' }, 'amount'],
			['/api/v1/payment_intents/create', { amount: 5, currency: 'US', merchant_order_id: 'a' }, 'currency'],
			[
				'/api/v1/payment_intents/create',
				{ amount: 5, currency: 'USD', merchant_order_id: 'a', confirm: 'yes' },
				'confirm',
			],
			['/api/v1/customers/create', { merchant_customer_id: 'x', email: 'not-an-email' }, 'email'],
			['/api/v1/customers/create', { merchant_customer_id: 'x', metadata: 'str' }, 'metadata'],
			['/api/v1/customers/create', { merchant_customer_id: 'x', address: { city: 7 } }, 'address.city'],
			['/api/v1/webhooks/create', { url: 'http://127.0.0.1:9/x', events: ['*'], status: 'on' }, 'status'],
			['/api/v1/webhooks/create', { url: 'http://127.0.0.1:9/x', events: ['nope.event'] }, 'events[0]'],
		];
		for (const [path, body, source] of bad) {
			const res = await r.api.post(path, body);
			expect({ path, source, status: res.status, code: res.data.code, got: res.data.source }).toEqual({
				path,
				source,
				status: 400,
				code: 'invalid_argument',
				got: source,
			});
		}
	});

	it('rejects enum violations in nested objects', async () => {
		const cus = await r.api.post('/api/v1/customers/create', { merchant_customer_id: 'C-2' });
		const res = await r.api.post('/api/v1/subscriptions/create', {
			customer_id: cus.data.id,
			currency: 'USD',
			recurring: { interval: 'fortnight', interval_count: 1, unit_amount: 1 },
		});
		expect(res.data).toMatchObject({ code: 'invalid_argument', source: 'recurring.interval' });
	});

	it('reports duplicates with already_exists', async () => {
		expect((await r.api.post('/api/v1/customers/create', { merchant_customer_id: 'DUP' })).status).toBe(200);
		const dupCus = await r.api.post('/api/v1/customers/create', { merchant_customer_id: 'DUP' });
		expect(dupCus.status).toBe(400);
		expect(dupCus.data).toMatchObject({ code: 'already_exists', source: 'merchant_customer_id' });

		const body = { amount: 5, currency: 'USD', merchant_order_id: 'ORDER-DUP' };
		expect((await r.api.post('/api/v1/payment_intents/create', body)).status).toBe(200);
		const dupPi = await r.api.post('/api/v1/payment_intents/create', body);
		expect(dupPi.status).toBe(400);
		expect(dupPi.data).toMatchObject({ code: 'already_exists', source: 'merchant_order_id' });
	});

	it('requires a JSON object body', async () => {
		let res = await r.api.post('/api/v1/customers/create', '{"merchant_customer_id": ', {
			headers: { 'content-type': 'application/json' },
		});
		expect(res.status).toBe(400);
		expect(res.data.code).toBe('invalid_argument');
		res = await r.api.post('/api/v1/customers/create', '[1,2]', { headers: { 'content-type': 'application/json' } });
		expect(res.status).toBe(400);
		expect(res.data.code).toBe('invalid_argument');
	});

	it('refuses webhook URLs that are not loopback', async () => {
		for (const url of [
			'https://example.com/hook',
			'http://10.0.0.1/x',
			'http://169.254.169.254/',
			'ftp://127.0.0.1/x',
		]) {
			const res = await r.api.post('/api/v1/webhooks/create', { url, events: ['*'] });
			expect(res.status).toBe(400);
			expect(res.data).toMatchObject({ code: 'invalid_argument', source: 'url' });
		}
		for (const url of ['http://127.0.0.1:1/a', 'http://localhost:1/a', 'http://[::1]:1/a', 'http://127.9.9.9:1/a']) {
			expect((await r.api.post('/api/v1/webhooks/create', { url, events: ['*'] })).status).toBe(200);
		}
		const hook = await r.api.post('/api/v1/webhooks/create', { url: 'http://127.0.0.1:1/a', events: ['*'] });
		const upd = await r.api.post(`/api/v1/webhooks/${hook.data.id}`, { url: 'https://evil.example/' });
		expect(upd.data).toMatchObject({ code: 'invalid_argument', source: 'url' });
	});

	it('checks checkout session amounts against line items', async () => {
		const body = {
			mode: 'payment',
			ui_mode: 'custom',
			amount: 50,
			currency: 'USD',
			merchant_order_id: orderId(),
			customer: { name: 'Ada', merchant_customer_id: 'crm-1', email: 'ada@example.com' },
			line_items: [{ quantity: 1, price_data: { product_data: { name: 'Licence' }, unit_amount: 49 } }],
			billing: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' },
		};
		const res = await r.api.post('/api/v1/checkout_sessions', body);
		expect(res.status).toBe(400);
		expect(res.data.message).toBe('amount not equals to item lines');
		const ok = await r.api.post('/api/v1/checkout_sessions', { ...body, amount: 49 });
		expect(ok.status).toBe(200);
		expect(ok.data).toMatchObject({ object: 'checkout.session', status: 'open', payment_status: 'unpaid' });
		expect(ok.data.id).toMatch(/^cs_/);
		const missing = await r.api.post('/api/v1/checkout_sessions', { ...body, amount: 49, line_items: [] });
		expect(missing.data).toMatchObject({ code: 'field_required', source: 'line_items' });
	});
});
