/**
 * Whether UseePay's answer to a create says the object exists already, in either shape it is
 * documented in: `code: 'already_exists'` (the error-code table), or `code: null` with the raw
 * MongoDB message the one duplicate-customer sample shows ("E11000 duplicate key error
 * collection: … index: customer.customer_mid_idx dup key: {…}").
 */
export function isDuplicateAnswer(body: unknown): boolean {
	if (!body || typeof body !== 'object') return false;
	const { code, message } = body as { code?: unknown; message?: unknown };
	if (code === 'already_exists') return true;
	return (code === null || code === undefined) && /\bE11000 duplicate key\b/.test(String(message ?? ''));
}
