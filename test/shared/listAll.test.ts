/**
 * useePayListAll (the trigger's endpoint reconcile reads every webhook endpoint with it) pages
 * through the one paging engine: every object once whatever the server's paging, and a server
 * that ignores paging ends in the paging error instead of a flood.
 */
import type { IDataObject } from 'n8n-workflow';

import { useePayListAll } from '../../nodes/shared/transport';
import type { Recorder } from '../../tools/lib/recorder';
import { startRecorder } from '../../tools/lib/recorder';
import { loadOptionsContext } from './callerContext';

/** 130 webhook endpoints; the page served is `pageOf(query)` (0-based), its size page_size. */
function endpoints(pageOf: (query: Record<string, string>) => number) {
	const all = Array.from({ length: 130 }, (_, i) => ({ id: `wh_${i}` }));
	return (request: { query: Record<string, string> }) => {
		const size = Number(request.query.page_size ?? 10);
		const page = pageOf(request.query);
		return {
			status: 200,
			body: { data: all.slice(page * size, (page + 1) * size), has_more: (page + 1) * size < 130 },
		};
	};
}

describe('useePayListAll', () => {
	let api: Recorder;
	afterEach(async () => {
		await api.close();
	});

	const listAll = async (): Promise<IDataObject[]> =>
		await useePayListAll.call(loadOptionsContext(api.url), '/api/v1/webhooks', { status: 'enabled' });

	it('page_num from 1 (page 0 refused), `data` envelope: every endpoint once, the filter on every page', async () => {
		api = await startRecorder((request) =>
			request.query.page_num === '0'
				? { status: 400, body: { code: 'invalid_argument', source: 'page_num', message: 'page_num must be >= 1' } }
				: endpoints((q) => Number(q.page_num) - 1)(request),
		);
		expect((await listAll()).map((e) => e.id)).toEqual(Array.from({ length: 130 }, (_, i) => `wh_${i}`));
		expect(api.requests.map((r) => r.query)).toEqual([
			{ status: 'enabled', page_num: '0', page_size: '100' },
			{ status: 'enabled', page_num: '1', page: '1', page_size: '100', limit: '100' },
			{ status: 'enabled', page_num: '2', page: '2', page_size: '100', limit: '100' },
		]);
	});

	it('a server that ignores paging: the paging error (NodeOperationError) after 3 requests', async () => {
		api = await startRecorder(endpoints(() => 0));
		await expect(listAll()).rejects.toMatchObject({
			name: 'NodeOperationError',
			message: expect.stringMatching(/^UseePay answered the same page again: it ignores the paging parameters/),
		});
		expect(api.requests).toHaveLength(3);
	});
});
