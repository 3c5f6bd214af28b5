import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { createCustomer } from '../../emulator/resources/customers';
import { createEmulator } from '../../emulator/server';
import { runUseePay } from '../support/n8n';
import type { Recorder } from '../../tools/lib/recorder';
import { startRecorder } from '../../tools/lib/recorder';

/**
 * Customer → Create or Update as a repeated CRM sync: Skip Unchanged, Preview Only (dry run) and
 * Empty Values, through n8n-core against the emulator (and a recorder where the list answer has
 * to be one the emulator would not give).
 */

const EMULATOR_KEY = { apiKey: 'UseePay_SK_emulator' };
const MERCHANT = '500000000007245';
const FAST = { requestsPerSecond: 1000, maxConcurrent: 10 };

/** The CRM row as Create or Update's Fields read it: name, email, address, shipping and metadata. */
const fieldsFromRow = {
	name: '={{ $json.name }}',
	email: '={{ $json.email }}',
	address: { details: { city: '={{ $json.city }}', country: '={{ $json.country }}' } },
	shipping: { details: { name: '={{ $json.name }}', address: { details: { postcode: '={{ $json.postcode }}' } } } },
	metadata: { entries: [{ key: 'tier', value: '={{ $json.tier }}' }] },
};

const sync = (options: IDataObject = {}, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'customer',
	operation: 'createOrUpdate',
	merchant_customer_id: '={{ $json.crm_id }}',
	additionalFields: fieldsFromRow,
	options: { ...FAST, ...options },
	...extra,
});

interface Row {
	crm_id: string;
	name: string;
	email: string;
	city: string;
	country: string;
	postcode: string;
	tier: string;
}

const row = (n: number, change: Partial<Row> = {}): Row => ({
	crm_id: `CRM-${n}`,
	name: `Customer ${n}`,
	email: `c${n}@example.com`,
	city: 'London',
	country: 'GB',
	postcode: `N${n}`,
	tier: 'gold',
	...change,
});

/** The customer UseePay holds for a row, as the sync would have written it (plus a metadata key of its own). */
const storedFor = (r: Row): IDataObject => ({
	merchant_customer_id: r.crm_id,
	name: r.name,
	email: r.email,
	address: { city: r.city, country: r.country },
	shipping: { name: r.name, address: { postcode: r.postcode } },
	metadata: { tier: r.tier, from_dashboard: 'yes' },
});

describe('Customer → Create or Update: Skip Unchanged (against the emulator)', () => {
	let emu: ReturnType<typeof createEmulator>;
	let url: string;

	beforeEach(async () => {
		emu = createEmulator({ seed: 5 });
		({ url } = await emu.listen(0));
	});

	afterEach(async () => {
		await emu.close();
	});

	const seed = (rows: Row[]) => {
		const ctx = emu.makeCtx(MERCHANT, 'www.pay.com');
		return rows.map((r) => createCustomer(ctx, storedFor(r)));
	};
	const api = () => emu.requests().filter((r) => r.path.startsWith('/api/v1/'));
	const writes = () => api().filter((r) => r.method !== 'GET');
	const run = async (items: Row[], options: IDataObject = {}, extra: INodeParameters = {}) =>
		await runUseePay({
			baseUrl: url,
			credentials: EMULATOR_KEY,
			items: items as unknown as IDataObject[],
			parameters: sync(options, extra),
		});

	it('rows whose customer holds every field they set are not written: one list read, 0 writes, the customer as output', async () => {
		const rows = [row(1), row(2), row(3)];
		const stored = seed(rows);
		const { items, error } = await run(rows);
		expect(error).toBeUndefined();
		expect(api().map((r) => `${r.method} ${r.path}`)).toEqual(['GET /api/v1/customers']);
		expect(items.map((i) => i.json)).toEqual(stored.map((customer) => ({ ...customer, action: 'unchanged' })));
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
	});

	it('any differing field is written, nested ones and metadata compared field by field; the email exactly (UseePay keeps its case)', async () => {
		const rows = [row(1), row(2), row(3), row(4), row(5), row(6)];
		const stored = seed(rows);
		const input = [
			row(1, { name: 'Renamed' }),
			row(2, { city: 'Paris' }),
			row(3, { postcode: 'E3' }),
			row(4, { tier: 'silver' }),
			row(5, { email: 'C5@Example.com' }),
			row(6),
		];
		const { items } = await run(input);
		expect(items.map((i) => i.json.action)).toEqual([
			'updated',
			'updated',
			'updated',
			'updated',
			'updated',
			'unchanged',
		]);
		// The update sends the row's fields (the same body as without Skip Unchanged).
		const body = (r: Row) => {
			const fields = storedFor(r);
			delete fields.merchant_customer_id;
			return { ...fields, metadata: { tier: r.tier } };
		};
		// Written concurrently: compared in the order of the paths.
		const byPath = (a: unknown[], b: unknown[]) => String(a[1]).localeCompare(String(b[1]));
		expect(
			writes()
				.map((r) => [r.method, r.path, r.body])
				.sort(byPath),
		).toEqual(
			input
				.slice(0, 5)
				.map((r, i) => ['POST', `/api/v1/customers/${String(stored[i].id)}`, body(r)])
				.sort(byPath),
		);
		expect(items[3].json.metadata).toEqual({ tier: 'silver', from_dashboard: 'yes' });
	});

	it('Skip Unchanged off: every found row is written, as before', async () => {
		const rows = [row(1), row(2)];
		seed(rows);
		const { items } = await run(rows, { skipUnchanged: false });
		expect(items.map((i) => i.json.action)).toEqual(['updated', 'updated']);
		expect(writes()).toHaveLength(2);
	});

	it('one-item runs: the lookup decides the same way (unchanged: GET only; changed: GET then POST)', async () => {
		const [stored] = seed([row(1)]);
		const same = await run([row(1)]);
		expect(same.items.map((i) => i.json)).toEqual([{ ...stored, action: 'unchanged' }]);
		expect(api().map((r) => [r.method, r.query.merchant_customer_id])).toEqual([['GET', 'CRM-1']]);
		const changed = await run([row(1, { city: 'Leeds' })]);
		expect(changed.items[0].json.action).toBe('updated');
		expect(api().map((r) => [r.method, r.path])).toEqual([
			['GET', '/api/v1/customers'],
			['GET', '/api/v1/customers'],
			['POST', `/api/v1/customers/${String(stored.id)}`],
		]);
	});

	it('a value of another type than the stored one (metadata 5 vs "5") means a write', async () => {
		const ctx = emu.makeCtx(MERCHANT, 'www.pay.com');
		createCustomer(ctx, { merchant_customer_id: 'CRM-1', name: 'Ada', metadata: { seats: '5' } });
		const { items } = await runUseePay({
			baseUrl: url,
			credentials: EMULATOR_KEY,
			items: [{ crm_id: 'CRM-1' }],
			parameters: sync({}, { additionalFields: { name: 'Ada', extraFields: '{"metadata": {"seats": 5}}' } }),
		});
		expect(items[0].json.action).toBe('updated');
		expect(writes().map((r) => r.body)).toEqual([{ name: 'Ada', metadata: { seats: 5 } }]);
	});
});

describe('Customer → Create or Update: doubt means a write (list answers the emulator would not give)', () => {
	let recorder: Recorder;
	let listed: IDataObject[];

	beforeEach(async () => {
		recorder = await startRecorder((request) => {
			if (request.method === 'GET') return { status: 200, body: { items: listed, has_more: false } };
			return { status: 200, body: { id: request.path.split('/').pop(), ...(request.body as IDataObject) } };
		});
	});

	afterEach(async () => {
		await recorder.close();
	});

	it('a field the list answer does not show (Extra Fields locale), or an address the list gives as a string: written', async () => {
		listed = [
			{ id: 'cus_a', merchant_customer_id: 'CRM-1', name: 'Ada' },
			{ id: 'cus_b', merchant_customer_id: 'CRM-2', name: 'Bob', address: 'London GB' },
			{ id: 'cus_c', merchant_customer_id: 'CRM-3', name: 'Cy' },
		];
		const { items } = await runUseePay({
			baseUrl: recorder.url,
			items: [
				{ crm_id: 'CRM-1', name: 'Ada', extra: '{"locale":"en"}' },
				{ crm_id: 'CRM-2', name: 'Bob', city: 'London' },
				{ crm_id: 'CRM-3', name: 'Cy' },
			],
			parameters: sync(
				{},
				{
					additionalFields: {
						name: '={{ $json.name }}',
						address: { details: { city: '={{ $json.city }}' } },
						extraFields: '={{ $json.extra ?? "{}" }}',
					},
				},
			),
		});
		expect(items.map((i) => i.json.action)).toEqual(['updated', 'updated', 'unchanged']);
		const posts = recorder.requests.filter((r) => r.method === 'POST').map((r) => [r.path, r.rawBody]);
		expect(posts.sort()).toEqual([
			['/api/v1/customers/cus_a', '{"name":"Ada","locale":"en"}'],
			['/api/v1/customers/cus_b', '{"name":"Bob","address":{"city":"London"}}'],
		]);
	});
});
