import type { IDataObject } from 'n8n-workflow';

import { createCustomer } from '../../emulator/resources/customers';
import { createEmulator } from '../../emulator/server';
import { MAX_PAGE_SIZE } from '../../nodes/shared/pagination';
import { runUseePay } from '../support/n8n';
import type { RecordedRequest } from '../../tools/lib/recorder';
import { startRecorder } from '../../tools/lib/recorder';

const MERCHANT = '500000000007245';
const EMULATOR_KEY = { apiKey: 'UseePay_SK_emulator' };
const returnAll = { resource: 'customer', operation: 'getAll', returnAll: true };

type Emulator = ReturnType<typeof createEmulator>;

/** Emulators stay open until the end of the file: what a node learns about paging is kept per base URL. */
const emulators: Emulator[] = [];
afterAll(async () => {
	for (const emu of emulators) await emu.close();
});

async function emulatorWith(customers: number, options: Parameters<typeof createEmulator>[0] = {}) {
	const emu = createEmulator({ seed: 1, ...options });
	emulators.push(emu);
	const { url } = await emu.listen(0);
	const ctx = emu.makeCtx(MERCHANT, 'www.pay.com');
	for (let i = 0; i < customers; i++) createCustomer(ctx, { merchant_customer_id: `CRM-${i}`, name: `Customer ${i}` });
	return { emu, url };
}

const pagesAsked = (emu: Emulator) => emu.requests().map((r) => [r.query.page_num, r.query.page_size]);

describe('Customer → Get Many, Return All', () => {
	it('reads 10,000 customers in ceil(10,000 / max page size) = 100 requests', async () => {
		const { emu, url } = await emulatorWith(10000);
		const { items, error } = await runUseePay({ baseUrl: url, credentials: EMULATOR_KEY, parameters: returnAll });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(10000);
		expect(new Set(items.map((item) => item.json.merchant_customer_id)).size).toBe(10000);
		const requests = emu.requests();
		expect(requests).toHaveLength(Math.ceil(10000 / MAX_PAGE_SIZE));
		expect(requests.map((r) => r.query.page_size)).toEqual(requests.map(() => '100'));
		expect(requests.map((r) => Number(r.query.page_num))).toEqual([...Array(100).keys()]);
		// Pinned to the first page: every later page asks for customers created up to just after its newest.
		const newest = Date.parse(String(items[0].json.create_at));
		expect(requests[0].query.to_created_at).toBeUndefined();
		for (const r of requests.slice(1)) expect(r.query.to_created_at).toBe(new Date(newest + 1000).toISOString());
	});

	it('Limit 150: pages of 100 (never a smaller last page, whose page_num would point elsewhere)', async () => {
		const { emu, url } = await emulatorWith(250);
		const { items } = await runUseePay({
			baseUrl: url,
			credentials: EMULATOR_KEY,
			parameters: { resource: 'customer', operation: 'getAll', returnAll: false, limit: 150 },
		});
		expect(items.map((i) => i.json.merchant_customer_id)).toEqual(
			Array.from({ length: 150 }, (_, i) => `CRM-${249 - i}`),
		);
		expect(pagesAsked(emu)).toEqual([
			['0', '100'],
			['1', '100'],
		]);
	});

	it('a UseePay that counts pages from 1: noticed at the second page (one request more), remembered after', async () => {
		const { emu, url } = await emulatorWith(250, { pageBase: 1 });
		const first = await runUseePay({ baseUrl: url, credentials: EMULATOR_KEY, parameters: returnAll });
		expect(first.items.map((i) => i.json.merchant_customer_id)).toEqual(
			Array.from({ length: 250 }, (_, i) => `CRM-${249 - i}`),
		);
		expect(pagesAsked(emu).map(([pageNum]) => pageNum)).toEqual(['0', '1', '2', '3']);
		emu.requestLog.clear();
		const again = await runUseePay({ baseUrl: url, credentials: EMULATOR_KEY, parameters: returnAll });
		expect(again.items).toHaveLength(250);
		expect(pagesAsked(emu).map(([pageNum]) => pageNum)).toEqual(['1', '2', '3']);
	});

	it('a UseePay that refuses page_size 100: steps down to 50 (one request more), remembered after', async () => {
		const { emu, url } = await emulatorWith(120, { maxPageSize: 50, pageSizeOverflow: 'reject' });
		const first = await runUseePay({ baseUrl: url, credentials: EMULATOR_KEY, parameters: returnAll });
		expect(first.error).toBeUndefined();
		expect(new Set(first.items.map((i) => i.json.id)).size).toBe(120);
		expect(pagesAsked(emu)).toEqual([
			['0', '100'],
			['0', '50'],
			['1', '50'],
			['2', '50'],
		]);
		emu.requestLog.clear();
		await runUseePay({ baseUrl: url, credentials: EMULATOR_KEY, parameters: returnAll });
		expect(pagesAsked(emu).map(([, pageSize]) => pageSize)).toEqual(['50', '50', '50']);
	});
});

/**
 * A customer list that grows while it is read: newest first, three customers per second of
 * create_at (so new ones share the second of the newest), and after every page it answers,
 * seven new customers arrive at the top.
 */
function growingList(initial: number, honoursToCreatedAt: boolean) {
	const customers: IDataObject[] = [];
	const add = () => {
		const n = customers.length;
		customers.unshift({
			id: `cus_${n}`,
			merchant_customer_id: `CRM-${n}`,
			create_at: new Date(Date.UTC(2026, 0, 1) + Math.floor(n / 3) * 1000).toISOString().replace('.000', ''),
		});
	};
	for (let i = 0; i < initial; i++) add();
	return (request: RecordedRequest) => {
		const to = Date.parse(request.query.to_created_at ?? '');
		const visible =
			honoursToCreatedAt && Number.isFinite(to)
				? customers.filter((c) => Date.parse(String(c.create_at)) <= to)
				: customers;
		const size = Number(request.query.page_size);
		const start = Number(request.query.page_num) * size;
		const body = { items: visible.slice(start, start + size), has_more: start + size < visible.length };
		for (let i = 0; i < 7; i++) add();
		return { status: 200, body };
	};
}

describe('Get Many → Return All while customers are being created', () => {
	it.each([
		['honours to_created_at', true],
		['ignores to_created_at', false],
	])('UseePay %s: every customer that existed at the first page exactly once', async (_, honours) => {
		const api = await startRecorder(growingList(250, honours));
		try {
			const { items, error } = await runUseePay({ baseUrl: api.url, parameters: returnAll });
			expect(error).toBeUndefined();
			const ids = items.map((item) => String(item.json.id));
			expect(new Set(ids).size).toBe(ids.length);
			for (let n = 0; n < 250; n++) expect(ids).toContain(`cus_${n}`);
			// Pinned: the newcomers of later seconds stay out (only those of the pinned seconds may show).
			if (honours) expect(ids.length).toBeLessThan(260);
		} finally {
			await api.close();
		}
	});
});

/**
 * Get Many → Return All through n8n-core against the emulator under every reading of UseePay's
 * paging it can take (emulator/dialects.js): 250 customers, each exactly once, in at most
 * ceil(250 / page size) + 2 requests on a fresh base URL, fewer once the node has learned.
 */
describe('Customer → Get Many, Return All, under each paging dialect of the emulator', () => {
	type Dialect = Parameters<typeof createEmulator>[0];
	const N = 250;
	const expected = Array.from({ length: N }, (_, i) => `CRM-${N - 1 - i}`);

	it.each<[string, Dialect, number, [number, number]]>([
		['page_num from 0 (docs)', {}, 100, [3, 3]],
		['`data` envelope', { listEnvelope: 'data' }, 100, [3, 3]],
		['page_num from 1, page_num 0 = first page', { pageBase: 1, pageZero: 'first' }, 100, [4, 3]],
		['page_num from 1, page_num 0 = empty page', { pageBase: 1, pageZero: 'empty' }, 100, [4, 3]],
		['page_num from 1, page_num 0 refused', { pageBase: 1, pageZero: 'reject' }, 100, [4, 3]],
		['the SDK’s `page` (page_num ignored)', { pagingQuery: 'page' }, 100, [4, 3]],
		['page size clamped at 20', { maxPageSize: 20 }, 20, [13, 13]],
		['page size clamped at 10', { maxPageSize: 10 }, 10, [25, 25]],
		['page size above 20 refused', { maxPageSize: 20, pageSizeOverflow: 'reject' }, 20, [14, 13]],
		['page size above 10 refused', { maxPageSize: 10, pageSizeOverflow: 'reject' }, 10, [26, 25]],
		['the SDK dialect (page, data, total, at most 20)', { dialect: 'sdk' }, 20, [14, 13]],
		['filters ignored', { filters: 'ignored' }, 100, [3, 3]],
	])('%s', async (_, dialect, pageSize, [first, again]) => {
		const { emu, url } = await emulatorWith(N, dialect);
		const listed = await runUseePay({ baseUrl: url, credentials: EMULATOR_KEY, parameters: returnAll });
		expect(listed.error).toBeUndefined();
		expect(listed.items.map((i) => i.json.merchant_customer_id)).toEqual(expected);
		expect(emu.requests()).toHaveLength(first);
		expect(first).toBeLessThanOrEqual(Math.ceil(N / pageSize) + 2);
		emu.requestLog.clear();
		const relisted = await runUseePay({ baseUrl: url, credentials: EMULATOR_KEY, parameters: returnAll });
		expect(relisted.items.map((i) => i.json.merchant_customer_id)).toEqual(expected);
		expect(emu.requests()).toHaveLength(again);
	});

	it('a UseePay that ignores every paging parameter: a clear error after 3 requests, not a flood', async () => {
		const { emu, url } = await emulatorWith(N, { pagingQuery: 'none' });
		const { items, error } = await runUseePay({ baseUrl: url, credentials: EMULATOR_KEY, parameters: returnAll });
		expect(items).toHaveLength(0);
		// n8n's routing wraps the node's NodeOperationError in a NodeApiError, message and description kept.
		expect(error?.description).toMatch(/^After 3 requests\. Set a Limit of at most 10/);
		expect(error?.message).toMatch(
			/^UseePay answered the same page again: it ignores the paging parameters \(page_num=2, page=2, page_size=10, limit=10\), so the list cannot be read past its first 10 objects/,
		);
		expect(emu.requests()).toHaveLength(3);
	});

	it('a UseePay with no customers, counting pages from 1 with an empty page 0: 2 requests, no items', async () => {
		const { emu, url } = await emulatorWith(0, { pageBase: 1, pageZero: 'empty' });
		const { items, error } = await runUseePay({ baseUrl: url, credentials: EMULATOR_KEY, parameters: returnAll });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(0);
		expect(emu.requests().map((r) => r.query.page_num)).toEqual(['0', '1']);
	});

	it('pages are paced at 100 requests per second at most (Requests Per Second’s default)', async () => {
		const times: number[] = [];
		const api = await startRecorder((request) => {
			times.push(Date.now());
			const page = Number(request.query.page_num);
			const items = Array.from({ length: 100 }, (_, i) => ({ id: `cus_${page}_${i}` }));
			return { status: 200, body: { items, has_more: page < 29 } };
		});
		try {
			const { items, error } = await runUseePay({ baseUrl: api.url, parameters: returnAll });
			expect(error).toBeUndefined();
			expect(items).toHaveLength(3000);
			expect(times).toHaveLength(30);
			// 29 intervals of at least 10 ms (a few ms of slack for when the server sees them).
			expect(times[29] - times[0]).toBeGreaterThanOrEqual(29 * 10 - 5);
		} finally {
			await api.close();
		}
	});
});
