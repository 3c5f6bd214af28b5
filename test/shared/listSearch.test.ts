/**
 * List search (the From List mode of a resource locator) reads its pages through the paging
 * engine: the token follows the scheme learned for the base URL, and a UseePay that answers the
 * same page again ends the list instead of offering it for ever.
 */
import type { INodeListSearchResult } from 'n8n-workflow';

import { UseePay } from '../../nodes/UseePay/UseePay.node';
import { loadOptionsContext } from './callerContext';
import type { Recorder, RecordedRequest } from '../../tools/lib/recorder';
import { startRecorder } from '../../tools/lib/recorder';

const searchCustomer = new UseePay().methods.listSearch.searchCustomer;

/** Customers cus_0 … cus_{n-1}, newest first, paged as `pageOf(query)` says (0-based, or undefined: the first page). */
function customers(n: number, pageOf: (query: RecordedRequest['query']) => number) {
	return (request: RecordedRequest) => {
		const size = Number(request.query.limit ?? request.query.page_size ?? 10);
		const page = pageOf(request.query);
		const all = Array.from({ length: n }, (_, i) => ({ id: `cus_${i}`, name: `Customer ${i}` }));
		return {
			status: 200,
			body: { items: all.slice(page * size, page * size + size), has_more: (page + 1) * size < n },
		};
	};
}

describe('list search pages with the paging engine', () => {
	let api: Recorder;
	afterEach(async () => {
		await api.close();
	});

	/** Scrolls the list to its end (at most `calls` calls); the names shown and the tokens given. */
	async function scroll(calls: number, filter?: string) {
		const ctx = loadOptionsContext(api.url);
		const shown: string[] = [];
		const tokens: Array<string | undefined> = [];
		let token: string | undefined;
		for (let call = 0; call < calls; call++) {
			const result: INodeListSearchResult = await searchCustomer.call(ctx, filter, token);
			shown.push(...result.results.map((r) => String(r.value)));
			token = result.paginationToken as string | undefined;
			tokens.push(token);
			if (!token) break;
		}
		return { shown, tokens };
	}

	it('the docs’ page_num from 0: pages of 50, each customer once, exact queries', async () => {
		api = await startRecorder(customers(120, (q) => Number(q.page_num)));
		const { shown, tokens } = await scroll(10);
		expect(shown).toEqual(Array.from({ length: 120 }, (_, i) => `cus_${i}`));
		expect(tokens).toHaveLength(3);
		expect(tokens[2]).toBeUndefined();
		expect(api.requests.map((r) => r.query)).toEqual([
			{ page_num: '0', page_size: '50' },
			{ page_num: '1', page_size: '50' },
			{ page_num: '2', page_size: '50' },
		]);
	});

	it('a UseePay that reads only the SDK’s `page`: the second call learns it, the rest follow', async () => {
		api = await startRecorder(customers(120, (q) => Number(q.page ?? 1) - 1));
		const { shown } = await scroll(10);
		expect(shown).toEqual(Array.from({ length: 120 }, (_, i) => `cus_${i}`));
		expect(api.requests.map((r) => [r.query.page_num, r.query.page])).toEqual([
			['0', undefined],
			['1', undefined],
			['2', '2'],
			['3', '3'],
		]);
	});

	it('a UseePay that ignores paging: the list ends after the first page (no token), not an endless scroll', async () => {
		api = await startRecorder(customers(120, () => 0));
		const { shown, tokens } = await scroll(10);
		expect(shown).toEqual(Array.from({ length: 50 }, (_, i) => `cus_${i}`));
		expect(tokens).toEqual([expect.any(String), undefined]);
		expect(api.requests).toHaveLength(3);
	});

	it('filters the page on name and ID; a token that is no cursor starts at the first page', async () => {
		api = await startRecorder(customers(20, (q) => Number(q.page_num)));
		const result = await searchCustomer.call(loadOptionsContext(api.url), 'customer 1', 'not a cursor');
		expect(result.results.map((r) => r.name)).toEqual([
			'Customer 1 (cus_1)',
			...Array.from({ length: 10 }, (_, i) => `Customer ${10 + i} (cus_${10 + i})`),
		]);
		expect(result.paginationToken).toBeUndefined();
		expect(api.requests.map((r) => r.query)).toEqual([{ page_num: '0', page_size: '50' }]);
	});

	it('an error answer fails the search with UseePay’s error', async () => {
		api = await startRecorder(() => ({
			status: 401,
			body: { code: 'unauthorized', source: null, message: 'Invalid API key' },
		}));
		await expect(searchCustomer.call(loadOptionsContext(api.url))).rejects.toMatchObject({
			name: 'NodeApiError',
			httpCode: '401',
		});
		expect(api.requests).toHaveLength(1);
	});
});
