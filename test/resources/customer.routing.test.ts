import type { IDataObject } from 'n8n-workflow';

import type { Recorder } from '../../tools/lib/recorder';
import { startRecorder } from '../../tools/lib/recorder';
import { runUseePay, TEST_CREDENTIALS } from '../support/n8n';

const customer = (id: string, extra: IDataObject = {}) => ({ id, name: `Customer ${id}`, ...extra });

describe('Customer operations through n8n-core routing', () => {
	let api: Recorder;

	beforeEach(async () => {
		api = await startRecorder((request) => ({ status: 200, body: { id: 'cus_1', echo: request.body ?? null } }));
	});

	afterEach(async () => {
		await api.close();
	});

	function expectAuthHeaders(headers: Record<string, string>) {
		expect(headers['x-merchant-no']).toBe(TEST_CREDENTIALS.merchantNo);
		expect(headers['x-api-key']).toBe(TEST_CREDENTIALS.apiKey);
		expect(headers['x-app-id']).toBe(TEST_CREDENTIALS.appId);
	}

	it('Update sends the reference example exactly', async () => {
		const { items, error } = await runUseePay({
			baseUrl: api.url,
			parameters: {
				resource: 'customer',
				operation: 'update',
				customerId: { __rl: true, mode: 'id', value: 'cus_1JA7UDDQG3800' },
				updateFields: {
					name: 'zhangsan',
					email: 'zhangsan@useepay.com',
					phone: '134251756712',
					first_name: 'zhang',
					address: { details: { country: 'CN', city: 'shanghai' } },
					shipping: { details: { name: 'SHI-zhangsan' } },
				},
			},
		});
		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		const [request] = api.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/api/v1/customers/cus_1JA7UDDQG3800');
		expectAuthHeaders(request.headers);
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.rawBody).toBe(
			'{"name":"zhangsan","email":"zhangsan@useepay.com","phone":"134251756712","first_name":"zhang","address":{"country":"CN","city":"shanghai"},"shipping":{"name":"SHI-zhangsan"}}',
		);
		expect(items[0].json).toEqual({ id: 'cus_1', echo: request.body });
	});

	it('Create sends the required ID, nested shapes, metadata and merged extra fields', async () => {
		const { error } = await runUseePay({
			baseUrl: api.url,
			parameters: {
				resource: 'customer',
				operation: 'create',
				merchant_customer_id: 'CRM-42',
				additionalFields: {
					email: 'jane@example.com',
					shipping: {
						details: {
							name: 'Jane',
							shipping_method: 'express',
							address: { details: { line1: '1 Main St', postcode: '94107', country: 'US' } },
						},
					},
					metadata: {
						entries: [
							{ key: 'crm', value: 'hubspot' },
							{ key: 'tier', value: 'gold' },
						],
					},
					extraFields: '{"locale":"en","shipping":{"phone":"+1 415"}}',
				},
			},
		});
		expect(error).toBeUndefined();
		const [request] = api.requests;
		expect(request.method).toBe('POST');
		expect(request.path).toBe('/api/v1/customers/create');
		expectAuthHeaders(request.headers);
		expect(request.body).toEqual({
			merchant_customer_id: 'CRM-42',
			email: 'jane@example.com',
			shipping: {
				name: 'Jane',
				shipping_method: 'express',
				address: { line1: '1 Main St', postcode: '94107', country: 'US' },
				phone: '+1 415',
			},
			metadata: { crm: 'hubspot', tier: 'gold' },
			locale: 'en',
		});
	});

	it('Create with only the required field sends nothing else', async () => {
		await runUseePay({
			baseUrl: api.url,
			parameters: { resource: 'customer', operation: 'create', merchant_customer_id: 'CRM-1', additionalFields: {} },
		});
		expect(api.requests[0].rawBody).toBe('{"merchant_customer_id":"CRM-1"}');
	});

	it('Get reads one customer by ID, without a body', async () => {
		const { items } = await runUseePay({
			baseUrl: api.url,
			parameters: {
				resource: 'customer',
				operation: 'get',
				customerId: { __rl: true, mode: 'list', value: 'cus_A-b_9' },
			},
		});
		const [request] = api.requests;
		expect(request.method).toBe('GET');
		expect(request.path).toBe('/api/v1/customers/cus_A-b_9');
		expect(request.rawBody).toBe('');
		expectAuthHeaders(request.headers);
		expect(items).toHaveLength(1);
	});

	it('Get Many with Return All requests page after page until has_more is false', async () => {
		api.setResponder((request) => {
			const page = Number(request.query.page_num);
			const items = [customer(`cus_${page}a`), customer(`cus_${page}b`)];
			return { status: 200, body: { items, has_more: page < 2 } };
		});
		const { items, error } = await runUseePay({
			baseUrl: api.url,
			parameters: {
				resource: 'customer',
				operation: 'getAll',
				returnAll: true,
				filters: { email: 'jane@example.com', from_created_at: '2024-09-29T07:44:50.774Z' },
			},
		});
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => r.query)).toEqual(
			[0, 1, 2].map((page) => ({
				email: 'jane@example.com',
				from_created_at: '2024-09-29T07:44:50.774Z',
				page_num: String(page),
				page_size: '100',
			})),
		);
		api.requests.forEach((r) => {
			expect(r.method).toBe('GET');
			expect(r.path).toBe('/api/v1/customers');
			expectAuthHeaders(r.headers);
		});
		expect(items.map((i) => i.json.id)).toEqual(['cus_0a', 'cus_0b', 'cus_1a', 'cus_1b', 'cus_2a', 'cus_2b']);
	});

	it('Get Many with Limit 5 crosses a page boundary and stops at 5', async () => {
		// A server that returns at most 3 per page, whatever page_size asks for.
		api.setResponder((request) => {
			const page = Number(request.query.page_num);
			return { status: 200, body: { items: [1, 2, 3].map((n) => customer(`cus_${page}_${n}`)), has_more: true } };
		});
		const { items } = await runUseePay({
			baseUrl: api.url,
			parameters: { resource: 'customer', operation: 'getAll', returnAll: false, limit: 5 },
		});
		// One page size for the whole listing (page_num 1 of size 2 would be customers 3–4 again).
		expect(api.requests.map((r) => [r.query.page_num, r.query.page_size])).toEqual([
			['0', '5'],
			['1', '5'],
		]);
		expect(items.map((i) => i.json.id)).toEqual(['cus_0_1', 'cus_0_2', 'cus_0_3', 'cus_1_1', 'cus_1_2']);
	});

	it('Get Many reads a `data` envelope too', async () => {
		api.setResponder(() => ({ status: 200, body: { data: [customer('cus_x')], has_more: false } }));
		const { items } = await runUseePay({
			baseUrl: api.url,
			parameters: { resource: 'customer', operation: 'getAll', returnAll: true },
		});
		expect(items.map((i) => i.json.id)).toEqual(['cus_x']);
	});

	it('a 400 becomes a NodeApiError with UseePay code, source and message', async () => {
		api.setResponder(() => ({
			status: 400,
			body: { code: 'field_required', source: 'merchant_customer_id', message: 'merchant_customer_id is required' },
		}));
		const { error } = await runUseePay({
			baseUrl: api.url,
			parameters: { resource: 'customer', operation: 'create', merchant_customer_id: 'CRM-1' },
		});
		expect(error?.name).toBe('NodeApiError');
		// Create runs as code (customOperations): the error that stops the node names the item.
		expect(error?.message).toBe('UseePay rejected the request: merchant_customer_id is required [item 0]');
		expect(error?.description).toBe('Code: field_required · Field: merchant_customer_id · HTTP 400');
		expect(error?.httpCode).toBe('400');
	});

	it('a 401 becomes a NodeApiError that does not contain the API key', async () => {
		api.setResponder(() => ({ status: 401, body: { code: 'unauthorized', source: null, message: 'Invalid API key' } }));
		const { error } = await runUseePay({
			baseUrl: api.url,
			parameters: { resource: 'customer', operation: 'get', customerId: { __rl: true, mode: 'id', value: 'cus_1' } },
		});
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe('UseePay did not accept the credentials: Invalid API key');
		expect(error?.httpCode).toBe('401');
		const serialized = JSON.stringify({ ...error, message: error?.message, stack: error?.stack });
		expect(serialized).not.toContain(TEST_CREDENTIALS.apiKey);
	});

	it('with Continue On Fail an API error becomes an error item carrying code and source', async () => {
		api.setResponder((request) =>
			(request.body as IDataObject).merchant_customer_id === 'DUP'
				? { status: 400, body: { code: 'already_exists', source: 'merchant_customer_id', message: 'exists' } }
				: { status: 200, body: { id: 'cus_new' } },
		);
		const { items } = await runUseePay({
			baseUrl: api.url,
			continueOnFail: true,
			items: [{ crm: 'A' }, { crm: 'DUP' }],
			parameters: { resource: 'customer', operation: 'create', merchant_customer_id: '={{ $json.crm }}' },
		});
		expect(items).toHaveLength(2);
		expect(items[0].json).toEqual({ id: 'cus_new' });
		expect(items[1].json).toMatchObject({ code: 'already_exists', source: 'merchant_customer_id', httpCode: '400' });
	});

	describe('bad input fails before any request, naming the field and the item', () => {
		const cases: Array<[string, IDataObject, RegExp]> = [
			[
				'empty customer ID',
				{ operation: 'update', customerId: { __rl: true, mode: 'id', value: '  ' }, updateFields: { name: 'x' } },
				/^'Customer ID' is empty \[item 0\]$/,
			],
			[
				'malformed email',
				{ operation: 'create', merchant_customer_id: 'C1', additionalFields: { email: 'not-an-email' } },
				/^'Email' is not a valid email address \[item 0\]$/,
			],
			[
				'metadata key empty',
				{
					operation: 'create',
					merchant_customer_id: 'C1',
					additionalFields: { metadata: { entries: [{ key: '', value: 'v' }] } },
				},
				/^'Metadata' has a row with an empty key \[item 0\]$/,
			],
			[
				'extra fields not valid JSON',
				{ operation: 'create', merchant_customer_id: 'C1', additionalFields: { extraFields: '{"locale": ' } },
				/^'Extra Fields \(JSON\)' is not valid JSON \[item 0\]$/,
			],
			[
				'required field empty',
				{ operation: 'create', merchant_customer_id: '={{ "" }}' },
				/^'Merchant Customer ID' is required \[item 0\]$/,
			],
		];

		it.each(cases)('%s', async (_name, parameters, message) => {
			const parametersOf = { resource: 'customer', ...parameters };
			// With Continue On Fail the item carries our NodeOperationError as raised.
			const continued = await runUseePay({ baseUrl: api.url, continueOnFail: true, parameters: parametersOf });
			expect(continued.items).toHaveLength(1);
			expect(continued.items[0].error?.name).toBe('NodeOperationError');
			expect(continued.items[0].error?.message).toMatch(message);
			expect(continued.items[0].json.error).toMatch(message);
			// Without it the node stops with the same message. (n8n's RoutingNode re-wraps errors
			// raised in preSend as NodeApiError when it stops; the message is ours.)
			const stopped = await runUseePay({ baseUrl: api.url, parameters: parametersOf });
			expect(stopped.error?.message).toMatch(message);
			expect(api.requests).toHaveLength(0);
		});
	});
});
