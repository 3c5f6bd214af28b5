import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Clock } from '../UseePay/shared/bulk/clock';
import { realClock } from '../UseePay/shared/bulk/clock';
import type { ListPage, PageAnswer } from './listPage';

export type { ListPage, PageAnswer, PagingParameter } from './listPage';
export { failedPage, pageAnswer, readListPage, refusedPagingParameter } from './listPage';

/** UNCERTAIN in the docs: the largest page_size we ask for (smaller ones are tried if refused). */
export const MAX_PAGE_SIZE = 100;
/** Page sizes tried, largest first, when UseePay refuses one without naming its maximum. */
const PAGE_SIZES = [MAX_PAGE_SIZE, 50, 20, 10];
/** Page requests per second of a listing not paced by a bulk run (Requests Per Second's default). */
export const LIST_REQUESTS_PER_SECOND = 100;
/** No listing reads past this many objects without a `total`: the guard against an endless has_more. */
export const MAX_LIST_OBJECTS = 1_000_000;

/**
 * How a UseePay list takes its page number, as learned from its answers:
 * - `docs`: `page_num` counting from 0 (the docs' sample);
 * - `one`: `page_num` counting from 1, sent with the PHP SDK's `page` (from 1) and `limit`, so a
 *   server that reads either is served;
 * - `page`: the SDK's `page` and `limit` only (UseePay refused `page_num`).
 */
export type PagingScheme = 'docs' | 'one' | 'page';

/**
 * What UseePay's docs leave open about paging, as learned from its answers, kept per base URL
 * for the life of the n8n process, so a wrong guess costs one request once, not one per list:
 * the paging scheme, whether page_num 0 has answered a first page with objects (then an empty
 * one there is an empty list), the largest page_size accepted, whether `to_created_at` is
 * taken, which SDK parameters were refused, and when the next paced page request may start.
 */
export interface PagingProfile {
	scheme: PagingScheme;
	firstPageSeen: boolean;
	maxPageSize: number;
	pinning: boolean;
	refused: { page: boolean; limit: boolean };
	nextRequestAt: number;
}

export const newPagingProfile = (): PagingProfile => ({
	scheme: 'docs',
	firstPageSeen: false,
	maxPageSize: MAX_PAGE_SIZE,
	pinning: true,
	refused: { page: false, limit: false },
	nextRequestAt: 0,
});

const profiles = new Map<string, PagingProfile>();

export function pagingProfile(baseUrl: string): PagingProfile {
	let profile = profiles.get(baseUrl);
	if (!profile) {
		profile = newPagingProfile();
		profiles.set(baseUrl, profile);
	}
	return profile;
}

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

/** The paging parameters of page `index` (0 = the first) of `size` objects under a scheme. */
function pagingQuery(scheme: PagingScheme, refused: PagingProfile['refused'], index: number, size: number) {
	const sdk = scheme !== 'docs';
	return {
		...(scheme !== 'page' ? { page_num: scheme === 'docs' ? index : index + 1 } : {}),
		...(sdk && !refused.page ? { page: index + 1 } : {}),
		page_size: size,
		...(sdk && !refused.limit ? { limit: size } : {}),
	} as IDataObject;
}

const wire = (query: IDataObject) =>
	Object.entries(query)
		.map(([key, value]) => `${key}=${String(value)}`)
		.join(', ');

/** Page requests spaced at `requestsPerSecond` on `clock`. */
export interface ListPace {
	clock: Clock;
	requestsPerSecond: number;
}

const DEFAULT_PACE: ListPace = { clock: realClock, requestsPerSecond: LIST_REQUESTS_PER_SECOND };

/** Waits for the next slot of the base URL's list requests (shared by concurrent listings). */
async function waitForTurn(profile: PagingProfile, { clock, requestsPerSecond }: ListPace): Promise<void> {
	const now = clock.now();
	const at = Math.max(now, profile.nextRequestAt);
	profile.nextRequestAt = at + 1000 / requestsPerSecond;
	if (at > now) await clock.sleep(at - now);
}

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
}

export type ListChunk = ListPage & { next: ListCursor };

/** An object's key for "seen before": its id (the whole object when it has none). */
export const idOf = (item: IDataObject) =>
	item.id === undefined || item.id === null ? JSON.stringify(item) : String(item.id);

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
 * most ceil(N / page size) + 2 requests for N objects, whatever the server does.
 * Yields each page's new items; a failed request is yielded as such and ends the listing.
 */
export async function* readList<F>(
	fetchPage: (query: IDataObject) => Promise<PageAnswer<F>>,
	profile: PagingProfile,
	options: ReadListOptions = {},
): AsyncGenerator<ListChunk | { failed: F }> {
	const { query = {}, limit = Infinity, pace = DEFAULT_PACE, checkEmptyFirstPage = true, from } = options;
	const { maxObjects = MAX_LIST_OBJECTS } = options;
	const seen = new Set<string>(from?.seen ?? []);
	let scheme = profile.scheme;
	// A scheme tried in this listing, kept in the profile once a page under it brings new objects.
	let trying = false;
	let index = from?.page ?? 0;
	let size = from?.size ?? Math.max(1, Math.min(profile.maxPageSize, limit));
	let served: number | undefined;
	let pin: string | undefined;
	let delivered = 0;
	let requests = 0;
	const maxRequests = Math.ceil(maxObjects / size) + 10;
	while (requests < maxRequests) {
		const pinned = pin !== undefined && profile.pinning;
		const paging = pagingQuery(scheme, profile.refused, index, size);
		if (pace) await waitForTurn(profile, pace);
		requests++;
		const answer = await fetchPage({ ...query, ...(pinned ? { to_created_at: pin } : {}), ...paging });
		if ('refused' in answer) {
			const { refused, max } = answer;
			const firstRequest = index === 0 && delivered === 0;
			if (refused === 'to_created_at' && pinned) {
				profile.pinning = false;
				continue;
			}
			if ((refused === 'page_size' || refused === 'limit') && firstRequest && from === undefined) {
				const smaller =
					max !== undefined && max < size
						? max
						: refused === 'page_size'
							? PAGE_SIZES.find((s) => s < size)
							: undefined;
				if (smaller !== undefined) {
					size = smaller;
					profile.maxPageSize = Math.min(profile.maxPageSize, smaller);
					continue;
				}
			}
			if (paging[refused] !== undefined && (refused === 'limit' || (refused === 'page' && scheme !== 'page'))) {
				profile.refused[refused] = true;
				continue;
			}
			if (refused === 'page_num' && firstRequest && (scheme === 'docs' || !profile.refused.page)) {
				scheme = scheme === 'docs' ? 'one' : 'page';
				profile.scheme = scheme;
				continue;
			}
		}
		if ('failed' in answer) {
			yield { failed: answer.failed };
			return;
		}
		const { items, hasMore, total } = answer.page;
		const counted = total !== undefined ? { total } : {};
		if (index === 0 && items.length === 0) {
			// page_num 0 may be an empty page of a list that counts from 1: ask for page_num 1 once.
			if (checkEmptyFirstPage && scheme === 'docs' && !profile.firstPageSeen && total !== 0) {
				scheme = 'one';
				trying = true;
				continue;
			}
			yield { items: [], hasMore: false, ...counted, next: { page: 1, size } };
			return;
		}
		if (index === 0 && scheme === 'docs') profile.firstPageSeen = true;
		const fresh = items.filter((item) => !seen.has(idOf(item)) && seen.add(idOf(item)));
		if (fresh.length === 0 && items.length > 0 && hasMore) {
			// The same page again: page_num counts from 1 (or only `page` is read). Else no reading is left.
			if (index === 1 && scheme === 'docs') {
				scheme = 'one';
				trying = true;
				if (served !== undefined) size = served;
				continue;
			}
			throw new PagingError(
				`UseePay answered the same page again: it ignores the paging parameters (${wire(paging)}), so the list cannot be read past its first ${seen.size} objects`,
				`After ${requests} requests. Set a Limit of at most ${seen.size}, or ask UseePay which paging parameters this list takes.`,
			);
		}
		if (trying && fresh.length > 0) {
			profile.scheme = scheme;
			trying = false;
		}
		if (index === 0 && hasMore) {
			pin = pinAfter(items, query);
			if (items.length < size) served = items.length;
		}
		delivered += fresh.length;
		index++;
		yield { items: fresh, hasMore, ...counted, next: { page: index, size } };
		if (!hasMore || items.length === 0 || delivered >= limit) return;
		const pageSize = served ?? size;
		const objects = total ?? maxObjects;
		if (index * pageSize >= objects + pageSize) {
			throw new PagingError(
				`UseePay still answers has_more after ${index} pages of ${pageSize}, more than the ${objects} objects ${total !== undefined ? 'its total names' : 'a listing reads'}`,
				`After ${requests} requests, with ${seen.size} objects read. Set a Limit, or narrow the list with filters.`,
			);
		}
	}
	throw new PagingError(`UseePay's list was not read to its end after ${requests} requests`, 'Set a Limit.');
}
