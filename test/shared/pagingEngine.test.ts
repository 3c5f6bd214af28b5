/**
 * The one paging engine (readList) against every reading of UseePay's list paging: each listing
 * returns every object exactly once in at most ceil(N / page size) + 2 requests (page size: the
 * size the server really serves), or ends with a clear PagingError within that bound.
 */
import type { IDataObject } from 'n8n-workflow';

import type { ListPace, PageAnswer, PagingProfile, ReadListOptions } from '../../nodes/shared/pagination';
import {
	LIST_REQUESTS_PER_SECOND,
	MAX_LIST_OBJECTS,
	newPagingProfile,
	pageAnswer,
	PagingError,
	readList,
} from '../../nodes/shared/pagination';
import { BULK_DEFAULTS } from '../../nodes/UseePay/shared/bulk/n8n';
import { FakeClock } from '../bulk/fakeClock';
import type { FakeListOptions } from './fakeList';
import { fakeList } from './fakeList';

/** Reads the whole list; returns the ids in order and the queries sent. */
async function listAll(
	server: ReturnType<typeof fakeList>,
	profile: PagingProfile,
	options: ReadListOptions = {},
): Promise<string[]> {
	const ids: string[] = [];
	for await (const page of readList(server.fetchPage, profile, { pace: false, ...options })) {
		if ('failed' in page) throw new Error(`failed: ${JSON.stringify(page.failed)}`);
		ids.push(...page.items.map((item) => String(item.id)));
	}
	return ids;
}

const allIds = (n: number) => Array.from({ length: n }, (_, i) => `obj_${i}`);
const bound = (n: number, pageSize: number) => Math.ceil(n / pageSize) + 2;

/** Two listings on one profile: the first learns, the second uses what it learned. */
async function twice(options: FakeListOptions, requests: [number, number], pageSize: number) {
	const server = fakeList(options);
	const profile = newPagingProfile();
	expect(await listAll(server, profile)).toEqual(allIds(options.objects));
	expect(server.queries).toHaveLength(requests[0]);
	const first = server.queries.splice(0);
	expect(await listAll(server, profile)).toEqual(allIds(options.objects));
	expect(server.queries).toHaveLength(requests[1]);
	expect(requests[0]).toBeLessThanOrEqual(bound(options.objects, pageSize));
	return { first, second: server.queries, profile };
}

describe('readList: every object exactly once, within ceil(N / page size) + 2 requests', () => {
	it('the docs: page_num from 0, page_size 100: 250 objects in 3 requests, exactly these queries', async () => {
		const { first, profile } = await twice({ objects: 250 }, [3, 3], 100);
		expect(first).toEqual([
			{ page_num: 0, page_size: 100 },
			{ page_num: 1, page_size: 100 },
			{ page_num: 2, page_size: 100 },
		]);
		expect(profile.scheme).toBe('docs');
	});

	it('page_num from 1, page_num 0 = the first page: the repeat costs one request, then learned', async () => {
		const { first, second } = await twice({ objects: 250, pageBase: 1, pageZero: 'first' }, [4, 3], 100);
		expect(first.map((q) => q.page_num)).toEqual([0, 1, 2, 3]);
		expect(first[2]).toEqual({ page_num: 2, page: 2, page_size: 100, limit: 100 });
		expect(second.map((q) => q.page_num)).toEqual([1, 2, 3]);
	});

	it('page_num from 1, page_num 0 = an empty page: asked for again as page 1, then learned', async () => {
		const { first, second } = await twice({ objects: 250, pageBase: 1, pageZero: 'empty' }, [4, 3], 100);
		expect(first.map((q) => q.page_num)).toEqual([0, 1, 2, 3]);
		expect(second.map((q) => q.page_num)).toEqual([1, 2, 3]);
	});

	it('page_num from 1, page_num 0 refused with a 400 naming page_num: page 1 next, then learned', async () => {
		const { first, second } = await twice({ objects: 250, pageBase: 1, pageZero: 'reject' }, [4, 3], 100);
		expect(first.map((q) => q.page_num)).toEqual([0, 1, 2, 3]);
		expect(second.map((q) => q.page_num)).toEqual([1, 2, 3]);
	});

	it('an empty list: two requests (page_num 0 could be an empty page 0); none once page 0 has shown objects', async () => {
		const server = fakeList({ objects: 0 });
		const profile = newPagingProfile();
		expect(await listAll(server, profile)).toEqual([]);
		expect(server.queries).toEqual([
			{ page_num: 0, page_size: 100 },
			{ page_num: 1, page: 1, page_size: 100, limit: 100 },
		]);
		expect(profile.scheme).toBe('docs');
		profile.firstPageSeen = true;
		server.queries.splice(0);
		expect(await listAll(server, profile)).toEqual([]);
		expect(server.queries).toHaveLength(1);
		// The caller may skip the check (a lookup whose miss UseePay's duplicate check catches).
		server.queries.splice(0);
		expect(await listAll(server, newPagingProfile(), { checkEmptyFirstPage: false })).toEqual([]);
		expect(server.queries).toHaveLength(1);
	});

	it('the PHP SDK: `page` from 1 with page_size (page_num ignored): one request more, then learned', async () => {
		const { second } = await twice({ objects: 250, paging: 'page' }, [4, 3], 100);
		expect(second.map((q) => q.page)).toEqual([1, 2, 3]);
	});

	it('`page` with `limit` only (page_size ignored, 10 a page): the served size is kept after the switch', async () => {
		const server = fakeList({ objects: 250, paging: 'page+limit', defaultSize: 10 });
		const profile = newPagingProfile();
		expect(await listAll(server, profile)).toEqual(allIds(250));
		// 10, the same 10 again, then pages of 10 (page 2 …): ceil(250 / 10) + 1.
		expect(server.queries).toHaveLength(26);
		expect(server.queries[2]).toEqual({ page_num: 2, page: 2, page_size: 10, limit: 10 });
		server.queries.splice(0);
		expect(await listAll(server, profile)).toEqual(allIds(250));
		expect(server.queries).toHaveLength(3);
	});

	it('page_num from 1 on a server that refuses the SDK’s page and limit: both dropped at once', async () => {
		const { first, second, profile } = await twice(
			{ objects: 250, pageBase: 1, refuses: ['page', 'limit'] },
			[5, 3],
			100,
		);
		expect(first.slice(1, 4)).toEqual([
			{ page_num: 1, page_size: 100 },
			{ page_num: 2, page: 2, page_size: 100, limit: 100 },
			{ page_num: 2, page_size: 100 },
		]);
		expect(second).toEqual([1, 2, 3].map((page_num) => ({ page_num, page_size: 100 })));
		expect(profile.refused).toEqual({ page: true, limit: true });
	});

	it.each([
		[20, 13],
		[10, 25],
	])('page size clamped at %i: pages of that size, %i requests (ceil(250 / page size))', async (max, requests) => {
		const server = fakeList({ objects: 250, maxPageSize: max });
		expect(await listAll(server, newPagingProfile())).toEqual(allIds(250));
		expect(server.queries).toHaveLength(requests);
	});

	it.each([
		[20, 14],
		[10, 26],
	])('page size refused above %i with the maximum named: one request more, remembered', async (max, requests) => {
		const { first, second, profile } = await twice(
			{ objects: 250, maxPageSize: max, overflow: 'reject' },
			[requests, requests - 1],
			max,
		);
		expect(first.slice(0, 2).map((q) => q.page_size)).toEqual([100, max]);
		expect(second.every((q) => q.page_size === max)).toBe(true);
		expect(profile.maxPageSize).toBe(max);
	});

	it('page size refused without a maximum named: steps down 100 → 50 → 20', async () => {
		const server = fakeList({ objects: 250, maxPageSize: 20, overflow: 'rejectSilently' });
		expect(await listAll(server, newPagingProfile())).toEqual(allIds(250));
		expect(server.queries.slice(0, 3).map((q) => q.page_size)).toEqual([100, 50, 20]);
		expect(server.queries).toHaveLength(2 + 13);
	});

	it('the SDK dialect in full (`page`, `data` envelope with total, clamped at 20)', async () => {
		const options: FakeListOptions = { objects: 250, paging: 'page', envelope: 'data', total: true, maxPageSize: 20 };
		await twice(options, [14, 13], 20);
	});

	it('a limit: pages of the limit at most, and no more pages than needed', async () => {
		const server = fakeList({ objects: 250 });
		const ids = await listAll(server, newPagingProfile(), { limit: 150 });
		expect(ids).toEqual(allIds(200));
		expect(server.queries.map((q) => q.page_size)).toEqual([100, 100]);
	});
});

describe('readList never floods a broken server', () => {
	async function failure(options: FakeListOptions, readOptions: ReadListOptions = {}) {
		const server = fakeList(options);
		const ids: string[] = [];
		let error: unknown;
		try {
			for await (const page of readList(server.fetchPage, newPagingProfile(), { pace: false, ...readOptions })) {
				if ('failed' in page) throw new Error('failed');
				ids.push(...page.items.map((item) => String(item.id)));
			}
		} catch (thrown) {
			error = thrown;
		}
		expect(error).toBeInstanceOf(PagingError);
		return { error: error as PagingError, ids, queries: server.queries };
	}

	it('a server that ignores every paging parameter (always the first 10, has_more true): 3 requests, a clear error', async () => {
		const { error, ids, queries } = await failure({ objects: 250, paging: 'none' });
		expect(queries).toHaveLength(3);
		expect(ids).toEqual(allIds(10));
		expect(error.message).toBe(
			'UseePay answered the same page again: it ignores the paging parameters (page_num=2, page=2, page_size=10, limit=10), so the list cannot be read past its first 10 objects',
		);
		expect(error.description).toMatch(/^After 3 requests\. Set a Limit of at most 10/);
	});

	it('a server that repeats its third page for ever: 4 requests (≤ ceil(300 / 100) + 2), each object once', async () => {
		const { ids, queries, error } = await failure({ objects: 1000, repeatFrom: 2 });
		expect(ids).toEqual(allIds(300));
		expect(queries).toHaveLength(4);
		expect(error.message).toMatch(/^UseePay answered the same page again/);
	});

	it('has_more never false (empty pages past the end): ends at the first empty page', async () => {
		for (const [objects, requests] of [
			[250, 4],
			[200, 3],
		]) {
			const server = fakeList({ objects, hasMoreForever: true });
			expect(await listAll(server, newPagingProfile())).toEqual(allIds(objects));
			expect(server.queries).toHaveLength(requests);
			expect(requests).toBeLessThanOrEqual(bound(objects, 100));
		}
	});

	it('new objects for ever while `total` says 250: stops within ceil(250 / 100) + 2 requests', async () => {
		const { ids, queries, error } = await failure({ objects: 250, endless: true, total: true });
		expect(queries).toHaveLength(4);
		expect(ids).toEqual(allIds(400));
		expect(error.message).toBe(
			'UseePay still answers has_more after 4 pages of 100, more than the 250 objects its total names',
		);
	});

	it('new objects for ever, no total: stops one page past the guard (MAX_LIST_OBJECTS, here 5,000)', async () => {
		expect(MAX_LIST_OBJECTS).toBe(1_000_000);
		const { ids, queries, error } = await failure({ objects: 0, endless: true }, { maxObjects: 5000 });
		expect(queries).toHaveLength(51);
		expect(ids).toEqual(allIds(5100));
		expect(error.message).toBe(
			'UseePay still answers has_more after 51 pages of 100, more than the 5000 objects a listing reads',
		);
	});

	it('a Limit stops an endless list at the limit', async () => {
		const server = fakeList({ objects: 0, endless: true });
		expect(await listAll(server, newPagingProfile(), { limit: 30 })).toEqual(allIds(30));
		expect(server.queries).toEqual([{ page_num: 0, page_size: 30 }]);
	});
});

describe('readList paces its requests', () => {
	it('at most Requests Per Second’s default (100/s): 10 ms between page requests, on the given clock', async () => {
		expect(LIST_REQUESTS_PER_SECOND).toBe(BULK_DEFAULTS.requestsPerSecond);
		let now = 1000;
		const slept: number[] = [];
		const pace: ListPace = {
			requestsPerSecond: LIST_REQUESTS_PER_SECOND,
			clock: {
				now: () => now,
				sleep: async (ms) => {
					slept.push(ms);
					now += ms;
				},
			},
		};
		const server = fakeList({ objects: 450 });
		const starts: number[] = [];
		const fetchPage = async (query: IDataObject) => {
			starts.push(now);
			now += 3; // each answer takes 3 ms
			return await server.fetchPage(query);
		};
		const profile = newPagingProfile();
		for await (const page of readList(fetchPage, profile, { pace })) expect('failed' in page).toBe(false);
		expect(starts).toEqual([1000, 1010, 1020, 1030, 1040]);
		expect(slept).toEqual([7, 7, 7, 7]);
		// The next listing on the same base URL waits its turn too.
		for await (const page of readList(fetchPage, profile, { pace, limit: 1 })) expect('failed' in page).toBe(false);
		expect(starts[5]).toBe(1050);
	});
});

describe('readList with two pages in flight (pagesInFlight: 2, the Create or Update index)', () => {
	/** A fakeList whose answers take a turn of the event loop or more, counting the pages on their way at once. */
	function slowList(options: FakeListOptions, answerOf?: (query: IDataObject) => PageAnswer<IDataObject> | undefined) {
		const server = fakeList(options);
		const inFlight = { now: 0, peak: 0 };
		const fetchPage = async (query: IDataObject): Promise<PageAnswer<IDataObject>> => {
			inFlight.now++;
			inFlight.peak = Math.max(inFlight.peak, inFlight.now);
			try {
				for (let turn = 0; turn < 3; turn++) await Promise.resolve();
				const special = answerOf?.(query);
				if (special) {
					server.queries.push(query);
					return special;
				}
				return await server.fetchPage(query);
			} finally {
				inFlight.now--;
			}
		};
		return { ...server, fetchPage, inFlight };
	}

	async function read(server: ReturnType<typeof slowList>, options: ReadListOptions = {}) {
		const ids: string[] = [];
		for await (const page of readList(server.fetchPage, newPagingProfile(), {
			pace: false,
			pagesInFlight: 2,
			...options,
		})) {
			if ('failed' in page) throw new Error(`failed: ${JSON.stringify(page.failed)}`);
			ids.push(...page.items.map((item) => String(item.id)));
		}
		return ids;
	}

	it('reads every object once, in order, with two pages on their way from the third page on; one page asked for past the end', async () => {
		const server = slowList({ objects: 1000 });
		expect(await read(server)).toEqual(allIds(1000));
		expect(server.inFlight.peak).toBe(2);
		// Pages 0 and 1 one after another (they settle the paging), then two at a time: page 10 was
		// asked for while page 9, the last, was on its way.
		expect(server.queries.map((q) => q.page_num)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
		expect(server.queries.length).toBeLessThanOrEqual(bound(1000, 100));
	});

	it('asks for no page past what the caller still wants (`wanted`), `total` or the Limit: no request more than one at a time', async () => {
		const bounded = slowList({ objects: 1000 });
		const taken: string[] = [];
		for await (const page of readList(bounded.fetchPage, newPagingProfile(), {
			pace: false,
			pagesInFlight: 2,
			wanted: () => 1000 - taken.length,
		})) {
			if ('failed' in page) throw new Error('failed');
			taken.push(...page.items.map((item) => String(item.id)));
		}
		expect(taken).toEqual(allIds(1000));
		const counted = slowList({ objects: 1000, total: true });
		expect(await read(counted)).toEqual(allIds(1000));
		const limited = slowList({ objects: 1000 });
		expect(await read(limited, { limit: 450 })).toEqual(allIds(500));
		expect(bounded.queries).toHaveLength(10);
		expect(counted.queries).toHaveLength(10);
		expect(limited.queries.map((q) => q.page_num)).toEqual([0, 1, 2, 3, 4]);
		expect([bounded, counted, limited].map((s) => s.inFlight.peak)).toEqual([2, 2, 2]);
	});

	it('the `wanted` callback is asked after the caller has taken the pages before: a caller that stops wastes nothing', async () => {
		const server = slowList({ objects: 1000 });
		const ids: string[] = [];
		const wanted = () => 500 - ids.length;
		for await (const page of readList(server.fetchPage, newPagingProfile(), {
			pace: false,
			pagesInFlight: 2,
			wanted,
		})) {
			if ('failed' in page) throw new Error('failed');
			ids.push(...page.items.map((item) => String(item.id)));
			if (ids.length >= 500) break;
		}
		expect(ids).toEqual(allIds(500));
		expect(server.queries.map((q) => q.page_num)).toEqual([0, 1, 2, 3, 4]);
	});

	it('every reading of the paging: the same objects as one page at a time, at most one request more', async () => {
		const readings: FakeListOptions[] = [
			{ objects: 250 },
			{ objects: 250, pageBase: 1, pageZero: 'first' },
			{ objects: 250, pageBase: 1, pageZero: 'empty' },
			{ objects: 250, pageBase: 1, pageZero: 'reject' },
			{ objects: 250, paging: 'page' },
			{ objects: 250, paging: 'page+limit', defaultSize: 10 },
			{ objects: 250, pageBase: 1, refuses: ['page', 'limit'] },
			{ objects: 250, maxPageSize: 20 },
			{ objects: 250, maxPageSize: 20, overflow: 'reject' },
			{ objects: 250, maxPageSize: 20, overflow: 'rejectSilently' },
			{ objects: 250, paging: 'page', envelope: 'data', total: true, maxPageSize: 20 },
			{ objects: 250, hasMoreForever: true },
			{ objects: 0 },
		];
		for (const reading of readings) {
			const oneByOne = fakeList(reading);
			expect(await listAll(oneByOne, newPagingProfile())).toEqual(allIds(reading.objects));
			const twoAtOnce = slowList(reading);
			expect({ reading, ids: await read(twoAtOnce) }).toEqual({ reading, ids: allIds(reading.objects) });
			expect(twoAtOnce.queries.length - oneByOne.queries.length).toBeGreaterThanOrEqual(0);
			expect(twoAtOnce.queries.length - oneByOne.queries.length).toBeLessThanOrEqual(1);
		}
	});

	it('broken servers end with the same PagingError, within the same bound', async () => {
		for (const [reading, requests] of [
			[{ objects: 250, paging: 'none' }, 3],
			[{ objects: 1000, repeatFrom: 2 }, 5],
			[{ objects: 250, endless: true, total: true }, 4],
		] as Array<[FakeListOptions, number]>) {
			const server = slowList(reading);
			await expect(read(server)).rejects.toBeInstanceOf(PagingError);
			expect({ reading, requests: server.queries.length }).toEqual({ reading, requests });
		}
	});

	it('a paging parameter refused on a page asked for ahead: the pages on their way are dropped and asked for again without it', async () => {
		// page_num from 1 (learned at the second page), and a server that starts refusing `limit` at page_num 5.
		const refuseLimit = (query: IDataObject) =>
			Number(query.page_num) >= 5 && query.limit !== undefined
				? pageAnswer(400, { code: 'invalid_argument', source: 'limit', message: 'unknown parameter limit' }, () => ({
						refused: 'limit',
					}))
				: undefined;
		const server = slowList({ objects: 1000, pageBase: 1 }, refuseLimit);
		expect(await read(server)).toEqual(allIds(1000));
		const refused = server.queries.findIndex((q) => Number(q.page_num) === 5);
		expect(server.queries[refused].limit).toBe(100);
		// Page 6 was already on its way with `limit`; page 5 is asked for again without it, and all after.
		const again = server.queries.findIndex((q, i) => i > refused && Number(q.page_num) === 5);
		expect(server.queries.slice(again).every((q) => q.limit === undefined)).toBe(true);
		expect(server.queries.slice(again).map((q) => q.page_num)).toEqual([5, 6, 7, 8, 9, 10, 11]);
		expect(server.queries.length).toBeLessThanOrEqual(bound(1000, 100) + 2);
	});

	it('a page asked for past the end that fails, or throws, is never read: the listing ends cleanly', async () => {
		for (const failure of ['answer', 'throw'] as const) {
			const server = slowList({ objects: 300 }, (query) => {
				if (Number(query.page_num) !== 3) return undefined;
				if (failure === 'throw') throw new Error('connection reset');
				return pageAnswer(500, { code: 'internal_error', message: 'boom' }, () => ({ failed: 500 }));
			});
			expect(await read(server)).toEqual(allIds(300));
			expect(server.queries.map((q) => q.page_num)).toEqual(failure === 'throw' ? [0, 1, 2] : [0, 1, 2, 3]);
		}
	});

	it('paced: page requests still start at least 10 ms apart; pages of 25 ms each read in about half the time', async () => {
		const readWith = async (pagesInFlight: number) => {
			const clock = new FakeClock();
			const server = fakeList({ objects: 1000 });
			const starts: number[] = [];
			const fetchPage = async (query: IDataObject) => {
				starts.push(clock.now());
				await clock.sleep(25);
				return await server.fetchPage(query);
			};
			const ids: string[] = [];
			const pace: ListPace = { clock, requestsPerSecond: LIST_REQUESTS_PER_SECOND };
			const reading = (async () => {
				for await (const page of readList(fetchPage, newPagingProfile(), { pace, pagesInFlight })) {
					if ('failed' in page) throw new Error('failed');
					ids.push(...page.items.map((item) => String(item.id)));
				}
			})();
			await clock.runUntil(reading);
			return { ids, starts, took: clock.now() };
		};
		const oneByOne = await readWith(1);
		const twoAtOnce = await readWith(2);
		expect(twoAtOnce.ids).toEqual(allIds(1000));
		expect(oneByOne.starts).toHaveLength(10);
		expect(twoAtOnce.starts).toHaveLength(11);
		twoAtOnce.starts.slice(1).forEach((start, i) => expect(start - twoAtOnce.starts[i]).toBeGreaterThanOrEqual(10));
		expect(oneByOne.took).toBeGreaterThanOrEqual(250);
		expect(twoAtOnce.took).toBeLessThanOrEqual(oneByOne.took * 0.65);
	});
});
