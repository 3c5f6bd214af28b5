/**
 * Table-driven routing suites: each row runs one operation of a resource through n8n-core
 * (runUseePay) against the recording server and asserts the exact request UseePay receives.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import type { Recorder, RecordedRequest } from '../../tools/lib/recorder';
import { startRecorder } from '../../tools/lib/recorder';
import { runUseePay, TEST_CREDENTIALS } from './n8n';

export interface RoutingRow {
	name: string;
	parameters: INodeParameters;
	method: 'GET' | 'POST';
	path: string;
	/** Expected parsed JSON body (toEqual); undefined = no body at all. */
	body?: IDataObject;
	/** Expected query string (GET), when not empty. */
	query?: Record<string, string>;
}

export interface BadInputRow {
	name: string;
	parameters: INodeParameters;
	message: RegExp;
}

export function expectAuthHeaders(headers: Record<string, string>) {
	expect(headers['x-merchant-no']).toBe(TEST_CREDENTIALS.merchantNo);
	expect(headers['x-api-key']).toBe(TEST_CREDENTIALS.apiKey);
	expect(headers['x-app-id']).toBe(TEST_CREDENTIALS.appId);
}

export function expectRequest(request: RecordedRequest, row: RoutingRow) {
	expect(request.method).toBe(row.method);
	expect(request.path).toBe(row.path);
	expectAuthHeaders(request.headers);
	if (row.body === undefined) {
		expect(request.rawBody).toBe('');
	} else {
		expect(request.headers['content-type']).toMatch(/^application\/json/);
		expect(request.body).toEqual(row.body);
	}
	expect(request.query).toEqual(row.query ?? {});
}

/** Registers the routing suite of one resource. */
export function describeRouting(
	title: string,
	resource: string,
	rows: RoutingRow[],
	badInputs: BadInputRow[],
	paging?: { parameters: INodeParameters; path: string; query: Record<string, string> },
) {
	describe(title, () => {
		let api: Recorder;

		beforeEach(async () => {
			api = await startRecorder(() => ({ status: 200, body: { id: 'obj_1' } }));
		});

		afterEach(async () => {
			await api.close();
		});

		for (const row of rows) {
			it(row.name, async () => {
				if (row.parameters.operation === 'getAll') {
					api.setResponder(() => ({ status: 200, body: { items: [{ id: 'obj_1' }], has_more: false } }));
				}
				const { items, error } = await runUseePay({ baseUrl: api.url, parameters: { resource, ...row.parameters } });
				expect(error).toBeUndefined();
				expect(api.requests).toHaveLength(1);
				expectRequest(api.requests[0], row);
				expect(items.map((i) => i.json)).toEqual([{ id: 'obj_1' }]);
			});
		}

		if (paging) {
			it('Get Many with Return All pages until has_more is false, sending the filter on every page', async () => {
				api.setResponder((request) => {
					const page = Number(request.query.page_num);
					return { status: 200, body: { items: [{ id: `obj_${page}a` }, { id: `obj_${page}b` }], has_more: page < 2 } };
				});
				const { items, error } = await runUseePay({
					baseUrl: api.url,
					parameters: { resource, operation: 'getAll', returnAll: true, ...paging.parameters },
				});
				expect(error).toBeUndefined();
				expect(api.requests.map((r) => r.query)).toEqual(
					[0, 1, 2].map((page) => ({ ...paging.query, page_num: String(page), page_size: '100' })),
				);
				api.requests.forEach((r) => {
					expect(r.method).toBe('GET');
					expect(r.path).toBe(paging.path);
					expect(r.rawBody).toBe('');
					expectAuthHeaders(r.headers);
				});
				expect(items.map((i) => i.json.id)).toEqual(['obj_0a', 'obj_0b', 'obj_1a', 'obj_1b', 'obj_2a', 'obj_2b']);
			});

			it('Get Many with Limit 3 stops after 3 results', async () => {
				api.setResponder((request) => {
					const page = Number(request.query.page_num);
					return { status: 200, body: { items: [1, 2].map((n) => ({ id: `obj_${page}_${n}` })), has_more: true } };
				});
				const { items } = await runUseePay({
					baseUrl: api.url,
					parameters: { resource, operation: 'getAll', returnAll: false, limit: 3, ...paging.parameters },
				});
				// One page size for the whole listing: page_num counts pages of that size.
				expect(api.requests.map((r) => [r.query.page_num, r.query.page_size])).toEqual([
					['0', '3'],
					['1', '3'],
				]);
				expect(items.map((i) => i.json.id)).toEqual(['obj_0_1', 'obj_0_2', 'obj_1_1']);
			});
		}

		describe('bad input fails before any request, naming the field and the item', () => {
			it.each(badInputs.map((row) => [row.name, row] as const))('%s', async (_name, row) => {
				const parameters = { resource, ...row.parameters };
				const continued = await runUseePay({ baseUrl: api.url, continueOnFail: true, parameters });
				expect(continued.items).toHaveLength(1);
				expect(continued.items[0].error?.name).toBe('NodeOperationError');
				expect(continued.items[0].json.error).toMatch(row.message);
				const stopped = await runUseePay({ baseUrl: api.url, parameters });
				expect(stopped.error?.message).toMatch(row.message);
				expect(api.requests).toHaveLength(0);
			});
		});
	});
}
