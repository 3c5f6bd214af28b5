import type { IDataObject } from 'n8n-workflow';

/** One page of a UseePay list, as read from its answer. */
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

/** The query parameters the paging engine chooses, which UseePay may refuse with a 400. */
export type PagingParameter = 'page_num' | 'page' | 'page_size' | 'limit' | 'to_created_at';

const PAGING_PARAMETERS: PagingParameter[] = ['page_num', 'page_size', 'limit', 'to_created_at', 'page'];

/** One page request's outcome, as the caller's transport sees it. */
export type PageAnswer<F> =
	| { page: ListPage }
	/** UseePay refused a paging parameter (400 naming it); `max`: the largest size its message names. */
	| { refused: PagingParameter; max?: number; failed: F }
	| { failed: F };

/** The largest size a refusal names ("page_size must be at most 20", "between 1 and 50", "max 20"). */
function namedMaximum(message: string): number | undefined {
	const match =
		/(?:at most|maximum(?: is| of)?|max(?:imum)?\.?|not exceed|<=|less than or equal to|up to|between \d+ and)\s*(\d+)/i.exec(
			message,
		);
	const max = match ? Number(match[1]) : NaN;
	return Number.isInteger(max) && max >= 1 ? max : undefined;
}

/**
 * Which of our paging parameters a 400 answer refuses, from UseePay's `{code, source, message}`:
 * its `source` when that is one, else the first one its message names (whole words: `page` is
 * not `page_size`).
 */
export function refusedPagingParameter(
	statusCode: unknown,
	body: { source?: unknown; message?: unknown } | undefined,
): { refused: PagingParameter; max?: number } | undefined {
	if (Number(statusCode) !== 400 || !body) return undefined;
	const source = String(body.source ?? '');
	const message = String(body.message ?? '');
	const named = (name: string) => new RegExp(`(^|[^A-Za-z0-9_])${name}($|[^A-Za-z0-9_])`).test(message);
	const refused = PAGING_PARAMETERS.find((name) => source === name) ?? PAGING_PARAMETERS.find((name) => named(name));
	if (!refused) return undefined;
	const max = refused === 'page_size' || refused === 'limit' ? namedMaximum(message) : undefined;
	return max === undefined ? { refused } : { refused, max };
}

/** A failed page, with the paging parameter a 400 refused (if it did). */
export function failedPage<F>(
	failed: F,
	statusCode: unknown,
	body: { source?: unknown; message?: unknown } | undefined,
): PageAnswer<F> {
	const refusal = refusedPagingParameter(statusCode, body);
	return refusal ? { ...refusal, failed } : { failed };
}

/** A list answer as readList takes it: the page of a 2xx, otherwise `failure()` (failedPage). */
export function pageAnswer<F>(statusCode: number, body: unknown, failure: () => F): PageAnswer<F> {
	if (statusCode >= 200 && statusCode < 300) return { page: readListPage(body) };
	return failedPage(failure(), statusCode, body && typeof body === 'object' ? body : undefined);
}
