import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { createEmulator } from '../../emulator/server';
import { runUseePay } from '../support/n8n';

/**
 * N items in → N items out, in input order, each with its pairedItem, whatever the API does;
 * and no customer created twice. Faults are seeded, so every run sees the same ones.
 */
const MERCHANT = '500000000007245';
const EMULATOR_KEY = { apiKey: 'UseePay_SK_emulator' };
const rows = (n: number, prefix = 'CRM') =>
	Array.from({ length: n }, (_, i) => ({ crm_id: `${prefix}-${i}`, name: `Customer ${i}` }));

type Emulator = ReturnType<typeof createEmulator>;

function customers(emu: Emulator): IDataObject[] {
	const all: IDataObject[] = [];
	for (let page = 0; ; page++) {
		const { items, has_more } = emu.store.list(MERCHANT, 'customers', {
			query: { page_num: String(page), page_size: '100' },
		});
		all.push(...items);
		if (!has_more) return all;
	}
}

function expectOnePerInput(items: INodeExecutionData[], n: number) {
	expect(items).toHaveLength(n);
	items.forEach((item, i) => expect(item.pairedItem).toEqual({ item: i }));
}

const faultCount = (emu: Emulator, fault: string) => emu.requests().filter((r) => r.fault === fault).length;

describe('N in, N out, in order, under faults; never a duplicate', () => {
	let emu: Emulator;
	let url: string;

	afterEach(async () => {
		await emu.close();
	});

	async function start(options: Parameters<typeof createEmulator>[0]) {
		emu = createEmulator(options);
		({ url } = await emu.listen(0));
	}

	it.each([
		['Create or Update', 'createOrUpdate'],
		['Create', 'create'],
	])('%s: 5xx, 429s, resets before and after the write: every item done once, in order', async (_, operation) => {
		await start({ seed: 7, serverErrorRate: 0.08, throttleRate: 0.08, resetRate: 0.04, lostResponseRate: 0.06 });
		const input = rows(120);
		const { items, error } = await runUseePay({
			baseUrl: url,
			credentials: EMULATOR_KEY,
			items: input,
			parameters: {
				resource: 'customer',
				operation,
				merchant_customer_id: '={{ $json.crm_id }}',
				additionalFields: { name: '={{ $json.name }}' },
				options: { requestsPerSecond: 2000, maxConcurrent: 20, maxRetries: 8 },
			},
		});
		expect(error).toBeUndefined();
		expectOnePerInput(items, input.length);
		expect(items.map((i) => i.json.merchant_customer_id)).toEqual(input.map((r) => r.crm_id));
		if (operation === 'createOrUpdate') expect(items.every((i) => i.json.action === 'created')).toBe(true);
		// The faults happened, and the writes lost on the way back were not made twice.
		expect(faultCount(emu, 'lost_response')).toBeGreaterThan(3);
		expect(faultCount(emu, 'server_error')).toBeGreaterThan(3);
		expect(faultCount(emu, 'reset')).toBeGreaterThan(1);
		const all = customers(emu);
		expect(all).toHaveLength(input.length);
		expect(new Set(all.map((c) => c.merchant_customer_id)).size).toBe(input.length);
		const refusedDuplicates = emu.requests().filter((r) => r.path === '/api/v1/customers/create' && r.status === 400);
		expect(refusedDuplicates).toHaveLength(0);
	});

	it('a real rate limit (burst-free, retried after Retry-After) loses nothing', async () => {
		await start({ seed: 3, rateLimitPerSec: 50 });
		const input = rows(60);
		const { items, error } = await runUseePay({
			baseUrl: url,
			credentials: EMULATOR_KEY,
			items: input,
			parameters: {
				resource: 'customer',
				operation: 'createOrUpdate',
				merchant_customer_id: '={{ $json.crm_id }}',
				// Above the limit on purpose: 429s come back, are retried, and the brake slows down.
				options: { requestsPerSecond: 200, maxConcurrent: 20 },
			},
		});
		expect(error).toBeUndefined();
		expectOnePerInput(items, input.length);
		expect(items.map((i) => i.json.action)).toEqual(input.map(() => 'created'));
		expect(emu.requests().some((r) => r.status === 429)).toBe(true);
		expect(customers(emu)).toHaveLength(input.length);
	}, 60000);

	it('with Continue On Fail, items that fail for good become error items at their own index', async () => {
		await start({ seed: 11 });
		// Every third row has a description that is not a string: UseePay answers 400 for it (the node
		// itself refuses bad emails before sending, so a value only UseePay checks is used).
		const input = rows(30).map((row, i) => ({ ...row, description: i % 3 === 1 ? 7 : `row ${i}` }));
		emu.setConfig({ serverErrorRate: 0.1, throttleRate: 0.1 });
		const { items, error } = await runUseePay({
			baseUrl: url,
			credentials: EMULATOR_KEY,
			continueOnFail: true,
			items: input,
			parameters: {
				resource: 'customer',
				operation: 'createOrUpdate',
				merchant_customer_id: '={{ $json.crm_id }}',
				additionalFields: {
					name: '={{ $json.name }}',
					extraFields: '={{ JSON.stringify({ description: $json.description }) }}',
				},
				options: { requestsPerSecond: 2000, maxRetries: 8 },
			},
		});
		expect(error).toBeUndefined();
		expectOnePerInput(items, input.length);
		items.forEach((item, i) => {
			if (i % 3 === 1) {
				expect(item.json).toMatchObject({ code: 'invalid_argument', source: 'description', httpCode: '400' });
			} else {
				expect(item.json).toMatchObject({ merchant_customer_id: `CRM-${i}`, action: 'created' });
			}
		});
		expect(customers(emu)).toHaveLength(20);
	});

	it('with Continue On Fail, an item whose retries run out is an error item, not a gap', async () => {
		await start({ seed: 5, serverErrorRate: 1 });
		const { items } = await runUseePay({
			baseUrl: url,
			credentials: EMULATOR_KEY,
			continueOnFail: true,
			items: rows(3),
			parameters: {
				resource: 'customer',
				operation: 'createOrUpdate',
				merchant_customer_id: '={{ $json.crm_id }}',
				options: { requestsPerSecond: 2000, maxRetries: 1 },
			},
		});
		expectOnePerInput(items, 3);
		for (const item of items) {
			expect(item.json).toMatchObject({ httpCode: '500', code: 'service_unavailable' });
			expect(String(item.json.error)).toMatch(/gave up after 2 attempts/);
		}
		// The index read (2 attempts) fails, so each row is looked up on its own (2 attempts each).
		expect(emu.requests().map((r) => r.query.merchant_customer_id ?? 'index page')).toEqual(
			expect.arrayContaining(['index page', 'index page', 'CRM-0', 'CRM-0', 'CRM-1', 'CRM-1', 'CRM-2', 'CRM-2']),
		);
		expect(emu.requests()).toHaveLength(8);
	});

	it('without Continue On Fail, the node fails naming the item, after the writes in flight have settled', async () => {
		await start({ seed: 9 });
		const input = rows(40);
		input[17].crm_id = 'BAD';
		const { items, error } = await runUseePay({
			baseUrl: url,
			credentials: EMULATOR_KEY,
			items: input,
			parameters: {
				resource: 'customer',
				operation: 'createOrUpdate',
				merchant_customer_id: '={{ $json.crm_id }}',
				// Item 17 sends a description that is a number: UseePay refuses its create (400).
				additionalFields: {
					extraFields: '={{ $json.crm_id === "BAD" ? JSON.stringify({ description: 17 }) : "" }}',
				},
				options: { requestsPerSecond: 2000, maxConcurrent: 4 },
			},
		});
		expect(items).toHaveLength(0);
		expect(error?.message).toMatch(/^UseePay rejected the request: .*\[item 17\]$/);
		expect(
			emu
				.requests()
				.some(
					(r) => r.path === '/api/v1/customers/create' && r.body?.merchant_customer_id === 'BAD' && r.status === 400,
				),
		).toBe(true);
		// Every request that left got its answer before the node stopped (none still in flight),
		// and no item after the failure was started beyond those already in progress.
		const log = emu.requests();
		expect(log.every((r) => r.status !== null)).toBe(true);
		const started = new Set(log.map((r) => String(r.query.merchant_customer_id ?? r.body?.merchant_customer_id ?? '')));
		expect(started.has('CRM-39')).toBe(false);
	});
});
