/**
 * The emulator's dialect switches (emulator/dialects.js): each point where UseePay's docs are
 * open, under each value, through real HTTP; and the `sdk` preset that sets the PHP SDK's reading.
 */
import { createEmulator } from '../../emulator/server';
import { parseArgs } from '../../emulator/cli';
import { card, emulatorPerTest, orderId, type EmulatorOptions, type Running } from './helpers';

const DOCS_DIALECT = {
	dialect: 'docs',
	pagingQuery: 'page_num',
	listEnvelope: 'items',
	duplicateAnswer: 'already_exists',
	emptyArrayBody: 'refuse',
	statusSpelling: 'cancelled',
	amounts: 'number',
	maxPageSize: 100,
	pageSizeOverflow: 'clamp',
	pageBase: 0,
	pageZero: 'first',
	filters: 'honoured',
	strictBody: false,
};

const SDK_PRESET = {
	dialect: 'sdk',
	pagingQuery: 'page',
	listEnvelope: 'data',
	duplicateAnswer: 'e11000',
	emptyArrayBody: 'accept',
	statusSpelling: 'canceled',
	amounts: 'string',
	maxPageSize: 20,
	pageSizeOverflow: 'clamp',
};

type Listed = { id: string; merchant_customer_id: string };

describe('emulator: dialects', () => {
	let r: Running;
	const started = emulatorPerTest();
	const open = async (options?: EmulatorOptions) => (r = await started(options));

	/** n customers C-0 … C-(n-1); returns their ids newest first (the list order). */
	async function customers(n: number): Promise<string[]> {
		const ids: string[] = [];
		for (let i = 0; i < n; i++) {
			const res = await r.api.post('/api/v1/customers/create', {
				merchant_customer_id: `C-${i}`,
				email: `c${i}@example.com`,
			});
			expect(res.status).toBe(200);
			ids.push(res.data.id);
		}
		return ids.reverse();
	}
	const list = async (params: Record<string, unknown>) => r.api.get('/api/v1/customers', { params });
	const ids = (items: Listed[]) => items.map((c) => c.id);

	describe('config', () => {
		it('shows the docs reading by default, and the sdk preset expanded, with individual keys winning', async () => {
			r = await open();
			expect((await r.raw.get('/__emulator/config')).data).toMatchObject(DOCS_DIALECT);
			const sdk = await r.raw.post('/__emulator/config', { dialect: 'sdk', amounts: 'number' });
			expect(sdk.status).toBe(200);
			expect(sdk.data).toMatchObject({ ...SDK_PRESET, amounts: 'number', strictBody: false, filters: 'honoured' });
			expect((await r.raw.get('/__emulator/config')).data).toEqual(sdk.data);
			const back = await r.raw.post('/__emulator/config', { dialect: 'docs' });
			expect(back.data).toMatchObject(DOCS_DIALECT);
		});

		it('refuses a bad value with 400 on the key, changing nothing', async () => {
			r = await open();
			for (const [key, value] of [
				['dialect', 'php'],
				['pagingQuery', 'offset'],
				['pageZero', 0],
				['listEnvelope', 'rows'],
				['filters', true],
				['duplicateAnswer', 'conflict'],
				['emptyArrayBody', 'maybe'],
				['statusSpelling', 'CANCELLED'],
				['amounts', 'float'],
				['strictBody', 'yes'],
			] as const) {
				const res = await r.raw.post('/__emulator/config', { [key]: value });
				expect(res.status).toBe(400);
				expect(res.data).toMatchObject({ code: 'invalid_argument', source: key });
			}
			expect((await r.raw.post('/__emulator/config', { dialect: 'sdk', amounts: 'float' })).status).toBe(400);
			expect((await r.raw.get('/__emulator/config')).data).toMatchObject(DOCS_DIALECT);
		});

		it('takes the switches as createEmulator options; reset goes back to them', async () => {
			r = await open({ dialect: 'sdk', maxPageSize: 50, strictBody: true });
			const startup = { ...SDK_PRESET, maxPageSize: 50, strictBody: true };
			expect(r.emu.config).toMatchObject(startup);
			await r.raw.post('/__emulator/config', { dialect: 'docs', strictBody: false, filters: 'ignored' });
			expect(r.emu.config).toMatchObject({ ...DOCS_DIALECT, filters: 'ignored' });
			const reset = await r.raw.post('/__emulator/reset', {});
			expect(reset.data.config).toMatchObject({ ...startup, filters: 'honoured' });
			expect(() => createEmulator({ amounts: 'cents' as 'number' })).toThrow('amounts must be one of: number, string');
		});

		it('takes them as CLI flags', () => {
			const options = parseArgs([
				'--dialect',
				'sdk',
				'--paging-query=none',
				'--page-zero',
				'reject',
				'--list-envelope',
				'items',
				'--filters',
				'ignored',
				'--duplicate-answer',
				'already_exists',
				'--empty-array-body',
				'refuse',
				'--status-spelling',
				'cancelled',
				'--amounts',
				'number',
				'--strict-body',
			]);
			expect(options).toMatchObject({
				dialect: 'sdk',
				pagingQuery: 'none',
				pageZero: 'reject',
				listEnvelope: 'items',
				filters: 'ignored',
				duplicateAnswer: 'already_exists',
				emptyArrayBody: 'refuse',
				statusSpelling: 'cancelled',
				amounts: 'number',
				strictBody: true,
			});
			// the flags make a working emulator (port and merchants are the CLI's own)
			const config = Object.fromEntries(Object.entries(options).filter(([k]) => k !== 'port' && k !== 'merchants'));
			expect(createEmulator(config).config).toMatchObject({ ...config, maxPageSize: 20 });
			expect(parseArgs(['--dialect', 'sdk']).dialect).toBe('sdk');
		});
	});

	describe('pagingQuery', () => {
		it('page_num (default): page_num pages, page and limit are ignored', async () => {
			r = await open();
			const all = await customers(5);
			expect(ids((await list({ page_num: 1, page_size: 2, page: 3, limit: 1 })).data.items)).toEqual(all.slice(2, 4));
		});

		it('page: page counts from 1 (default 1), size from page_size, else limit; page_num is ignored', async () => {
			r = await open({ pagingQuery: 'page' });
			const all = await customers(25);
			const first = await list({ page_num: 2 });
			expect(ids(first.data.items)).toEqual(all.slice(0, 10));
			expect(first.data.has_more).toBe(true);
			expect(ids((await list({ page: 2, page_size: 4, limit: 9 })).data.items)).toEqual(all.slice(4, 8));
			expect(ids((await list({ page: 3, limit: 6 })).data.items)).toEqual(all.slice(12, 18));
			const last = await list({ page: 3, page_size: 10 });
			expect(ids(last.data.items)).toEqual(all.slice(20));
			expect(last.data.has_more).toBe(false);
			const bad = await list({ page: 'two' });
			expect(bad.status).toBe(400);
			expect(bad.data).toEqual({ code: 'invalid_argument', source: 'page', message: 'page must be an integer' });
			r.emu.setConfig({ maxPageSize: 5, pageSizeOverflow: 'reject' });
			expect((await list({ limit: 6 })).data).toEqual({
				code: 'invalid_argument',
				source: 'limit',
				message: 'limit must be at most 5',
			});
		});

		it('none: every paging parameter is ignored: the first page at the default size', async () => {
			r = await open({ pagingQuery: 'none' });
			const all = await customers(12);
			for (const params of [
				{},
				{ page_num: 1, page_size: 3 },
				{ page: 2, limit: 5 },
				{ page_num: 'x', page_size: -1 },
			]) {
				const res = await list(params);
				expect(res.status).toBe(200);
				expect(ids(res.data.items)).toEqual(all.slice(0, 10));
				expect(res.data.has_more).toBe(true);
			}
		});
	});

	describe('pageZero (pages counting from 1)', () => {
		it('first: page_num 0 answers the first page', async () => {
			r = await open({ pageBase: 1 });
			const all = await customers(3);
			expect(ids((await list({ page_num: 0, page_size: 2 })).data.items)).toEqual(all.slice(0, 2));
		});

		it('empty: page_num 0 answers an empty page without more', async () => {
			r = await open({ pageBase: 1, pageZero: 'empty' });
			const all = await customers(3);
			expect((await list({ page_num: 0, page_size: 2 })).data).toEqual({ items: [], has_more: false });
			expect(ids((await list({ page_num: 1, page_size: 2 })).data.items)).toEqual(all.slice(0, 2));
			// the SDK's `page` counts from 1 as well
			r.emu.setConfig({ pagingQuery: 'page' });
			expect((await list({ page: 0 })).data).toEqual({ items: [], has_more: false });
		});

		it('reject: page_num 0 gets 400 invalid_argument on page_num; with pageBase 0 it is the first page', async () => {
			r = await open({ pageBase: 1, pageZero: 'reject' });
			const all = await customers(3);
			const res = await list({ page_num: 0 });
			expect(res.status).toBe(400);
			expect(res.data).toEqual({ code: 'invalid_argument', source: 'page_num', message: 'page_num must be >= 1' });
			r.emu.setConfig({ pageBase: 0 });
			expect(ids((await list({ page_num: 0 })).data.items)).toEqual(all);
		});
	});

	describe('listEnvelope', () => {
		it('items (default): {items, has_more}', async () => {
			r = await open();
			const all = await customers(3);
			expect((await list({ page_size: 2 })).data).toEqual({
				items: [expect.objectContaining({ id: all[0] }), expect.objectContaining({ id: all[1] })],
				has_more: true,
			});
		});

		it('data: {data, has_more, total, page, page_size}, total counting every match', async () => {
			r = await open({ listEnvelope: 'data', pageBase: 1 });
			const all = await customers(7);
			const res = await list({ page_num: 2, page_size: 3 });
			expect(Object.keys(res.data)).toEqual(['data', 'has_more', 'total', 'page', 'page_size']);
			expect(res.data).toMatchObject({ has_more: true, total: 7, page: 2, page_size: 3 });
			expect(ids(res.data.data)).toEqual(all.slice(3, 6));
			const filtered = await list({ email: 'c4@example.com' });
			expect(filtered.data).toMatchObject({ has_more: false, total: 1, page: 1, page_size: 10 });
			r.emu.setConfig({ pagingQuery: 'page' });
			expect((await list({ page: 3, limit: 3 })).data).toMatchObject({
				data: [expect.objectContaining({ id: all[6] })],
				has_more: false,
				total: 7,
				page: 3,
				page_size: 3,
			});
		});
	});

	describe('filters', () => {
		it('honoured (default) / ignored: list filters and the date range are applied, or silently ignored', async () => {
			r = await open();
			const all = await customers(4);
			const filtered = { email: 'c1@example.com', merchant_customer_id: 'C-1' };
			expect(ids((await list(filtered)).data.items)).toEqual([all[2]]);
			expect((await list({ from_created_at: '2999-01-01T00:00:00Z' })).data.items).toEqual([]);
			r.emu.setConfig({ filters: 'ignored' });
			expect(ids((await list(filtered)).data.items)).toEqual(all);
			expect(ids((await list({ from_created_at: '2999-01-01T00:00:00Z' })).data.items)).toEqual(all);
			expect((await list({ to_created_at: 'not a date' })).status).toBe(200);
			const pi = await r.api.post('/api/v1/payment_intents/create', {
				amount: 5,
				currency: 'USD',
				merchant_order_id: orderId(),
			});
			expect((await r.api.get('/api/v1/payment_intents', { params: { status: 'succeeded' } })).data.items).toEqual([
				expect.objectContaining({ id: pi.data.id, status: 'requires_payment_method' }),
			]);
		});
	});

	describe('duplicateAnswer', () => {
		it('already_exists (default): 400 already_exists on the field', async () => {
			r = await open();
			await customers(1);
			const dup = await r.api.post('/api/v1/customers/create', { merchant_customer_id: 'C-0' });
			expect(dup.status).toBe(400);
			expect(dup.data).toEqual({
				code: 'already_exists',
				source: 'merchant_customer_id',
				message: 'A customer with merchant_customer_id C-0 already exists',
			});
		});

		it("e11000: the docs' raw duplicate-key answer (code and source null) for customers and payment intents", async () => {
			r = await open({ duplicateAnswer: 'e11000' });
			await customers(2);
			const expected = {
				code: null,
				source: null,
				message:
					'E11000 duplicate key error collection: useepay.customer index: customer.customer_mid_idx dup key: { merchant_no: "500000000000001", merchant_customer_id: "C-0" }',
			};
			const dup = await r.api.post('/api/v1/customers/create', { merchant_customer_id: 'C-0' });
			expect(dup.status).toBe(400);
			expect(dup.data).toEqual(expected);
			const other = (await list({ merchant_customer_id: 'C-1' })).data.items[0];
			const update = await r.api.post(`/api/v1/customers/${other.id}`, { merchant_customer_id: 'C-0' });
			expect(update.status).toBe(400);
			expect(update.data).toEqual(expected);
			const order = orderId();
			const pi = { amount: 5, currency: 'USD', merchant_order_id: order };
			expect((await r.api.post('/api/v1/payment_intents/create', pi)).status).toBe(200);
			const again = await r.api.post('/api/v1/payment_intents/create', pi);
			expect(again.status).toBe(400);
			expect(again.data).toEqual({
				code: null,
				source: null,
				message: `E11000 duplicate key error collection: useepay.payment_intent index: payment_intent.merchant_order_id_idx dup key: { merchant_no: "500000000000001", merchant_order_id: "${order}" }`,
			});
		});
	});

	describe('emptyArrayBody', () => {
		/** A payment intent with a saved card, ready to confirm without parameters. */
		async function intent(manual = false) {
			const pm = await r.api.post('/api/v1/payment_methods/create', card('4111111111111111'));
			const pi = await r.api.post('/api/v1/payment_intents/create', {
				amount: 12,
				currency: 'USD',
				merchant_order_id: orderId(),
				payment_method_id: pm.data.id,
				auto_capture: !manual,
			});
			return pi.data.id as string;
		}
		const postRaw = (path: string, body: string) =>
			r.api.post(path, body, { headers: { 'content-type': 'application/json' }, transformRequest: (d) => d });

		it('refuse (default): a [] body and metadata: [] get 400', async () => {
			r = await open();
			const id = await intent();
			const res = await postRaw(`/api/v1/payment_intents/${id}/confirm`, '[]');
			expect(res.status).toBe(400);
			expect(res.data).toEqual({
				code: 'invalid_argument',
				source: null,
				message: 'Request body must be a JSON object',
			});
			const meta = await r.api.post('/api/v1/customers/create', { merchant_customer_id: 'M-1', metadata: [] });
			expect(meta.data).toEqual({
				code: 'invalid_argument',
				source: 'metadata',
				message: 'metadata must be an object',
			});
		});

		it('accept: confirm, capture and cancel take [] as {}; metadata: [] is stored as {}', async () => {
			r = await open({ emptyArrayBody: 'accept' });
			const manual = await intent(true);
			const confirmed = await postRaw(`/api/v1/payment_intents/${manual}/confirm`, '[]');
			expect(confirmed.status).toBe(200);
			expect(confirmed.data.status).toBe('requires_capture');
			const captured = await postRaw(`/api/v1/payment_intents/${manual}/capture`, '[]');
			expect(captured.data).toMatchObject({ status: 'succeeded', captured_amount: 12 });
			const other = await intent();
			expect((await postRaw(`/api/v1/payment_intents/${other}/cancel`, '[]')).data.status).toBe('cancelled');
			const meta = await r.api.post('/api/v1/customers/create', { merchant_customer_id: 'M-1', metadata: [] });
			expect(meta.status).toBe(200);
			expect(meta.data.metadata).toEqual({});
			expect((await postRaw(`/api/v1/payment_intents/${other}/cancel`, '[1]')).data.message).toBe(
				'Request body must be a JSON object',
			);
			const events = await r.api.post('/api/v1/webhooks/create', { url: 'http://127.0.0.1:9/h', events: [] });
			expect(events.data).toMatchObject({ code: 'field_required', source: 'events' });
		});
	});

	describe('statusSpelling', () => {
		/** Cancels a new payment intent and subscription; returns their answers. */
		async function cancelBoth() {
			const pi = await r.api.post('/api/v1/payment_intents/create', {
				amount: 3,
				currency: 'USD',
				merchant_order_id: orderId(),
			});
			const cancelledPi = await r.api.post(`/api/v1/payment_intents/${pi.data.id}/cancel`, {});
			const cus = await r.api.post('/api/v1/customers/create', { merchant_customer_id: `S-${orderId()}` });
			const sub = await r.api.post('/api/v1/subscriptions/create', {
				customer_id: cus.data.id,
				currency: 'USD',
				recurring: { interval: 'month', interval_count: 1, unit_amount: 5 },
			});
			const cancelledSub = await r.api.post(`/api/v1/subscriptions/${sub.data.id}/cancel`, {});
			return { pi: cancelledPi.data, sub: cancelledSub.data };
		}
		async function filtersFindBoth(pi: string, sub: string) {
			for (const status of ['cancelled', 'canceled']) {
				const pis = await r.api.get('/api/v1/payment_intents', { params: { status } });
				expect(pis.data.items.map((p: { id: string }) => p.id)).toEqual([pi]);
				const subs = await r.api.get('/api/v1/subscriptions', { params: { status } });
				expect(subs.data.items.map((s: { id: string }) => s.id)).toEqual([sub]);
				const invoices = await r.api.get('/api/v1/invoices', { params: { status } });
				expect(invoices.status).toBe(200);
			}
		}

		it('cancelled (default): stored and answered with two l', async () => {
			r = await open();
			const { pi, sub } = await cancelBoth();
			expect([pi.status, sub.status]).toEqual(['cancelled', 'cancelled']);
			await filtersFindBoth(pi.id, sub.id);
		});

		it('canceled: stored and answered with one l; events keep their names; filters take both', async () => {
			r = await open({ statusSpelling: 'canceled' });
			const { pi, sub } = await cancelBoth();
			expect([pi.status, sub.status]).toEqual(['canceled', 'canceled']);
			expect((await r.api.get(`/api/v1/payment_intents/${pi.id}`)).data.status).toBe('canceled');
			await filtersFindBoth(pi.id, sub.id);
			const names = (await r.raw.get('/__emulator/events')).data.items.map((e: { name: string }) => e.name);
			expect(names).toEqual(expect.arrayContaining(['payment_intent.cancelled', 'subscription.cancelled']));
			expect((await r.api.post(`/api/v1/payment_intents/${pi.id}/cancel`, {})).data.source).toBe('status');
			expect((await r.api.post(`/api/v1/payment_intents/${pi.id}`, { description: 'x' })).data.source).toBe('status');
			expect((await r.api.post(`/api/v1/subscriptions/${sub.id}/cancel`, {})).data.source).toBe('status');
		});
	});

	describe('amounts', () => {
		it('number (default): a numeric string amount is refused; amounts are JSON numbers', async () => {
			r = await open();
			const res = await r.api.post('/api/v1/payment_intents/create', {
				amount: '25.50',
				currency: 'USD',
				merchant_order_id: orderId(),
			});
			expect(res.data).toEqual({ code: 'invalid_argument', source: 'amount', message: 'amount must be a number' });
			const ok = await r.api.post('/api/v1/payment_intents/create', {
				amount: 25.5,
				currency: 'USD',
				merchant_order_id: orderId(),
			});
			expect(ok.data.amount).toBe(25.5);
		});

		it('string: numeric strings are accepted and every amount is answered as a decimal string, events too', async () => {
			r = await open({ amounts: 'string' });
			const pi = await r.api.post('/api/v1/payment_intents/create', {
				amount: '25.50',
				currency: 'USD',
				merchant_order_id: orderId(),
				confirm: true,
				payment_method_data: card('4242424242424242'),
				order: { products: [{ name: 'Tea', quantity: 1, unit_price: '25.5' }] },
			});
			expect(pi.status).toBe(200);
			expect(pi.data).toMatchObject({
				amount: '25.50',
				captured_amount: '25.50',
				status: 'succeeded',
				order: { products: [{ unit_price: '25.50' }] },
			});
			const refund = await r.api.post('/api/v1/refunds/create', { payment_intent_id: pi.data.id, amount: '5' });
			expect(refund.data).toMatchObject({ amount: '5.00', status: 'succeeded' });
			const over = await r.api.post('/api/v1/refunds/create', { payment_intent_id: pi.data.id, amount: '20.51' });
			expect(over.data.source).toBe('amount');
			expect(
				(await r.api.post('/api/v1/refunds/create', { payment_intent_id: pi.data.id, amount: 0.125 })).data.amount,
			).toBe('0.125');
			const listed = await r.api.get('/api/v1/payment_intents');
			expect(listed.data.items[0]).toMatchObject({ amount: '25.50', captured_amount: '25.50' });
			const cus = await r.api.post('/api/v1/customers/create', { merchant_customer_id: 'A-1' });
			const inv = await r.api.post('/api/v1/invoices/create', {
				customer_id: cus.data.id,
				currency: 'USD',
				total_amount: '9.99',
			});
			expect(inv.data.total_amount).toBe('9.99');
			const bad = await r.api.post('/api/v1/invoices/create', {
				customer_id: cus.data.id,
				currency: 'USD',
				total_amount: '9,99',
			});
			expect(bad.data).toMatchObject({ source: 'total_amount', message: 'total_amount must be a number' });
			const events = (await r.raw.get('/__emulator/events')).data.items as Array<{ id: string; name: string }>;
			const succeeded = events.find((e) => e.name === 'payment_intent.succeeded');
			const event = await r.raw.get(`/__emulator/events/${succeeded?.id}`);
			expect(event.data.envelope.data).toMatchObject({ amount: '25.50', captured_amount: '25.50' });
		});
	});

	describe('strictBody', () => {
		it('false (default): unknown fields are accepted and ignored by validation', async () => {
			r = await open();
			const res = await r.api.post('/api/v1/customers/create', {
				merchant_customer_id: 'P-1',
				address: { postal_code: '10115' },
			});
			expect(res.status).toBe(200);
		});

		it('true: an unknown field anywhere gets 400 invalid_argument on its dotted path; metadata takes any key', async () => {
			r = await open({ strictBody: true });
			const postal = await r.api.post('/api/v1/customers/create', {
				merchant_customer_id: 'P-1',
				address: { postal_code: '10115' },
			});
			expect(postal.status).toBe(400);
			expect(postal.data).toEqual({
				code: 'invalid_argument',
				source: 'address.postal_code',
				message: 'Unknown field address.postal_code',
			});
			const top = await r.api.post('/api/v1/customers/create', { merchant_customer_id: 'P-1', emial: 'a@b.co' });
			expect(top.data).toMatchObject({ code: 'invalid_argument', source: 'emial' });
			const nested = await r.api.post('/api/v1/payment_intents/create', {
				amount: 1,
				currency: 'USD',
				merchant_order_id: orderId(),
				order: { products: [{ name: 'Tea' }, { name: 'Cup', colour: 'blue' }] },
			});
			expect(nested.data).toMatchObject({ code: 'invalid_argument', source: 'order.products[1].colour' });
			const ok = await r.api.post('/api/v1/customers/create', {
				merchant_customer_id: 'P-1',
				address: { postcode: '10115' },
				metadata: { anything: { goes: 1 } },
			});
			expect(ok.status).toBe(200);
			expect((await r.api.get('/api/v1/customers')).data.items).toHaveLength(1);
		});
	});

	it('sdk preset: the PHP SDK reading end to end', async () => {
		r = await open({ dialect: 'sdk' });
		const all = await customers(25);
		const page2 = await list({ page: 2, page_size: 100 });
		expect(page2.data).toMatchObject({ has_more: false, total: 25, page: 2, page_size: 20 });
		expect(ids(page2.data.data)).toEqual(all.slice(20));
		expect((await list({})).data).toMatchObject({ page: 1, page_size: 10, has_more: true });
		expect((await r.api.post('/api/v1/customers/create', { merchant_customer_id: 'C-3' })).data.code).toBeNull();
		const pi = await r.api.post('/api/v1/payment_intents/create', {
			amount: '10.00',
			currency: 'USD',
			merchant_order_id: orderId(),
			payment_method_data: card('4111111111111111'),
			metadata: [],
		});
		expect(pi.data).toMatchObject({ amount: '10.00', metadata: {} });
		const confirmed = await r.api.post(`/api/v1/payment_intents/${pi.data.id}/confirm`, '[]', {
			headers: { 'content-type': 'application/json' },
		});
		expect(confirmed.data).toMatchObject({ status: 'succeeded', captured_amount: '10.00' });
		const other = await r.api.post('/api/v1/payment_intents/create', {
			amount: 1,
			currency: 'USD',
			merchant_order_id: orderId(),
			unknown_is_fine: true,
		});
		expect((await r.api.post(`/api/v1/payment_intents/${other.data.id}/cancel`, [])).data.status).toBe('canceled');
	});
});
