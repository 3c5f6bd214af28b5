/**
 * The retry policy of the bulk operations, in one place: which failures are retried, how long to
 * wait, how often, and whether a request may simply be sent again.
 *
 * - 429 (rate limited): the request was refused, nothing happened: always safe to send again,
 *   after the server's Retry-After (seconds or an HTTP date) when it gives one.
 * - 5xx, a reset or timed-out connection: *ambiguous*: the server may have applied the request
 *   and only the answer was lost. Reads and updates (same body, same result) are sent again;
 *   a create is sent again only after a lookup showed it did not happen (the caller's `reconcile`,
 *   e.g. by merchant_customer_id), so a retry never makes a duplicate.
 * - a refused connection: nothing reached the server: safe to send again.
 * - any other answer (2xx, 4xx): final.
 *
 * Waits grow exponentially from `baseDelayMs` up to `maxDelayMs` with "equal jitter" (half fixed,
 * half random) so that items that failed together don't come back together; a Retry-After wins
 * when it is longer, as it is: a crowd told "1 s" comes back together, but the scheduler spaces
 * its requests at the rate anyway, and waiting longer than asked would only idle the rate.
 * After `maxRetries` retries the last failure stands and the item becomes an error.
 */
export type FailureKind = 'throttled' | 'server' | 'connection' | 'refused';

export interface RetryPolicy {
	/** Retries after the first attempt (0 = never retry). */
	maxRetries: number;
	baseDelayMs: number;
	maxDelayMs: number;
	/** Longest Retry-After honoured; a longer one fails the item instead of stalling the run. */
	maxRetryAfterMs: number;
	random: () => number;
}

export const DEFAULT_RETRY_POLICY: Omit<RetryPolicy, 'maxRetries'> = {
	baseDelayMs: 250,
	maxDelayMs: 8000,
	maxRetryAfterMs: 60000,
	random: Math.random,
};

/** Connection error codes: a request that may or may not have reached the server. */
const AMBIGUOUS_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
	'ERR_SOCKET_CONNECTION_TIMEOUT',
	'EAI_AGAIN',
	'UND_ERR_SOCKET',
]);
/** Connection error codes where nothing was sent. */
const REFUSED_CODES = new Set(['ECONNREFUSED', 'EHOSTUNREACH', 'ENETUNREACH']);

/** What kind of failure an HTTP status is, or undefined when the status is an answer to keep. */
export function classifyStatus(statusCode: number): FailureKind | undefined {
	if (statusCode === 429) return 'throttled';
	if (statusCode >= 500 && statusCode <= 599) return 'server';
	return undefined;
}

/**
 * The failure kind of an error thrown by the HTTP helper (no answer at all), read from the error's
 * `code` and those of its causes; undefined when it is not a connection problem.
 */
export function classifyThrown(error: unknown): { kind: FailureKind; code: string } | undefined {
	let current: unknown = error;
	for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
		const { code, message } = current as { code?: unknown; message?: unknown };
		if (typeof code === 'string') {
			if (AMBIGUOUS_CODES.has(code)) return { kind: 'connection', code };
			if (REFUSED_CODES.has(code)) return { kind: 'refused', code };
		}
		if (typeof message === 'string' && /socket hang up|timeout of \d+ms exceeded/i.test(message)) {
			return { kind: 'connection', code: /socket/i.test(message) ? 'ECONNRESET' : 'ETIMEDOUT' };
		}
		current = (current as { cause?: unknown }).cause;
	}
	return undefined;
}

/** Whether a request may be sent again as it is after this failure. */
export function maySendAgain(kind: FailureKind, idempotent: boolean): boolean {
	return idempotent || kind === 'throttled' || kind === 'refused';
}

/** Retry-After in ms: delta-seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: unknown, now: number): number | undefined {
	const text = Array.isArray(value) ? value[0] : value;
	if (text === undefined || text === null || text === '') return undefined;
	const raw = String(text).trim();
	if (/^\d+(\.\d+)?$/.test(raw)) return Math.round(Number(raw) * 1000);
	const date = Date.parse(raw);
	return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/**
 * How long to wait before retry number `retry` (1 = the first retry). Undefined when the
 * server asks for a wait longer than the policy honours (the item fails instead).
 */
export function retryDelay(policy: RetryPolicy, retry: number, retryAfterMs?: number): number | undefined {
	const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, retry - 1));
	const backoff = ceiling / 2 + (policy.random() * ceiling) / 2;
	if (retryAfterMs === undefined) return Math.round(backoff);
	if (retryAfterMs > policy.maxRetryAfterMs) return undefined;
	return Math.round(Math.max(backoff, retryAfterMs));
}
