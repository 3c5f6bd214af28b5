/** Reading UseePay's list answers: envelopes, and which paging parameter a 400 refuses. */
import { readListPage, refusedPagingParameter } from '../../nodes/shared/listPage';

describe('readListPage', () => {
	it('reads the docs’ `items` and the SDK’s `data` envelope, with `total` when given', () => {
		expect(readListPage({ items: [{ id: 'a' }], has_more: true })).toEqual({ items: [{ id: 'a' }], hasMore: true });
		expect(readListPage({ data: [{ id: 'b' }], has_more: 'true', total: '21', page: 1, page_size: 20 })).toEqual({
			items: [{ id: 'b' }],
			hasMore: true,
			total: 21,
		});
		expect(readListPage({ data: [], has_more: false, total: null })).toEqual({ items: [], hasMore: false });
		expect(readListPage(undefined)).toEqual({ items: [], hasMore: false });
	});
});

describe('refusedPagingParameter', () => {
	const refusal = (body: { source?: unknown; message?: unknown }, status = 400) => refusedPagingParameter(status, body);

	it.each<[string, { source?: unknown; message?: unknown }, ReturnType<typeof refusedPagingParameter>]>([
		[
			'source page_size, maximum named',
			{ source: 'page_size', message: 'page_size must be at most 20' },
			{ refused: 'page_size', max: 20 },
		],
		[
			'a maximum in other words',
			{ source: 'page_size', message: 'page_size must be between 1 and 50' },
			{ refused: 'page_size', max: 50 },
		],
		['“maximum is”', { source: null, message: 'The maximum is 10 for page_size' }, { refused: 'page_size', max: 10 }],
		['no maximum named', { source: 'page_size', message: 'page_size is too large' }, { refused: 'page_size' }],
		['limit, maximum named', { source: 'limit', message: 'limit must be at most 20' }, { refused: 'limit', max: 20 }],
		['page_num from the source', { source: 'page_num', message: 'page_num must be >= 1' }, { refused: 'page_num' }],
		['page_num from the message only', { source: null, message: 'invalid page_num' }, { refused: 'page_num' }],
		['`page` as a whole word (not page_size)', { source: null, message: 'page must be >= 1' }, { refused: 'page' }],
		['to_created_at', { source: 'to_created_at', message: 'unknown parameter' }, { refused: 'to_created_at' }],
		['another field', { source: 'customer_id', message: 'customer_id is invalid' }, undefined],
		['“page” inside another word', { source: null, message: 'pages are not supported for webpage ids' }, undefined],
	])('%s', (_, body, expected) => {
		expect(refusal(body)).toEqual(expected);
	});

	it('only a 400 refuses a parameter', () => {
		expect(refusal({ source: 'page_size', message: 'page_size must be at most 20' }, 500)).toBeUndefined();
		expect(refusedPagingParameter(400, undefined)).toBeUndefined();
	});
});
