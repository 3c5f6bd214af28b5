import type { IDataObject } from 'n8n-workflow';

/** UNCERTAIN in the docs: the largest page_size we ask for (smaller ones are tried if refused). */
export const MAX_PAGE_SIZE = 100;
/** Page sizes tried, largest first, when UseePay refuses one. */
const PAGE_SIZES = [MAX_PAGE_SIZE, 50, 20, 10];

export interface ListPage {
	items: IDataObject[];
	hasMore: boolean;
	/** The list's length, when the answer says (the PHP SDK reads `total`; the docs don't show it). */
	total?: number;
}

/**
 * Reads a list page defensively: UseePay's docs show `{items, has_more}`, its PHP SDK reads `data`.
 */
export function readListPage(body: unknown): ListPage {
	const page = (body ?? {}) as IDataObject;
	const items = (Array.isArray(page.items) ? page.items : Array.isArray(page.data) ? page.data : []) as IDataObject[];
	const total = Number(page.total);
	return {
		items,
		hasMore: page.has_more === true || page.has_more === 'true',
		...(page.total !== undefined && page.total !== null && Number.isFinite(total) ? { total } : {}),
	};
}

/**
 * What UseePay's docs leave open about paging, as learned from its answers: the number of the
 * first page (the docs' example uses 0) and the largest page_size it accepts (we assume 100), and
 * whether it takes `to_created_at` (by analogy with `from_created_at`). Kept per base URL for
 * the life of the n8n process, so a wrong guess costs one request once, not one per list.
 */
export interface PagingProfile {
	firstPage: 0 | 1;
	maxPageSize: number;
	pinning: boolean;
}

const profiles = new Map<string, PagingProfile>();

export function pagingProfile(baseUrl: string): PagingProfile {
	let profile = profiles.get(baseUrl);
	if (!profile) {
		profile = { firstPage: 0, maxPageSize: MAX_PAGE_SIZE, pinning: true };
		profiles.set(baseUrl, profile);
	}
	return profile;
}

/** One page request's outcome, as the caller's transport sees it. */
export type PageAnswer<F> =
	| { page: ListPage }
	/** UseePay refused a query parameter we chose (page_size, to_created_at): try without. */
	| { refused: 'page_size' | 'to_created_at'; failed: F }
	| { failed: F };

/** Which of our paging parameters a 400 answer refuses, from UseePay's `{code, source, message}`. */
export function refusedPagingParameter(
	statusCode: unknown,
	body: { source?: unknown; message?: unknown } | undefined,
): 'page_size' | 'to_created_at' | undefined {
	if (Number(statusCode) !== 400 || !body) return undefined;
	const text = `${String(body.source ?? '')} ${String(body.message ?? '')}`;
	if (/page_size/.test(text)) return 'page_size';
	if (/to_created_at/.test(text)) return 'to_created_at';
	return undefined;
}

/** A failed page, with the paging parameter a 400 refused (if it did). */
export function failedPage<F>(
	failed: F,
	statusCode: unknown,
	body: { source?: unknown; message?: unknown } | undefined,
): PageAnswer<F> {
	const refused = refusedPagingParameter(statusCode, body);
	return refused ? { refused, failed } : { failed };
}

/** A list answer as readList takes it: the page of a 2xx, otherwise `failure()` (failedPage). */
export function pageAnswer<F>(statusCode: number, body: unknown, failure: () => F): PageAnswer<F> {
	if (statusCode >= 200 && statusCode < 300) return { page: readListPage(body) };
	return failedPage(failure(), statusCode, body && typeof body === 'object' ? body : undefined);
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

export interface ReadListOptions {
	/** Filters and other query parameters of every page. */
	query?: IDataObject;
	/** Items wanted in all (page_size is never larger); default: all. */
	limit?: number;
}

/**
 * Reads a UseePay list page by page, newest first, for every code path that lists (Get Many,
 * the Create or Update index, lookups that fall back to the whole list): page_num from the
 * profile's first page while `has_more`, at the profile's page size, pinned after the first page
 * (pinAfter), each item once (by id). What it learns goes into the profile:
 * - a page_size UseePay refuses: the next smaller size is tried and remembered;
 * - page_num 1 answering the first page again (its first item reappears): pages count from 1,
 *   the next page asked for is 2;
 * - a refused `to_created_at`: no pinning (the id check alone keeps items unique).
 * Yields each page's new items; a failure is yielded as such and ends the listing.
 */
export async function* readList<F>(
	fetchPage: (query: IDataObject) => Promise<PageAnswer<F>>,
	profile: PagingProfile,
	{ query = {}, limit = Infinity }: ReadListOptions = {},
): AsyncGenerator<{ items: IDataObject[]; hasMore: boolean; total?: number } | { failed: F }> {
	const seen = new Set<string>();
	let pin: string | undefined;
	let firstId: unknown;
	let pageNum: number = profile.firstPage;
	// One size for the whole listing (page_num counts pages of this size).
	let pageSize = Math.min(profile.maxPageSize, limit);
	let delivered = 0;
	for (let pagesRead = 0; delivered < limit; ) {
		const pinned = pin !== undefined && profile.pinning;
		const answer = await fetchPage({
			...query,
			...(pinned ? { to_created_at: pin } : {}),
			page_num: pageNum,
			page_size: pageSize,
		});
		if ('refused' in answer) {
			if (answer.refused === 'to_created_at' && pinned) {
				profile.pinning = false;
				continue;
			}
			const smaller = PAGE_SIZES.find((size) => size < pageSize);
			if (answer.refused === 'page_size' && pagesRead === 0 && smaller !== undefined) {
				pageSize = smaller;
				profile.maxPageSize = Math.min(profile.maxPageSize, smaller);
				continue;
			}
		}
		if ('failed' in answer) {
			yield answer;
			return;
		}
		const { items, hasMore, total } = answer.page;
		if (pagesRead === 1 && pageNum === 1 && firstId !== undefined && items.some((item) => item.id === firstId)) {
			profile.firstPage = 1;
		}
		if (pagesRead === 0) {
			firstId = items[0]?.id;
			if (hasMore) pin = pinAfter(items, query);
		}
		pagesRead++;
		pageNum++;
		const fresh = items.filter((item) => {
			if (item.id === undefined || item.id === null) return true;
			const id = String(item.id);
			if (seen.has(id)) return false;
			seen.add(id);
			return true;
		});
		delivered += fresh.length;
		yield { items: fresh, hasMore, ...(total !== undefined ? { total } : {}) };
		if (!hasMore || items.length === 0) return;
	}
}
