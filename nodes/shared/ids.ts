/**
 * UseePay object IDs, before they go into a URL path. UseePay's IDs are opaque but have one shape
 * (`cus_1JA7UDDQG3800`, 32 hex characters, long numbers, `pi_…`): letters, digits, `_` and `-`.
 * Anything else could leave its path segment: `.` and `..` move up the path, `/`, `?` and `#` cut
 * it, `%` smuggles those in encoded, and a lone surrogate makes n8n's expression engine drop the ID
 * altogether. The last segment words of UseePay's paths (`create`, `capture` ...) have the shape but
 * turn "update this object" into "create one" or "capture"; they are refused too.
 */

const ID_SHAPE = /^[A-Za-z0-9_-]+$/;
const MAX_ID_LENGTH = 128;

/** Path words of UseePay's API (and its SDK), compared case-insensitively. */
const PATH_WORDS = new Set([
	'apple_pay',
	'cancel',
	'capture',
	'complete',
	'confirm',
	'create',
	'delete',
	'expire',
	'finalize',
	'list',
	'merchant_session',
	'pause',
	'pay',
	'quick_create',
	'refund',
	'resume',
	'retrieve',
	'search',
	'update',
	'void',
]);

/** Why `id` cannot be used as a UseePay ID in a path, or undefined when it can. */
export function idProblem(id: string): string | undefined {
	if (!ID_SHAPE.test(id)) {
		const shown = JSON.stringify(id.length > 40 ? `${id.slice(0, 40)}…` : id);
		return `is not a UseePay ID: ${shown} has characters other than letters, digits, _ and -`;
	}
	if (id.length > MAX_ID_LENGTH) return `is not a UseePay ID: it is longer than ${MAX_ID_LENGTH} characters`;
	if (PATH_WORDS.has(id.toLowerCase())) return `cannot be '${id}': that is a word of UseePay's paths, not an ID`;
	return undefined;
}

/** `/api/v1/customers/{customerId}` → the path parameter names, in order. */
export function pathParameters(path: string): string[] {
	return [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
}

/**
 * Fills `{name}` in `path` with `ids[name]`, each checked (a caller checks user input first, with
 * an error naming the field and the item) and percent-encoded.
 */
export function fillPath(path: string, ids: Record<string, string>): string {
	return path.replace(/\{(\w+)\}/g, (_, name: string) => {
		const id = ids[name] ?? '';
		const problem = idProblem(id);
		if (problem) throw new Error(`The ${name} ${problem}`);
		return encodeURIComponent(id);
	});
}
