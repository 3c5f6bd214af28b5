import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { createCustomer } from '../../emulator/resources/customers';
import { createEmulator } from '../../emulator/server';
import { readExample } from '../../tools/lib/fixtures';
import { runUseePay } from '../support/n8n';

/**
 * Customer → Create or Update with Preview Only (dry run) and Empty Values, through n8n-core
 * against the emulator: the plan of each row, and that a preview sends nothing but GETs.
 */

const EMULATOR_KEY = { apiKey: 'UseePay_SK_emulator' };
const MERCHANT = '500000000007245';
const FAST = { requestsPerSecond: 1000, maxConcurrent: 10 };

const createOrUpdate = (options: IDataObject = {}, extra: INodeParameters = {}): INodeParameters => ({
	resource: 'customer',
	operation: 'createOrUpdate',
	merchant_customer_id: '={{ $json.crm_id }}',
	additionalFields: {
		name: '={{ $json.name }}',
		email: '={{ $json.email }}',
		phone: '={{ $json.phone }}',
		address: { details: { city: '={{ $json.city }}' } },
		metadata: { entries: [{ key: 'tier', value: '={{ $json.tier }}' }] },
	},
	options: { ...FAST, ...options },
	...extra,
});

const PREVIEW = { previewOnly: true };

describe('Customer → Create or Update, Preview Only and Empty Values (against the emulator)', () => {
	let emu: ReturnType<typeof createEmulator>;
	let url: string;

	beforeEach(async () => {
		emu = createEmulator({ seed: 7 });
		({ url } = await emu.listen(0));
	});

	afterEach(async () => {
		await emu.close();
	});

	const seed = (customers: IDataObject[]) => {
		const ctx = emu.makeCtx(MERCHANT, 'www.pay.com');
		return customers.map((customer) => createCustomer(ctx, customer));
	};
	const ada = {
		merchant_customer_id: 'CRM-1',
		name: 'Ada',
		email: 'ada@example.com',
		phone: '+44 1',
		address: { city: 'London' },
		metadata: { tier: 'gold' },
	};
	const adaRow = {
		crm_id: 'CRM-1',
		name: 'Ada',
		email: 'ada@example.com',
		phone: '+44 1',
		city: 'London',
		tier: 'gold',
	};
	const api = () => emu.requests().filter((r) => r.path.startsWith('/api/v1/'));
	const customers = () => emu.store.list(MERCHANT, 'customers', { query: { page_size: '100' } }).items;
	const run = async (items: IDataObject[], options: IDataObject = {}, extra: INodeParameters = {}) =>
		await runUseePay({
			baseUrl: url,
			credentials: EMULATOR_KEY,
			items,
			parameters: createOrUpdate(options, extra),
		});

	it('one output per row: unchanged, update with the field diff (dotted paths), create, conflict (no key); only GETs', async () => {
		const [stored] = seed([ada]);
		const { items, error } = await run(
			[
				adaRow,
				{ ...adaRow, crm_id: '', name: 'Nobody' },
				{ ...adaRow, city: 'Paris', tier: 'silver' },
				{ crm_id: 'CRM-9', name: 'Grace', email: 'grace@example.com', city: 'NYC', tier: '' },
			],
			PREVIEW,
		);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([
			{ action: 'unchanged', id: stored.id, merchant_customer_id: 'CRM-1', email: 'ada@example.com', changes: {} },
			{
				action: 'conflict',
				reason: 'The row has no Merchant Customer ID (the key it is matched on)',
				id: null,
				merchant_customer_id: null,
				changes: {},
			},
			{
				action: 'update',
				id: stored.id,
				merchant_customer_id: 'CRM-1',
				email: 'ada@example.com',
				changes: { 'address.city': { from: 'London', to: 'Paris' }, 'metadata.tier': { from: 'gold', to: 'silver' } },
			},
			{
				action: 'create',
				id: null,
				merchant_customer_id: 'CRM-9',
				email: 'grace@example.com',
				changes: {
					merchant_customer_id: { from: null, to: 'CRM-9' },
					name: { from: null, to: 'Grace' },
					email: { from: null, to: 'grace@example.com' },
					'address.city': { from: null, to: 'NYC' },
				},
			},
		]);
		expect(items.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		// The index read only: one page of the list, nothing written.
		expect(api().map((r) => `${r.method} ${r.path} ${r.query.page_num}`)).toEqual(['GET /api/v1/customers 0']);
		expect(customers()).toEqual([stored]);
	});

	it('match on email: several customers with the email, or a row without email, are conflicts that say why', async () => {
		const [a, b] = seed([
			{ merchant_customer_id: 'A', email: 'twin@example.com' },
			{ merchant_customer_id: 'B', email: 'TWIN@example.com' },
		]);
		const { items } = await run(
			[
				{ crm_id: 'CRM-1', email: 'twin@example.com' },
				{ crm_id: 'CRM-2', email: '' },
			],
			PREVIEW,
			{ matchOn: 'email', email: '={{ $json.email }}', additionalFields: {} },
		);
		const ids = [String(a.id), String(b.id)];
		expect(items.map((i) => i.json)).toEqual([
			{
				action: 'conflict',
				reason: expect.stringMatching(/^2 UseePay customers have the email 'twin@example.com': cus_\w+, cus_\w+$/),
				id: null,
				merchant_customer_id: 'CRM-1',
				email: 'twin@example.com',
				changes: {},
			},
			{
				action: 'conflict',
				reason: 'The row has no Email (the key it is matched on)',
				id: null,
				merchant_customer_id: 'CRM-2',
				email: '',
				changes: {},
			},
		]);
		for (const id of ids) expect(items[0].json.reason).toContain(id);
		expect(api().every((r) => r.method === 'GET')).toBe(true);
	});

	it('one item: the filtered lookup, then the plan; no write', async () => {
		const [stored] = seed([ada]);
		const { items } = await run([{ ...adaRow, name: 'Ada L.' }], PREVIEW);
		expect(items[0].json).toEqual({
			action: 'update',
			id: stored.id,
			merchant_customer_id: 'CRM-1',
			email: 'ada@example.com',
			changes: { name: { from: 'Ada', to: 'Ada L.' } },
		});
		expect(api().map((r) => [r.method, r.path, r.query.merchant_customer_id])).toEqual([
			['GET', '/api/v1/customers', 'CRM-1'],
		]);
	});

	it('Empty Values: Ignore (the default) leaves a field the row has empty as it is in UseePay', async () => {
		const [stored] = seed([ada]);
		const row = { ...adaRow, name: '', phone: null, tier: '' };
		const unchanged = await run([row]);
		expect(unchanged.items[0].json.action).toBe('unchanged');
		const { items } = await run([{ ...row, city: 'Paris' }]);
		expect(items[0].json.action).toBe('updated');
		const posts = api().filter((r) => r.method === 'POST');
		expect(posts.map((r) => [r.path, r.body])).toEqual([
			[`/api/v1/customers/${String(stored.id)}`, { email: 'ada@example.com', address: { city: 'Paris' } }],
		]);
		expect(customers()[0]).toMatchObject({ name: 'Ada', phone: '+44 1', metadata: { tier: 'gold' } });
	});

	it('Empty Values: Clear In UseePay sends null for the emptied fields of an update, leaves them out of a create', async () => {
		const [stored] = seed([ada]);
		const rows = [
			{ ...adaRow, name: '', phone: null, tier: '' },
			{ crm_id: 'CRM-2', name: '', email: 'bo@example.com', city: 'Oslo', tier: 'new' },
		];
		const preview = await run(rows, { ...PREVIEW, emptyValues: 'clear' });
		expect(preview.items[0].json.changes).toEqual({
			name: { from: 'Ada', to: null },
			phone: { from: '+44 1', to: null },
			'metadata.tier': { from: 'gold', to: null },
		});
		expect(preview.items[1].json.changes).not.toHaveProperty('name');
		expect(api().every((r) => r.method === 'GET')).toBe(true);

		const { items, error } = await run(rows, { emptyValues: 'clear' });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.action)).toEqual(['updated', 'created']);
		const posts = api().filter((r) => r.method === 'POST');
		const byPath = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));
		expect(posts.map((r) => [r.path, r.body]).sort(byPath)).toEqual(
			[
				[
					`/api/v1/customers/${String(stored.id)}`,
					{ name: null, email: 'ada@example.com', phone: null, address: { city: 'London' }, metadata: { tier: null } },
				],
				[
					'/api/v1/customers/create',
					{
						merchant_customer_id: 'CRM-2',
						email: 'bo@example.com',
						address: { city: 'Oslo' },
						metadata: { tier: 'new' },
					},
				],
			].sort(byPath),
		);
		expect(customers().find((c) => c.id === stored.id)).toMatchObject({ name: null, phone: null });
		// Cleared once, the same rows change nothing any more.
		const again = await run(rows, { emptyValues: 'clear' });
		expect(again.items.map((i) => i.json.action)).toEqual(['unchanged', 'unchanged']);
	});

	it('the example examples/crm-preview-then-sync: its Preview node on its CRM rows plans what changed, with GETs only', async () => {
		const workflow = readExample('crm-preview-then-sync.workflow.json');
		const node = (name: string) => workflow.nodes.find((n: IDataObject) => n.name === name);
		// The Code node's rows, read from its object literals (lint allows no eval in the package's tests).
		const literals = [...String(node('CRM rows').parameters.jsCode).matchAll(/\{ (crm_id: [^{}]+) \}/g)];
		const rows: IDataObject[] = literals.map(([, fields]) =>
			Object.fromEntries([...fields.matchAll(/(\w+): '([^']*)'/g)].map(([, key, value]) => [key, value])),
		);
		expect(rows.map((r) => r.crm_id)).toEqual(['CRM-1001', 'CRM-1002', 'CRM-1003']);
		seed(
			rows.map((r) => ({
				merchant_customer_id: r.crm_id,
				name: r.name,
				email: r.email,
				phone: r.phone,
				address: { city: r.crm_id === 'CRM-1002' ? 'Boston' : r.city, country: r.country },
				metadata: { source: 'crm' },
			})),
		);
		const { items, error } = await runUseePay({
			baseUrl: url,
			credentials: EMULATOR_KEY,
			items: rows,
			parameters: node('Preview the sync').parameters,
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => [i.json.action, i.json.changes])).toEqual([
			['unchanged', {}],
			['update', { 'address.city': { from: 'Boston', to: 'New York' } }],
			['unchanged', {}],
		]);
		expect(api().every((r) => r.method === 'GET')).toBe(true);
		// The IF node's condition counts the updates of the preview.
		const condition = node('At most 50 updates?').parameters.conditions.conditions[0];
		expect(condition.leftValue).toBe("={{ $input.all().filter((item) => item.json.action === 'update').length }}");
		expect(condition.operator).toEqual({ type: 'number', operation: 'lte' });
	});
});
