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
