import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Recorder } from '../../tools/lib/recorder';
import { startRecorder } from '../../tools/lib/recorder';
import { runUseePay } from '../support/n8n';
import { describeRouting, expectAuthHeaders } from '../support/routingTable';

const id = (value: string, mode = 'id') => ({ __rl: true, mode, value });
const PI = '1012500000000000001';
const REFUND = '3f2a9c0d5e6b47a18c9d0e1f2a3b4c5d';

describeRouting(
	'Refund operations through n8n-core routing',
	'refund',
	[
		{
			name: 'Get reads one refund by ID',
			parameters: { operation: 'get', refundId: id(REFUND, 'list') },
			method: 'GET',
			path: `/api/v1/refunds/${REFUND}`,
		},
		{
			name: 'Update sends reason and metadata',
			parameters: {
				operation: 'update',
				refundId: id(REFUND),
				updateFields: { reason: 'damaged', metadata: { entries: [{ key: 'k', value: 'v' }] } },
			},
			method: 'POST',
			path: `/api/v1/refunds/${REFUND}`,
			body: { reason: 'damaged', metadata: { k: 'v' } },
		},
		{
			name: 'Get Many sends the payment intent and status filters',
			parameters: {
				operation: 'getAll',
				returnAll: false,
				limit: 20,
				filters: { payment_intent_id: PI, status: 'failed' },
			},
			method: 'GET',
			path: '/api/v1/refunds',
			query: { payment_intent_id: PI, status: 'failed', page_num: '0', page_size: '20' },
		},
	],
	[
		{
			name: 'payment intent (resource locator) empty',
			parameters: { operation: 'create', payment_intent_id: id('={{ "" }}') },
			message: /^'Payment Intent ID' is required \[item 0\]$/,
		},
		{
			name: 'empty refund ID',
			parameters: { operation: 'update', refundId: id(' '), updateFields: { reason: 'x' } },
			message: /^'Refund ID' is empty \[item 0\]$/,
		},
	],
	{
		parameters: { filters: { payment_intent_id: PI, from_created_at: '2024-09-29T07:44:50.774Z' } },
		path: '/api/v1/refunds',
		query: { payment_intent_id: PI, from_created_at: '2024-09-29T07:44:50.774Z' },
	},
);

/**
 * Refund → Create runs as code (resources/refund/createOnce.ts): it reads the payment's refunds,
 * then creates the refund with the item's idempotency key in its metadata, unless a refund with
 * that key is there already.
 */
describe('Refund Create: the refunds are read, then the refund is created with its key', () => {
	let api: Recorder;
	/** The refunds UseePay holds; a create adds one. */
	let refunds: IDataObject[];

	beforeEach(async () => {
		refunds = [];
		api = await startRecorder((request) => {
			if (request.method === 'GET') return { status: 200, body: { items: refunds, has_more: false } };
			const refund = { id: `re_${refunds.length + 1}`, status: 'succeeded', ...(request.body as IDataObject) };
			refunds.push(refund);
			return { status: 200, body: refund };
		});
	});

	afterEach(async () => {
		await api.close();
	});

	const query = { payment_intent_id: PI, page_size: '100' };
	/**
	 * The payment's refunds. While no list of this UseePay has answered objects on page_num 0, an
	 * empty first page is asked for again as page 1 (shared/pagination.ts: UseePay may count pages
	 * from 1, and a refund missed there would be made again).
	 */
	const lookups = [
		{ method: 'GET', path: '/api/v1/refunds', body: undefined, query: { ...query, page_num: '0' } },
		{
			method: 'GET',
			path: '/api/v1/refunds',
			body: undefined,
			query: { ...query, page_num: '1', page: '1', limit: '100' },
		},
	];
	const wire = () => api.requests.map((r) => ({ method: r.method, path: r.path, body: r.body, query: r.query }));
	const run = async (parameters: INodeParameters, options: { executionId?: string } = {}) =>
		await runUseePay({
			baseUrl: api.url,
			parameters: { resource: 'refund', operation: 'create', ...parameters },
			...options,
		});
	const DEFAULT_KEY = /^n8n:exec-test:useepay:0:[0-9a-f]{8}$/;

	it.each([
		[
			'the reference example (payment intent picked from the list)',
			{
				payment_intent_id: id(PI, 'list'),
				additionalFields: { amount: 12.5, currency: 'USD', reason: 'customer returned item' },
			},
			{ payment_intent_id: PI, amount: 12.5, currency: 'USD', reason: 'customer returned item' },
		],
		[
			'without an amount: a full refund',
			{ payment_intent_id: id(PI), additionalFields: { reason: 'duplicate' } },
			{ payment_intent_id: PI, reason: 'duplicate' },
		],
		[
			'the payment intent ID as an expression, metadata and Extra Fields',
			{
				payment_intent_id: id(`={{ "${PI}" }}`),
				additionalFields: { metadata: { entries: [{ key: 'ticket', value: 'T-1' }] }, extraFields: '{"locale":"en"}' },
			},
			{ payment_intent_id: PI, metadata: { ticket: 'T-1' }, locale: 'en' },
		],
	])('sends %s, its metadata holding the default key', async (_, parameters, body) => {
		const { items, error } = await run(parameters);
		expect(error).toBeUndefined();
		const sent = (api.requests[2]?.body ?? {}) as IDataObject;
		const key = String((sent.metadata as IDataObject | undefined)?.n8n_idempotency_key);
		expect(key).toMatch(DEFAULT_KEY);
		const metadata = { ...((body as IDataObject).metadata as IDataObject), n8n_idempotency_key: key };
		expect(wire()).toEqual([
			...lookups,
			{ method: 'POST', path: '/api/v1/refunds/create', body: { ...body, metadata }, query: {} },
		]);
		api.requests.forEach((r) => expectAuthHeaders(r.headers));
		expect(items.map((i) => i.json)).toEqual([{ id: 're_1', status: 'succeeded', ...body, metadata }]);
	});

	it('run again in the same execution (n8n Retry On Fail, an agent repeating the call): the refund is returned, not made again', async () => {
		const parameters = { payment_intent_id: id(PI), additionalFields: { amount: 5 } };
		const first = await run(parameters);
		const second = await run(parameters);
		expect(second.error).toBeUndefined();
		expect(refunds).toHaveLength(1);
		// The second run finds the refund on page 0 and sends nothing.
		expect(api.requests.map((r) => `${r.method} ${r.path} ${r.query.page_num}`)).toEqual([
			'GET /api/v1/refunds 0',
			'GET /api/v1/refunds 1',
			'POST /api/v1/refunds/create undefined',
			'GET /api/v1/refunds 0',
		]);
		expect(second.items.map((i) => i.json)).toEqual([{ ...first.items[0].json, action: 'already_done' }]);
	});

	it('a new execution makes a new default key; another amount in the same execution does too', async () => {
		await run({ payment_intent_id: id(PI), additionalFields: { amount: 5 } });
		await run({ payment_intent_id: id(PI), additionalFields: { amount: 5 } }, { executionId: 'exec-2' });
		await run({ payment_intent_id: id(PI), additionalFields: { amount: 6 } });
		const keys = refunds.map((r) => (r.metadata as IDataObject).n8n_idempotency_key);
		expect(keys).toHaveLength(3);
		expect(new Set(keys).size).toBe(3);
		expect(keys[1]).toMatch(/^n8n:exec-2:useepay:0:/);
	});

	it('the Idempotency Key option is the key: a second execution with the same key refunds nothing', async () => {
		const parameters = { payment_intent_id: id(PI), idempotencyKey: ' ORD-1001 ', additionalFields: { amount: 5 } };
		await run(parameters);
		const again = await run(parameters, { executionId: 'exec-2' });
		expect(refunds).toHaveLength(1);
		expect(refunds[0].metadata).toEqual({ n8n_idempotency_key: 'ORD-1001' });
		expect(again.items[0].json).toMatchObject({ id: 're_1', action: 'already_done' });
	});

	it('a refund of the payment with another key, or of another payment with this key, is not ours', async () => {
		refunds.push(
			{ id: 're_other', payment_intent_id: PI, metadata: { n8n_idempotency_key: 'ORD-1' } },
			{ id: 're_elsewhere', payment_intent_id: 'pi_2', metadata: { n8n_idempotency_key: 'ORD-2' } },
		);
		const { items } = await run({ payment_intent_id: id(PI), idempotencyKey: 'ORD-2' });
		expect(items[0].json).toMatchObject({ id: 're_3', metadata: { n8n_idempotency_key: 'ORD-2' } });
		expect(items[0].json.action).toBeUndefined();
	});

	it('a key longer than 200 characters fails before any request, naming the field and the item', async () => {
		const { error } = await run({ payment_intent_id: id(PI), idempotencyKey: 'k'.repeat(201) });
		expect(error?.message).toBe("'Idempotency Key' is longer than 200 characters [item 0]");
		expect(api.requests).toHaveLength(0);
	});

	it('when the refunds cannot be read, nothing is sent and the item says so', async () => {
		api.setResponder(() => ({ status: 401, body: { code: 'unauthorized', source: null, message: 'bad key' } }));
		const { error } = await run({ payment_intent_id: id(PI) });
		expect(error?.message).toMatch(
			new RegExp(
				'^UseePay did not accept the credentials: bad key\\. Could not check whether the refund was already made, so none was sent now: ' +
					`run Refund → Get Many with Payment Intent ID ${PI}: .*\\. \\[item 0\\]$`,
			),
		);
		expect(api.requests.map((r) => r.method)).toEqual(['GET']);
	});
});
