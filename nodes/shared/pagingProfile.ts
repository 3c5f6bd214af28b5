import type { IDataObject } from 'n8n-workflow';

import type { Clock } from '../UseePay/shared/bulk/clock';
import { realClock } from '../UseePay/shared/bulk/clock';

/** UNCERTAIN in the docs: the largest page_size we ask for (smaller ones are tried if refused). */
export const MAX_PAGE_SIZE = 100;
/** Page sizes tried, largest first, when UseePay refuses one without naming its maximum. */
export const PAGE_SIZES = [MAX_PAGE_SIZE, 50, 20, 10];
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
 * taken, which SDK parameters were refused, when the next paced page request may start, and
 * the spelling of a cancelled status its filters match.
 */
export interface PagingProfile {
	scheme: PagingScheme;
	firstPageSeen: boolean;
	maxPageSize: number;
	pinning: boolean;
	refused: { page: boolean; limit: boolean };
	nextRequestAt: number;
	/** How this UseePay's lists spell a cancelled status filter, once one has matched (Get Many). */
	cancelSpelling?: 'canceled' | 'cancelled';
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

/** The paging parameters of page `index` (0 = the first) of `size` objects under a scheme. */
export function pagingQuery(scheme: PagingScheme, refused: PagingProfile['refused'], index: number, size: number) {
	const sdk = scheme !== 'docs';
	return {
		...(scheme !== 'page' ? { page_num: scheme === 'docs' ? index : index + 1 } : {}),
		...(sdk && !refused.page ? { page: index + 1 } : {}),
		page_size: size,
		...(sdk && !refused.limit ? { limit: size } : {}),
	} as IDataObject;
}

/** Page requests spaced at `requestsPerSecond` on `clock`. */
export interface ListPace {
	clock: Clock;
	requestsPerSecond: number;
}

export const DEFAULT_PACE: ListPace = { clock: realClock, requestsPerSecond: LIST_REQUESTS_PER_SECOND };

/** Waits for the next slot of the base URL's list requests (shared by concurrent listings). */
export async function waitForTurn(profile: PagingProfile, { clock, requestsPerSecond }: ListPace): Promise<void> {
	const now = clock.now();
	const at = Math.max(now, profile.nextRequestAt);
	profile.nextRequestAt = at + 1000 / requestsPerSecond;
	if (at > now) await clock.sleep(at - now);
}
