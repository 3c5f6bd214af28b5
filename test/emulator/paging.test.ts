import { client, start, type Running } from './helpers';

describe('emulator: lists and paging', () => {
	let r: Running;
	beforeEach(async () => {
		r = await start();
	});
	afterEach(async () => r.emu.close());

	async function createCustomers(n: number, prefix = 'C') {
		const ids: string[] = [];
		for (let i = 0; i < n; i++) {
			const res = await r.api.post('/api/v1/customers/create', {
				merchant_customer_id: `${prefix}-${i}`,
				email: i % 2 ? `odd${i}@example.com` : `even${i}@example.com`,
				phone: `+1555000${i}`,
			});
			ids.push(res.data.id);
		}
		return ids;
	}

	it('pages newest first with page_num (0-based), page_size (default 10) and has_more', async () => {
		const ids = await createCustomers(25);
		const newestFirst = [...ids].reverse();
		const first = await r.api.get('/api/v1/customers');
		expect(first.status).toBe(200);
		expect(first.data.items).toHaveLength(10);
		expect(first.data.has_more).toBe(true);
		const seen: string[] = [];
		for (let page = 0; ; page++) {
			const res = await r.api.get('/api/v1/customers', { params: { page_num: page, page_size: 7 } });
			seen.push(...res.data.items.map((c: { id: string }) => c.id));
			if (!res.data.has_more) break;
		}
		expect(seen).toEqual(newestFirst);
		const last = await r.api.get('/api/v1/customers', { params: { page_num: 3, page_size: 7 } });
		expect(last.data.items).toHaveLength(4);
		expect(last.data.has_more).toBe(false);
		const beyond = await r.api.get('/api/v1/customers', { params: { page_num: 9, page_size: 7 } });
		expect(beyond.data).toEqual({ items: [], has_more: false });
	});

	it('clamps page_size to 100', async () => {
		await createCustomers(120);
		const res = await r.api.get('/api/v1/customers', { params: { page_size: 500 } });
		expect(res.data.items).toHaveLength(100);
		expect(res.data.has_more).toBe(true);
		const second = await r.api.get('/api/v1/customers', { params: { page_size: 500, page_num: 1 } });
		expect(second.data.items).toHaveLength(20);
		expect(second.data.has_more).toBe(false);
	});

	it('knob pageBase 1: page_num 1 is the first page, and 0 answers it too', async () => {
		const newestFirst = (await createCustomers(5)).reverse();
		r.emu.setConfig({ pageBase: 1 });
		const page = async (pageNum: number) =>
			(await r.api.get('/api/v1/customers', { params: { page_num: pageNum, page_size: 2 } })).data;
		const ids = (data: { items: Array<{ id: string }> }) => data.items.map((c) => c.id);
		expect(ids(await page(0))).toEqual(newestFirst.slice(0, 2));
		expect(ids(await page(1))).toEqual(newestFirst.slice(0, 2));
		expect(ids(await page(2))).toEqual(newestFirst.slice(2, 4));
		expect(await page(3)).toEqual({ items: [expect.objectContaining({ id: newestFirst[4] })], has_more: false });
		r.emu.reset();
		expect(r.emu.config.pageBase).toBe(0);
	});

	it('knobs maxPageSize and pageSizeOverflow: a larger page_size is clamped, or refused on page_size', async () => {
		await createCustomers(30);
		r.emu.setConfig({ maxPageSize: 20 });
		const clamped = await r.api.get('/api/v1/customers', { params: { page_size: 100 } });
		expect(clamped.data.items).toHaveLength(20);
		r.emu.setConfig({ pageSizeOverflow: 'reject' });
		const refused = await r.api.get('/api/v1/customers', { params: { page_size: 21 } });
		expect(refused.status).toBe(400);
		expect(refused.data).toEqual({
			code: 'invalid_argument',
			source: 'page_size',
			message: 'page_size must be at most 20',
		});
		expect((await r.api.get('/api/v1/customers', { params: { page_size: 20 } })).data.items).toHaveLength(20);
		const badKnob = await r.raw.post('/__emulator/config', { pageSizeOverflow: 'drop' });
		expect(badKnob.status).toBe(400);
		expect((await r.raw.post('/__emulator/config', { pageBase: 2 })).data.source).toBe('pageBase');
	});

	it('rejects malformed paging parameters', async () => {
		expect((await r.api.get('/api/v1/customers', { params: { page_num: -1 } })).data.source).toBe('page_num');
		expect((await r.api.get('/api/v1/customers', { params: { page_size: 'ten' } })).data.source).toBe('page_size');
		expect((await r.api.get('/api/v1/customers', { params: { from_created_at: 'yesterday' } })).data.source).toBe(
			'from_created_at',
		);
	});

	it('filters customers by email, merchant_customer_id and phone', async () => {
		await createCustomers(6);
		let res = await r.api.get('/api/v1/customers', { params: { email: 'odd3@example.com' } });
		expect(res.data.items.map((c: { merchant_customer_id: string }) => c.merchant_customer_id)).toEqual(['C-3']);
		res = await r.api.get('/api/v1/customers', { params: { merchant_customer_id: 'C-4' } });
		expect(res.data.items).toHaveLength(1);
		res = await r.api.get('/api/v1/customers', { params: { phone: '+15550005' } });
		expect(res.data.items[0].merchant_customer_id).toBe('C-5');
	});

	it('filters by creation time (inclusive bounds)', async () => {
		await createCustomers(3);
		const all = await r.api.get('/api/v1/customers');
		const createdAt = all.data.items[0].create_at as string;
		expect(createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
		const inRange = await r.api.get('/api/v1/customers', {
			params: { from_created_at: '2000-01-01T00:00:00Z', to_created_at: createdAt },
		});
		expect(inRange.data.items.length).toBeGreaterThanOrEqual(1);
		const future = await r.api.get('/api/v1/customers', { params: { from_created_at: '2999-01-01T00:00:00Z' } });
		expect(future.data.items).toHaveLength(0);
		const past = await r.api.get('/api/v1/customers', { params: { to_created_at: '2000-01-01T00:00:00Z' } });
		expect(past.data.items).toHaveLength(0);
	});

	it('filters payment intents, subscriptions, invoices and refunds', async () => {
		const cus = (await r.api.post('/api/v1/customers/create', { merchant_customer_id: 'F-1' })).data.id as string;
		for (let i = 0; i < 4; i++) {
			await r.api.post('/api/v1/payment_intents/create', {
				amount: 10 + i,
				currency: 'USD',
				merchant_order_id: `F-ORDER-${i}`,
				customer_id: i < 2 ? cus : undefined,
				confirm: i === 0,
				payment_method_data: i === 0 ? { type: 'card', card: { number: '4111111111111111' } } : undefined,
			});
		}
		expect((await r.api.get('/api/v1/payment_intents', { params: { customer_id: cus } })).data.items).toHaveLength(2);
		expect((await r.api.get('/api/v1/payment_intents', { params: { status: 'succeeded' } })).data.items).toHaveLength(
			1,
		);
		const byOrder = await r.api.get('/api/v1/payment_intents', { params: { merchant_order_id: 'F-ORDER-3' } });
		expect(byOrder.data.items.map((p: { amount: number }) => p.amount)).toEqual([13]);

		const sub = await r.api.post('/api/v1/subscriptions/create', {
			customer_id: cus,
			currency: 'USD',
			recurring: { interval: 'month', interval_count: 1, unit_amount: 5 },
		});
		await r.api.post('/api/v1/invoices/create', {
			customer_id: cus,
			currency: 'USD',
			total_amount: 5,
			subscription_id: sub.data.id,
		});
		await r.api.post('/api/v1/invoices/create', { customer_id: cus, currency: 'USD', total_amount: 7 });
		expect(
			(await r.api.get('/api/v1/subscriptions', { params: { customer_id: cus, status: 'incomplete' } })).data.items,
		).toHaveLength(1);
		expect((await r.api.get('/api/v1/invoices', { params: { subscription_id: sub.data.id } })).data.items).toHaveLength(
			1,
		);
		expect(
			(await r.api.get('/api/v1/invoices', { params: { customer_id: cus, status: 'open' } })).data.items,
		).toHaveLength(2);

		const pi = (await r.api.get('/api/v1/payment_intents', { params: { status: 'succeeded' } })).data.items[0];
		await r.api.post('/api/v1/refunds/create', { payment_intent_id: pi.id, amount: 1 });
		expect((await r.api.get('/api/v1/refunds', { params: { payment_intent_id: pi.id } })).data.items).toHaveLength(1);
		expect((await r.api.get('/api/v1/refunds', { params: { payment_intent_id: 'pi_other' } })).data.items).toHaveLength(
			0,
		);
	});

	it('keeps lists per merchant', async () => {
		await createCustomers(3);
		const other = client(r.url, '500000000000999');
		expect((await other.get('/api/v1/customers')).data).toEqual({ items: [], has_more: false });
	});
});
