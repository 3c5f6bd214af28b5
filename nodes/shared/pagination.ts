import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { ListPage, PageAnswer, PagingParameter } from './listPage';
import type { ListPace, PagingProfile, PagingScheme } from './pagingProfile';
import { DEFAULT_PACE, MAX_LIST_OBJECTS, PAGE_SIZES, pagingQuery, waitForTurn } from './pagingProfile';

export type { ListPage, PageAnswer, PagingParameter } from './listPage';
export { failedPage, pageAnswer, readListPage, refusedPagingParameter } from './listPage';
export type { ListPace, PagingProfile, PagingScheme } from './pagingProfile';
export {
	LIST_REQUESTS_PER_SECOND,
	MAX_LIST_OBJECTS,
	MAX_PAGE_SIZE,
	newPagingProfile,
	pagingProfile,
} from './pagingProfile';

/** A listing that cannot go on without reading pages twice or forever (the message says why). */
export class PagingError extends Error {
	constructor(
		message: string,
		readonly description: string,
	) {
		super(message);
		this.name = 'PagingError';
	}
}

/** A PagingError as the node's error (with its description); any other error as it is. */
export function pagingFailure(node: INode, error: unknown): unknown {
	if (!(error instanceof PagingError)) return error;
	return new NodeOperationError(node, error.message, { description: error.description });
}

const wire = (query: IDataObject) =>
	Object.entries(query)
		.map(([key, value]) => `${key}=${String(value)}`)
		.join(', ');

const createdAt = (item: IDataObject) => Date.parse(String(item.create_at ?? item.created_at ?? ''));

/**
 * The upper bound that pins a listing to its first page: UseePay lists newest first, so customers
 * created while we page would push everything down a page and the next page would repeat items
 * (nothing is skipped: lists only grow at the top). `to_created_at` set to just after the newest
 * item of the first page keeps later arrivals out. Its unit is one second, and whether it is
 * inclusive is UNCERTAIN, so the bound is the next whole second; items created within that same
 * second can still slip in and are dropped by id (see readList).
 */
function pinAfter(items: IDataObject[], query: IDataObject): string | undefined {
	const newest = Math.max(...items.map(createdAt).filter((t) => Number.isFinite(t)));
	if (!Number.isFinite(newest)) return undefined;
	const pin = Math.floor(newest / 1000) * 1000 + 1000;
	const given = Date.parse(String(query.to_created_at ?? ''));
	return new Date(Number.isFinite(given) ? Math.min(given, pin) : pin).toISOString();
}

/** Where a listing goes on: the index of its next page, the page size, the ids already read. */
export interface ListCursor {
	page: number;
	size: number;
	seen?: string[];
}

export interface ReadListOptions {
	/** Filters and other query parameters of every page. */
	query?: IDataObject;
	/** Items wanted in all (page_size is never larger); default: all. */
	limit?: number;
	/** Pacing of the page requests (default: 100/s); false when the caller's sends are paced already. */
	pace?: ListPace | false;
	/** Whether an empty first page is checked under the other page_num reading (default true). */
	checkEmptyFirstPage?: boolean;
	/** Go on from an earlier listing's cursor (list search's next page). */
	from?: ListCursor;
	/** The guard when the answers have no `total` (default MAX_LIST_OBJECTS). */
	maxObjects?: number;
	/**
	 * Pages on their way at once, from the third page on (the first two settle how the server
	 * pages; default 1: one after another). Each page's round trip is mostly waiting, so two in
	 * flight read a long list in about half the time. A page beyond the next one is asked for only
	 * while `wanted` says the pages already asked for cannot hold what the caller still wants, and
	 * never past `total` or `limit`: a listing read to its end costs at most pagesInFlight − 1 requests more.
	 */
	pagesInFlight?: number;
	/**
	 * How many more objects the caller may still take, counting the page being read (default: all).
	 * Asked before each page asked for ahead, after the caller has taken the pages before it.
	 */
	wanted?: () => number;
}

export type ListChunk = ListPage & { next: ListCursor };

/** An object's key for "seen before": its id (the whole object when it has none). */
export const idOf = (item: IDataObject) =>
	item.id === undefined || item.id === null ? JSON.stringify(item) : String(item.id);

/** One page request on its way: what it asked for, and its answer to come. */
interface PageRequest<F> {
	paging: IDataObject;
	pinned: boolean;
	answer: Promise<PageAnswer<F>>;
}

/** What a listing is at: its scheme (from the profile, or tried), page size, next page, objects delivered. */
interface Listing {
	scheme: PagingScheme;
	size: number;
	index: number;
	delivered: number;
}

/**
 * What a 400 refusing one of our paging parameters changes, before the page is asked for again;
 * false when nothing is left to change (the refusal then fails the listing). Each change only
 * goes one way (smaller sizes, parameters dropped, docs → one → page), so retries are bounded:
 * - `to_created_at`: no more pinning;
 * - page_size or limit at the first request: the maximum the message names, else (page_size)
 *   the next smaller size; a limit refused otherwise is sent no more, nor `page` and `limit`
 *   once `page` is refused;
 * - page_num at the first request: page_num from 1 (with the SDK's page), then `page` alone.
 */
function afterRefusal(
	listing: Listing,
	profile: PagingProfile,
	{ refused, max }: { refused: PagingParameter; max?: number },
	paging: IDataObject,
	{ pinned, resumed }: { pinned: boolean; resumed: boolean },
): boolean {
	const firstRequest = listing.index === 0 && listing.delivered === 0 && !resumed;
	if (refused === 'to_created_at' && pinned) {
		profile.pinning = false;
		return true;
	}
	if ((refused === 'page_size' || refused === 'limit') && firstRequest) {
		const named = max !== undefined && max < listing.size ? max : undefined;
		const smaller = named ?? (refused === 'page_size' ? PAGE_SIZES.find((s) => s < listing.size) : undefined);
		if (smaller !== undefined) {
			listing.size = smaller;
			profile.maxPageSize = Math.min(profile.maxPageSize, smaller);
			return true;
		}
	}
	if (paging[refused] !== undefined && refused === 'limit') {
		profile.refused.limit = true;
		return true;
	}
	// A UseePay that refuses the SDK's `page` does not read its `limit` either: neither is sent again.
	if (paging[refused] !== undefined && refused === 'page' && listing.scheme !== 'page') {
		profile.refused.page = profile.refused.limit = true;
		return true;
	}
	if (refused === 'page_num' && firstRequest && (listing.scheme === 'docs' || !profile.refused.page)) {
		listing.scheme = listing.scheme === 'docs' ? 'one' : 'page';
		profile.scheme = listing.scheme;
		return true;
	}
	return false;
}

/**
 * Reads a UseePay list page by page, newest first, for every code path that lists (Get Many, list
 * search, the trigger's endpoint reconcile, the Create or Update index and lookups), each object
 * once (by id), pinned after the first page (pinAfter), paced (waitForTurn). It finds out, and
 * remembers in the profile, how the server pages:
 * - page 0 first (`docs`); a second page that repeats the first (page_num counts from 1, or the
 *   server reads the SDK's `page`) is asked for again under `one`, costing one request;
 * - an empty first page is asked for again under `one` (a page_num 0 that is an empty page)
 *   until page_num 0 has once answered objects; a 400 on page_num switches too;
 * - a refused page_size: the maximum the message names, else the next smaller size; a refused
 *   `to_created_at`, `page` or `limit`: sent no more.
 * A page with no new object while has_more is true, once no reading is left to try, and a
 * has_more that outlasts `total` (or MAX_LIST_OBJECTS) end the listing with a PagingError: at
 * most ceil(N / page size) + 2 requests for N objects, whatever the server does (pagesInFlight
 * may add pagesInFlight − 1 pages asked for ahead and not needed).
 * Yields each page's new items, in order; a failed request is yielded as such and ends the listing.
 */
export async function* readList<F>(
	fetchPage: (query: IDataObject) => Promise<PageAnswer<F>>,
	profile: PagingProfile,
	options: ReadListOptions = {},
): AsyncGenerator<ListChunk | { failed: F }> {
	const { query = {}, limit = Infinity, pace = DEFAULT_PACE, checkEmptyFirstPage = true, from } = options;
	const { maxObjects = MAX_LIST_OBJECTS, pagesInFlight = 1, wanted = () => Infinity } = options;
	const seen = new Set<string>(from?.seen ?? []);
	const listing: Listing = {
		scheme: profile.scheme,
		size: from?.size ?? Math.max(1, Math.min(profile.maxPageSize, limit)),
		index: from?.page ?? 0,
		delivered: 0,
	};
	// A scheme tried in this listing, kept in the profile once a page under it brings new objects.
	let trying = false;
	let served: number | undefined;
	let pin: string | undefined;
	let total: number | undefined;
	let requests = 0;
	// A last guard on the loop itself (the size may shrink on the way): every path below is bounded.
	const guard = () => Math.ceil(maxObjects / listing.size) + 10;
	const ask = (index: number): PageRequest<F> => {
		const pinned = pin !== undefined && profile.pinning;
		const paging = pagingQuery(listing.scheme, profile.refused, index, listing.size);
		requests++;
		const answer = (async () => {
			if (pace) await waitForTurn(profile, pace);
			return await fetchPage({ ...query, ...(pinned ? { to_created_at: pin } : {}), ...paging });
		})();
		return { paging, pinned, answer };
	};
	// Pages asked for before their turn, by index; dropped (answers unread) when the paging changes.
	const ahead = new Map<number, PageRequest<F>>();
	const askAhead = () => {
		if (pagesInFlight <= 1 || listing.index < 2 || trying) return;
		const pageSize = served ?? listing.size;
		for (let index = listing.index + 1; index < listing.index + pagesInFlight; index++) {
			if (ahead.has(index)) continue;
			// What the pages asked for before this one can hold: enough, and this one is not asked for.
			const before = (index - listing.index) * pageSize;
			const end = Math.min(
				limit - listing.delivered,
				total === undefined ? Infinity : total - listing.index * pageSize,
			);
			if (before >= end || before >= wanted() || requests >= guard()) return;
			const request = ask(index);
			request.answer.catch(() => undefined); // read in its turn, or dropped: never an unhandled rejection
			ahead.set(index, request);
		}
	};
	while (ahead.has(listing.index) || requests < guard()) {
		const request = ahead.get(listing.index) ?? ask(listing.index);
		ahead.delete(listing.index);
		askAhead();
		const { paging, pinned } = request;
		const answer = await request.answer;
		if (
			'refused' in answer &&
			afterRefusal(listing, profile, answer, paging, { pinned, resumed: from !== undefined })
		) {
			ahead.clear();
			continue;
		}
		if ('failed' in answer) {
			yield { failed: answer.failed };
			return;
		}
		const { items, hasMore } = answer.page;
		total = answer.page.total;
		const counted = total !== undefined ? { total } : {};
		if (listing.index === 0 && items.length === 0) {
			// page_num 0 may be an empty page of a list that counts from 1: ask for page_num 1 once.
			if (checkEmptyFirstPage && listing.scheme === 'docs' && !profile.firstPageSeen && total !== 0) {
				listing.scheme = 'one';
				trying = true;
				ahead.clear();
				continue;
			}
			yield { items: [], hasMore: false, ...counted, next: { page: 1, size: listing.size } };
			return;
		}
		if (listing.index === 0 && listing.scheme === 'docs') profile.firstPageSeen = true;
		const fresh = items.filter((item) => !seen.has(idOf(item)) && seen.add(idOf(item)));
		if (fresh.length === 0 && items.length > 0 && hasMore) {
			// The same page again: page_num counts from 1 (or only `page` is read). Else no reading is left.
			if (listing.index === 1 && listing.scheme === 'docs') {
				listing.scheme = 'one';
				trying = true;
				if (served !== undefined) listing.size = served;
				ahead.clear();
				continue;
			}
			throw new PagingError(
				`UseePay answered the same page again: it ignores the paging parameters (${wire(paging)}), so the list cannot be read past its first ${seen.size} objects`,
				`After ${requests} requests. Set a Limit of at most ${seen.size}, or ask UseePay which paging parameters this list takes.`,
			);
		}
		if (trying && fresh.length > 0) {
			profile.scheme = listing.scheme;
			trying = false;
		}
		if (listing.index === 0 && hasMore) {
			pin = pinAfter(items, query);
			if (items.length < listing.size) served = items.length;
		}
		listing.delivered += fresh.length;
		listing.index++;
		yield { items: fresh, hasMore, ...counted, next: { page: listing.index, size: listing.size } };
		if (!hasMore || items.length === 0 || listing.delivered >= limit) return;
		const pageSize = served ?? listing.size;
		const objects = total ?? maxObjects;
		if (listing.index * pageSize >= objects + pageSize) {
			throw new PagingError(
				`UseePay still answers has_more after ${listing.index} pages of ${pageSize}, more than the ${objects} objects ${total !== undefined ? 'its total names' : 'a listing reads'}`,
				`After ${requests} requests, with ${seen.size} objects read. Set a Limit, or narrow the list with filters.`,
			);
		}
	}
	throw new PagingError(`UseePay's list was not read to its end after ${requests} requests`, 'Set a Limit.');
}
