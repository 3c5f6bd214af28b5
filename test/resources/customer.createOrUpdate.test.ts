import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { createCustomer } from '../../emulator/resources/customers';
import { createEmulator } from '../../emulator/server';
import { runUseePay } from '../support/n8n';
import type { Recorder } from '../../tools/lib/recorder';
import { startRecorder } from '../../tools/lib/recorder';

const EMULATOR_KEY = { apiKey: 'UseePay_SK_emulator' };
/** Fast enough for tests; the defaults (100/s) are exercised by the benchmark. */
const FAST = { requestsPerSecond: 1000, maxConcurrent: 10 };

const createOrUpdate = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'customer',
	operation: 'createOrUpdate',
	merchant_customer_id: '={{ $json.crm_id }}',
	additionalFields: { name: '={{ $json.name }}', email: '={{ $json.email }}' },
	options: FAST,
	...extra,
});

describe('Customer → Create or Update: the requests on the wire', () => {
	let api: Recorder;
	let existing: IDataObject[];

	beforeEach(async () => {
		existing = [];
		api = await startRecorder((request) => {
			if (request.method === 'GET') {
				const items = existing.filter((c) =>
					request.query.email !== undefined
						? String(c.email).toLowerCase() === request.query.email.toLowerCase()
						: c.merchant_customer_id === request.query.merchant_customer_id,
				);
				return { status: 200, body: { items, has_more: false } };
			}
			if (request.path === '/api/v1/customers/create')
				return { status: 200, body: { id: 'cus_new', ...(request.body as IDataObject) } };
			return { status: 200, body: { id: request.path.split('/').pop(), ...(request.body as IDataObject) } };
		});
	});

	afterEach(async () => {
		await api.close();
	});

	it('not found: GET with the merchant_customer_id filter, then POST create with the whole body', async () => {
		const { items, error } = await runUseePay({
			baseUrl: api.url,
			items: [{ crm_id: 'CRM-7', name: 'Ada', email: 'ada@example.com' }],
			parameters: createOrUpdate(),
		});
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => [r.method, r.path, r.query, r.rawBody])).toEqual([
			['GET', '/api/v1/customers', { merchant_customer_id: 'CRM-7', page_num: '0', page_size: '2' }, ''],
			[
				'POST',
				'/api/v1/customers/create',
				{},
				'{"merchant_customer_id":"CRM-7","name":"Ada","email":"ada@example.com"}',
			],
		]);
		expect(api.requests[1].headers['content-type']).toMatch(/^application\/json/);
		expect(api.requests[1].headers['x-api-key']).toBeDefined();
		expect(items).toEqual([
			{
				json: {
					id: 'cus_new',
					merchant_customer_id: 'CRM-7',
					name: 'Ada',
					email: 'ada@example.com',
					action: 'created',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('found: GET with the filter, then POST update of that customer without merchant_customer_id', async () => {
		existing = [{ id: 'cus_old', merchant_customer_id: 'CRM-7', name: 'Old' }];
		const { items } = await runUseePay({
			baseUrl: api.url,
			items: [{ crm_id: 'CRM-7', name: 'Ada', email: 'ada@example.com' }],
			parameters: createOrUpdate(),
		});
		expect(api.requests.map((r) => [r.method, r.path, r.rawBody])).toEqual([
			['GET', '/api/v1/customers', ''],
			['POST', '/api/v1/customers/cus_old', '{"name":"Ada","email":"ada@example.com"}'],
		]);
		expect(items[0].json).toEqual({ id: 'cus_old', name: 'Ada', email: 'ada@example.com', action: 'updated' });
	});

	it('match on email: GET with the email filter (case-insensitive match)', async () => {
		existing = [{ id: 'cus_mail', merchant_customer_id: 'OTHER', email: 'Ada@Example.com' }];
		const { items } = await runUseePay({
			baseUrl: api.url,
			items: [{ crm_id: 'CRM-7', name: 'Ada', email: 'ada@example.com' }],
			parameters: createOrUpdate({
				matchOn: 'email',
				email: '={{ $json.email }}',
				additionalFields: { name: '={{ $json.name }}' },
			}),
		});
		expect(api.requests.map((r) => [r.method, r.path, r.query.email, r.rawBody])).toEqual([
			['GET', '/api/v1/customers', 'ada@example.com', ''],
			['POST', '/api/v1/customers/cus_mail', undefined, '{"name":"Ada","email":"ada@example.com"}'],
		]);
		expect(items[0].json.action).toBe('updated');
	});

	it('match on email: two customers with that email fail the item instead of guessing', async () => {
		existing = [
			{ id: 'cus_a', email: 'ada@example.com' },
			{ id: 'cus_b', email: 'ada@example.com' },
		];
		const { items } = await runUseePay({
			baseUrl: api.url,
			continueOnFail: true,
			items: [{ crm_id: 'CRM-7', email: 'ada@example.com' }],
			parameters: createOrUpdate({ matchOn: 'email', email: '={{ $json.email }}', additionalFields: {} }),
		});
		expect(api.requests).toHaveLength(1);
		expect(items[0].json.error).toMatch(/2 UseePay customers have the email 'ada@example.com'/);
	});

	it('a server that ignores the filter: the node notices and reads the list page by page', async () => {
		api.setResponder((request) => {
			if (request.method !== 'GET') return { status: 200, body: { id: 'cus_new' } };
			const page = Number(request.query.page_num);
			const all = Array.from({ length: 150 }, (_, i) => ({ id: `cus_${i}`, merchant_customer_id: `CRM-${i}` }));
			const size = Number(request.query.page_size);
			return {
				status: 200,
				body: { items: all.slice(page * size, page * size + size), has_more: (page + 1) * size < all.length },
			};
		});
		const { items } = await runUseePay({
			baseUrl: api.url,
			items: [{ crm_id: 'CRM-120', name: 'X' }],
			parameters: createOrUpdate(),
		});
		expect(api.requests.map((r) => [r.method, r.query.page_num, r.query.page_size, r.path])).toEqual([
			['GET', '0', '2', '/api/v1/customers'],
			['GET', '0', '100', '/api/v1/customers'],
			['GET', '1', '100', '/api/v1/customers'],
			['POST', undefined, undefined, '/api/v1/customers/cus_120'],
		]);
		expect(items[0].json.action).toBe('updated');
	});

	it('already_exists on create (someone created it meanwhile): looks it up again and updates it', async () => {
		let created = false;
		api.setResponder((request) => {
			if (request.method === 'GET') {
				return {
					status: 200,
					body: { items: created ? [{ id: 'cus_race', merchant_customer_id: 'CRM-7' }] : [], has_more: false },
				};
			}
			if (request.path === '/api/v1/customers/create') {
				created = true;
				return { status: 400, body: { code: 'already_exists', source: 'merchant_customer_id', message: 'exists' } };
			}
			return { status: 200, body: { id: 'cus_race', ...(request.body as IDataObject) } };
		});
		const { items } = await runUseePay({
			baseUrl: api.url,
			items: [{ crm_id: 'CRM-7', name: 'Ada' }],
			parameters: createOrUpdate(),
		});
		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'GET /api/v1/customers',
			'POST /api/v1/customers/create',
			'GET /api/v1/customers',
			'POST /api/v1/customers/cus_race',
		]);
		expect(items[0].json).toMatchObject({ id: 'cus_race', action: 'updated' });
	});

	it('bad input fails the item before any request, naming the field and the item', async () => {
		const { error } = await runUseePay({
			baseUrl: api.url,
			items: [{ crm_id: 'CRM-1' }, { crm_id: '' }],
			parameters: createOrUpdate({ additionalFields: {} }),
		});
		expect(error?.message).toBe("'Merchant Customer ID' is required [item 1]");
	});
});

describe('Customer → Create or Update against the emulator', () => {
	const rows = Array.from({ length: 30 }, (_, i) => ({
		crm_id: `CRM-${i}`,
		name: `Customer ${i}`,
		email: `c${i}@example.com`,
	}));

	it('creates what is new, updates what exists, and a re-run writes nothing', async () => {
		const emu = createEmulator({ seed: 1 });
		const { url } = await emu.listen(0);
		try {
			// Ten of them exist already, with old names.
			for (const row of rows.slice(0, 10)) {
				await fetch(`${url}/api/v1/customers/create`, {
					method: 'POST',
					headers: {
						'content-type': 'application/json',
						'x-merchant-no': '500000000007245',
						'x-api-key': 'UseePay_SK_emulator',
						'x-app-id': 'www.pay.com',
					},
					body: JSON.stringify({ merchant_customer_id: row.crm_id, name: 'Old name' }),
				});
			}
			const first = await runUseePay({
				baseUrl: url,
				credentials: EMULATOR_KEY,
				items: rows,
				parameters: createOrUpdate(),
			});
			expect(first.error).toBeUndefined();
			expect(first.items.map((i) => i.json.action)).toEqual(rows.map((_, i) => (i < 10 ? 'updated' : 'created')));
			expect(first.items.map((i) => i.json.merchant_customer_id)).toEqual(rows.map((r) => r.crm_id));
			expect(first.items.map((i) => i.json.name)).toEqual(rows.map((r) => r.name));
			const apiRequests = () => emu.requests().filter((r) => r.path.startsWith('/api/v1/')).length;
			// Ten seeded, then one page of the customer list and one write per row.
			expect(apiRequests()).toBe(10 + 1 + rows.length);

			const again = await runUseePay({
				baseUrl: url,
				credentials: EMULATOR_KEY,
				items: rows,
				parameters: createOrUpdate(),
			});
			// Nothing changed since: every row is skipped (Skip Unchanged), one list read and no write.
			expect(again.items.map((i) => i.json.action)).toEqual(rows.map(() => 'unchanged'));
			expect(apiRequests()).toBe(10 + 1 + rows.length + 1);
			const creates = emu.requests().filter((r) => r.path === '/api/v1/customers/create');
			expect(creates).toHaveLength(10 + 20);
			const customers = emu.store.list('500000000007245', 'customers', { query: { page_size: '100' } }).items;
			expect(customers).toHaveLength(rows.length);
		} finally {
			await emu.close();
		}
	});
});

describe('Customer → Create or Update with many rows: one read of the customer list, then one write per row', () => {
	const MERCHANT = '500000000007245';
	let emu: ReturnType<typeof createEmulator>;
	let url: string;

	beforeEach(async () => {
		emu = createEmulator({ seed: 3 });
		({ url } = await emu.listen(0));
	});

	afterEach(async () => {
		await emu.close();
	});

	/** `n` customers CRM-0 … CRM-(n-1) with old names and emails old<i>@example.com, created in that order. */
	function seed(n: number) {
		const ctx = emu.makeCtx(MERCHANT, 'www.pay.com');
		for (let i = 0; i < n; i++)
			createCustomer(ctx, { merchant_customer_id: `CRM-${i}`, name: 'Old name', email: `old${i}@example.com` });
	}

	const requests = () => emu.requests().filter((r) => r.path.startsWith('/api/v1/'));
	const pageReads = () => requests().filter((r) => r.method === 'GET' && r.query.merchant_customer_id === undefined);
	/** Create or Update over `items`, into the emulator's account. */
	const sync = async (items: IDataObject[]) =>
		await runUseePay({ baseUrl: url, credentials: EMULATOR_KEY, items, parameters: createOrUpdate() });
	const rowsFor = (ids: number[]) =>
		ids.map((i) => ({ crm_id: `CRM-${i}`, name: `Customer ${i}`, email: `c${i}@example.com` }));

	it('250 customers, 300 rows (200 of them known): 3 pages (+ page 3, asked for ahead: 100 rows were still sought) + 300 writes, writes start before the list is read', async () => {
		seed(250);
		const input = rowsFor([...Array(300).keys()].map((i) => (i < 200 ? i : i + 100)));
		const { items, error } = await sync(input);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.merchant_customer_id)).toEqual(input.map((r) => r.crm_id));
		expect(items.map((i) => i.json.action)).toEqual(input.map((_, i) => (i < 200 ? 'updated' : 'created')));
		expect(items.map((i) => i.json.name)).toEqual(input.map((r) => r.name));
		expect(pageReads().map((r) => r.query.page_num)).toEqual(['0', '1', '2', '3']);
		expect(requests()).toHaveLength(4 + 300);
		// Rows whose customer was on the first page were written while the other pages were read.
		const log = requests();
		const firstWrite = log.findIndex((r) => r.method === 'POST');
		expect(firstWrite).toBeLessThan(log.indexOf(pageReads()[2]));
	});

	it('1,000 customers, 1,000 rows that are all of them: 10 pages, none asked for past the end, + 1,000 writes', async () => {
		seed(1000);
		const input = rowsFor([...Array(1000).keys()]);
		const { items, error } = await sync(input);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.action)).toEqual(input.map(() => 'updated'));
		expect(pageReads().map((r) => r.query.page_num)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
		expect(requests()).toHaveLength(10 + 1000);
	});

	it('stops reading the list once every row has been found', async () => {
		seed(350);
		const { items } = await sync(rowsFor([349, 300, 280]));
		expect(items.map((i) => i.json.action)).toEqual(['updated', 'updated', 'updated']);
		expect(pageReads()).toHaveLength(1);
		expect(requests()).toHaveLength(1 + 3);
	});

	it('a list longer than the rows are many: stops after as many pages as rows, and looks the rest up', async () => {
		seed(350);
		const { items } = await sync(rowsFor([0, 1000]));
		expect(items.map((i) => i.json.action)).toEqual(['updated', 'created']);
		expect(requests().map((r) => `${r.method} ${r.query.merchant_customer_id ?? r.query.page_num ?? r.path}`)).toEqual([
			'GET 0',
			'GET 1',
			expect.stringMatching(/^GET CRM-(0|1000)$/),
			expect.stringMatching(/^GET CRM-(0|1000)$/),
			expect.stringMatching(/^POST /),
			expect.stringMatching(/^POST /),
		]);
	});

	it('match on email: the list is read to its end; two customers with the email fail that row only', async () => {
		seed(120);
		const ctx = emu.makeCtx(MERCHANT, 'www.pay.com');
		createCustomer(ctx, { merchant_customer_id: 'TWIN', email: 'OLD5@example.com' });
		const { items } = await runUseePay({
			baseUrl: url,
			credentials: EMULATOR_KEY,
			continueOnFail: true,
			items: [
				{ crm_id: 'CRM-5', email: 'old5@example.com' },
				{ crm_id: 'CRM-7', email: 'Old7@Example.com' },
				{ crm_id: 'NEW-1', email: 'new1@example.com' },
			],
			parameters: createOrUpdate({ matchOn: 'email', email: '={{ $json.email }}', additionalFields: {} }),
		});
		expect(items[0].json.error).toMatch(/2 UseePay customers have the email 'old5@example.com'/);
		expect(items[1].json).toMatchObject({
			merchant_customer_id: 'CRM-7',
			email: 'Old7@Example.com',
			action: 'updated',
		});
		expect(items[2].json).toMatchObject({ merchant_customer_id: 'NEW-1', action: 'created' });
		expect(pageReads().map((r) => r.query.page_num)).toEqual(['0', '1']);
		expect(requests()).toHaveLength(2 + 2);
	});
});

describe('Customer → Create or Update: a customer created by someone else after the list was read', () => {
	it('already_exists on create → looked up → updated', async () => {
		let created = false;
		const api = await startRecorder((request) => {
			if (request.method === 'GET' && request.query.merchant_customer_id === undefined)
				return { status: 200, body: { items: [], has_more: false } };
			if (request.method === 'GET') {
				const found = request.query.merchant_customer_id === 'CRM-1' && created;
				return {
					status: 200,
					body: { items: found ? [{ id: 'cus_race', merchant_customer_id: 'CRM-1' }] : [], has_more: false },
				};
			}
			if (
				request.path === '/api/v1/customers/create' &&
				(request.body as IDataObject).merchant_customer_id === 'CRM-1'
			) {
				created = true;
				return { status: 400, body: { code: 'already_exists', source: 'merchant_customer_id', message: 'exists' } };
			}
			if (request.path === '/api/v1/customers/create')
				return { status: 200, body: { id: 'cus_new', ...(request.body as IDataObject) } };
			return { status: 200, body: { id: 'cus_race', ...(request.body as IDataObject) } };
		});
		try {
			const { items } = await runUseePay({
				baseUrl: api.url,
				items: [
					{ crm_id: 'CRM-0', name: 'Zero' },
					{ crm_id: 'CRM-1', name: 'One' },
				],
				parameters: createOrUpdate({ additionalFields: { name: '={{ $json.name }}' } }),
			});
			expect(items.map((i) => i.json.action)).toEqual(['created', 'updated']);
			expect(items[1].json).toMatchObject({ id: 'cus_race', name: 'One' });
			const wire = api.requests.map(
				(r) => `${r.method} ${r.path}${r.query.merchant_customer_id ? `?${r.query.merchant_customer_id}` : ''}`,
			);
			// The index: an empty page_num 0 is asked for again as page 1 (a list counting from 1 may
			// answer page_num 0 with an empty page), then one lookup and one write per row.
			expect(api.requests.slice(0, 2).map((r) => r.query)).toEqual([
				{ page_num: '0', page_size: '100' },
				{ page_num: '1', page: '1', page_size: '100', limit: '100' },
			]);
			expect(wire.filter((w) => w.includes('CRM-1') || w.endsWith('cus_race'))).toEqual([
				'GET /api/v1/customers?CRM-1',
				'POST /api/v1/customers/cus_race',
			]);
			expect(wire).toHaveLength(6);
		} finally {
			await api.close();
		}
	});
});
