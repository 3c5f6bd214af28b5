/**
 * Customer Create and Create or Update under the readings of UseePay the docs leave open: the
 * duplicate answer in both documented shapes, list filters the server ignores, and a list whose
 * page_num 0 is an empty page. The node must never update the wrong customer nor create one twice.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { createCustomer } from '../../emulator/resources/customers';
import { createEmulator } from '../../emulator/server';
import { isDuplicateAnswer } from '../../nodes/shared/duplicate';
import { carries } from '../../nodes/UseePay/resources/customer/calls';
import { runUseePay } from '../support/n8n';
import type { Recorder } from '../../tools/lib/recorder';
import { startRecorder } from '../../tools/lib/recorder';

const MERCHANT = '500000000007245';
const EMULATOR_KEY = { apiKey: 'UseePay_SK_emulator' };
const FAST = { requestsPerSecond: 1000, maxConcurrent: 10 };
/** UseePay's one documented duplicate-customer answer (docs 225901786e0): no code, MongoDB's message. */
const E11000 = {
	code: null,
	source: null,
	message:
		'E11000 duplicate key error collection: useepay.customer index: customer.customer_mid_idx dup key: { merchant_no: "500000000007245", merchant_customer_id: "CRM-7" }',
};

const createOrUpdate = (extra: INodeParameters = {}): INodeParameters => ({
	resource: 'customer',
	operation: 'createOrUpdate',
	merchant_customer_id: '={{ $json.crm_id }}',
	additionalFields: { name: '={{ $json.name }}' },
	options: FAST,
	...extra,
});
const create: INodeParameters = { ...createOrUpdate(), operation: 'create' };

describe('isDuplicateAnswer: one function for both documented duplicate answers', () => {
	it.each<[string, unknown, boolean]>([
		['already_exists', { code: 'already_exists', source: 'merchant_customer_id', message: 'exists' }, true],
		['E11000 with code null', E11000, true],
		['E11000 without a code', { message: E11000.message }, true],
		['another code with an E11000 message', { ...E11000, code: 'invalid_argument' }, false],
		['another error', { code: 'invalid_argument', message: 'name is too long' }, false],
		['no body', undefined, false],
	])('%s', (_, body, expected) => {
		expect(isDuplicateAnswer(body)).toBe(expected);
	});
});

describe('A duplicate answered as E11000 (code null)', () => {
	let api: Recorder;
	afterEach(async () => {
		await api.close();
	});

	it('Create or Update: recovers exactly as for already_exists (looks the customer up, updates it)', async () => {
		let created = false;
		api = await startRecorder((request) => {
			if (request.method === 'GET') {
				const items = created ? [{ id: 'cus_race', merchant_customer_id: 'CRM-7', name: 'Old' }] : [];
				return { status: 200, body: { items, has_more: false } };
			}
			if (request.path === '/api/v1/customers/create') {
				created = true;
				return { status: 400, body: E11000 };
			}
			return { status: 200, body: { id: 'cus_race', merchant_customer_id: 'CRM-7', ...(request.body as IDataObject) } };
		});
		const { items, error } = await runUseePay({
			baseUrl: api.url,
			items: [{ crm_id: 'CRM-7', name: 'Ada' }],
			parameters: createOrUpdate(),
		});
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => [r.method, r.path, r.query, r.rawBody])).toEqual([
			['GET', '/api/v1/customers', { merchant_customer_id: 'CRM-7', page_num: '0', page_size: '2' }, ''],
			['POST', '/api/v1/customers/create', {}, '{"merchant_customer_id":"CRM-7","name":"Ada"}'],
			['GET', '/api/v1/customers', { merchant_customer_id: 'CRM-7', page_num: '0', page_size: '2' }, ''],
			['POST', '/api/v1/customers/cus_race', {}, '{"name":"Ada"}'],
		]);
		expect(items[0].json).toEqual({ id: 'cus_race', merchant_customer_id: 'CRM-7', name: 'Ada', action: 'updated' });
	});

	it('Create: reported as already existing (code already_exists, UseePay’s message kept)', async () => {
		api = await startRecorder(() => ({ status: 400, body: E11000 }));
		const { items } = await runUseePay({
			baseUrl: api.url,
			continueOnFail: true,
			items: [{ crm_id: 'CRM-7', name: 'Ada' }],
			parameters: create,
		});
		expect(api.requests).toHaveLength(1);
		expect(items[0].json).toEqual({
			error: `UseePay rejected the request: A customer with merchant_customer_id CRM-7 already exists (UseePay: ${E11000.message})`,
			code: 'already_exists',
			source: 'merchant_customer_id',
			httpCode: '400',
		});
	});

	it('Create against the emulator’s e11000 dialect: the second create is reported as already existing', async () => {
		const emu = createEmulator({ seed: 1, duplicateAnswer: 'e11000' });
		const { url } = await emu.listen(0);
		try {
			const run = async () =>
				await runUseePay({
					baseUrl: url,
					credentials: EMULATOR_KEY,
					continueOnFail: true,
					items: [{ crm_id: 'CRM-7', name: 'Ada' }],
					parameters: create,
				});
			expect((await run()).items[0].json).toMatchObject({ merchant_customer_id: 'CRM-7', name: 'Ada' });
			const again = await run();
			expect(again.items[0].json).toMatchObject({ code: 'already_exists', source: 'merchant_customer_id' });
			expect(again.items[0].json.error).toMatch(/already exists \(UseePay: E11000 duplicate key error/);
		} finally {
			await emu.close();
		}
	});
});

describe('Create or Update against UseePays that ignore filters or count pages from 1', () => {
	let emu: ReturnType<typeof createEmulator>;
	let url: string;

	afterEach(async () => {
		await emu.close();
	});

	/** An emulator with customers CRM-0 … CRM-(n-1) named Old i, emails old<i>@example.com. */
	async function start(options: Parameters<typeof createEmulator>[0], n: number) {
		emu = createEmulator({ seed: 5, ...options });
		({ url } = await emu.listen(0));
		const ctx = emu.makeCtx(MERCHANT, 'www.pay.com');
		for (let i = 0; i < n; i++)
			createCustomer(ctx, { merchant_customer_id: `CRM-${i}`, name: `Old ${i}`, email: `old${i}@example.com` });
	}

	const stored = () => {
		const all: IDataObject[] = [];
		for (let page = 0; ; page++) {
			const { items, has_more } = emu.store.list(MERCHANT, 'customers', {
				query: { page_num: String(page), page_size: '100' },
			});
			all.push(...(items as IDataObject[]));
			if (!has_more) return all;
		}
	};
	const byMci = () => Object.fromEntries(stored().map((c) => [String(c.merchant_customer_id), c.name]));
	const run = async (items: IDataObject[], parameters: INodeParameters = createOrUpdate()) =>
		await runUseePay({ baseUrl: url, credentials: EMULATOR_KEY, items, parameters });

	it.each([
		['merchant_customer_id', {}, { crm_id: 'CRM-42', name: 'New 42' }],
		[
			'email',
			{ matchOn: 'email', email: '={{ $json.email }}' },
			{ crm_id: 'CRM-42', name: 'New 42', email: 'OLD42@example.com' },
		],
	])('filters ignored, one row matched on %s: only that customer is updated', async (_, match, row) => {
		await start({ filters: 'ignored' }, 150);
		const { items, error } = await run([row], createOrUpdate(match));
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({ merchant_customer_id: 'CRM-42', name: 'New 42', action: 'updated' });
		const names = byMci();
		expect(Object.keys(names)).toHaveLength(150);
		expect(Object.entries(names).filter(([mci, name]) => name !== `Old ${mci.slice(4)}`)).toEqual([
			['CRM-42', 'New 42'],
		]);
		// The filtered page held other customers: the whole list was read and matched by the node.
		const reads = emu.requests().filter((r) => r.method === 'GET');
		expect(reads.map((r) => [r.query.page_num, r.query.page_size])).toEqual([
			['0', '2'],
			['0', '100'],
			['1', '100'],
		]);
	});

	it('filters ignored, a row whose customer does not exist: created, no other customer touched', async () => {
		await start({ filters: 'ignored' }, 30);
		const { items } = await run([{ crm_id: 'CRM-NEW', name: 'Brand new' }]);
		expect(items[0].json).toMatchObject({ merchant_customer_id: 'CRM-NEW', action: 'created' });
		const names = byMci();
		expect(Object.keys(names)).toHaveLength(31);
		expect(Object.entries(names).filter(([mci, name]) => name !== `Old ${mci.slice(4)}`)).toEqual([
			['CRM-NEW', 'Brand new'],
		]);
	});

	it('page_num from 1 with an empty page 0: the duplicate refusal leads to the customer, then learned', async () => {
		await start({ pageBase: 1, pageZero: 'empty' }, 3);
		const first = await run([{ crm_id: 'CRM-1', name: 'New 1' }]);
		expect(first.error).toBeUndefined();
		expect(first.items[0].json).toMatchObject({ merchant_customer_id: 'CRM-1', name: 'New 1', action: 'updated' });
		const wire = () =>
			emu.requests().map((r) => `${r.method} ${r.path}${r.query.page_num ? ` page_num=${r.query.page_num}` : ''}`);
		expect(wire()).toEqual([
			'GET /api/v1/customers page_num=0',
			'POST /api/v1/customers/create',
			'GET /api/v1/customers page_num=0',
			'GET /api/v1/customers page_num=1',
			expect.stringMatching(/^POST \/api\/v1\/customers\/cus_/),
		]);
		emu.requestLog.clear();
		const again = await run([{ crm_id: 'CRM-2', name: 'New 2' }]);
		expect(again.items[0].json).toMatchObject({ merchant_customer_id: 'CRM-2', action: 'updated' });
		expect(wire()).toEqual([
			'GET /api/v1/customers page_num=1',
			expect.stringMatching(/^POST \/api\/v1\/customers\/cus_/),
		]);
		expect(stored()).toHaveLength(3);
	});

	it('page_num from 1 with an empty page 0, matched on email: the empty page is asked for again as page 1', async () => {
		await start({ pageBase: 1, pageZero: 'empty' }, 3);
		const { items } = await run(
			[{ crm_id: 'CRM-X', name: 'New 2', email: 'old2@example.com' }],
			createOrUpdate({ matchOn: 'email', email: '={{ $json.email }}' }),
		);
		expect(items[0].json).toMatchObject({ merchant_customer_id: 'CRM-2', name: 'New 2', action: 'updated' });
		expect(stored()).toHaveLength(3);
	});

	it('the SDK dialect (page, data, E11000, at most 20 a page): 60 rows, 45 known, no duplicate', async () => {
		await start({ dialect: 'sdk' }, 45);
		const rows = Array.from({ length: 60 }, (_, i) => ({ crm_id: `CRM-${i}`, name: `New ${i}` }));
		const { items, error } = await run(rows);
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json.action)).toEqual(rows.map((_, i) => (i < 45 ? 'updated' : 'created')));
		const names = byMci();
		expect(Object.keys(names)).toHaveLength(60);
		expect(Object.values(names)).toEqual(expect.arrayContaining(rows.map((r) => r.name)));
	});
});

describe('Create after an unclear failure: the customer found is ours when it kept what we sent', () => {
	const sent = {
		merchant_customer_id: 'CRM-7',
		name: 'Ada Lovelace',
		email: 'Ada@Example.com',
		phone: '+1 617 555 0100',
		address: { country: 'US', city: 'Boston' },
	};

	it.each<[string, IDataObject, boolean]>([
		['everything kept', sent, true],
		['a field dropped (absent, null or empty)', { ...sent, phone: undefined, email: null, name: '' }, true],
		['a nested field dropped', { ...sent, address: { country: 'US' } }, true],
		[
			'normalised (email lower-cased, phone formatted)',
			{ ...sent, email: 'ada@example.com', phone: '+1-617-555-0100' },
			true,
		],
		['another name: someone else’s customer', { ...sent, name: 'Someone else' }, false],
		['another city', { ...sent, address: { country: 'US', city: 'Paris' } }, false],
	])('%s', (_, stored, ours) => {
		expect(carries(stored, sent)).toBe(ours);
	});

	it('a lost answer, and UseePay stored the customer without the phone, email lower-cased: Create succeeds', async () => {
		let stored: IDataObject | undefined;
		const api = await startRecorder((request) => {
			if (request.method === 'GET') return { status: 200, body: { items: stored ? [stored] : [], has_more: false } };
			const body = request.body as IDataObject;
			stored = { id: 'cus_ours', ...body, email: String(body.email).toLowerCase(), phone: null };
			return { drop: true };
		});
		try {
			const { items, error } = await runUseePay({
				baseUrl: api.url,
				items: [{ crm_id: 'CRM-7', name: 'Ada', email: 'Ada@Example.com' }],
				parameters: {
					...create,
					additionalFields: { name: '={{ $json.name }}', email: '={{ $json.email }}', phone: '+1 617 555 0100' },
				},
			});
			expect(error).toBeUndefined();
			expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
				'POST /api/v1/customers/create',
				'GET /api/v1/customers',
			]);
			expect(items[0].json).toEqual(stored);
		} finally {
			await api.close();
		}
	});
});
