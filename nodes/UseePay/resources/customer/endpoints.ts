import type { BodySpec } from '../../shared/body';
import { fillPath } from '../../shared/ids';
import type { HttpMethod } from '../../shared/operations';

interface Endpoint {
	method: HttpMethod;
	path: string;
	body?: BodySpec;
}

/**
 * Method, path and body of every customer call: one place read by the operation list (index.ts,
 * whose routing the coverage test checks against the API reference) and by the code path of
 * Create, Update and Create or Update (bulk.ts).
 */
export const CUSTOMER_ENDPOINTS = {
	create: {
		method: 'POST',
		path: '/api/v1/customers/create',
		body: { required: ['merchant_customer_id'], collection: 'additionalFields' },
	},
	get: { method: 'GET', path: '/api/v1/customers/{customerId}' },
	list: { method: 'GET', path: '/api/v1/customers' },
	update: { method: 'POST', path: '/api/v1/customers/{customerId}', body: { collection: 'updateFields' } },
} satisfies Record<string, Endpoint>;

/** `/api/v1/customers/{customerId}` with the id filled in (checked and URL-encoded, ids.ts). */
export function customerPath(id: string): string {
	return fillPath(CUSTOMER_ENDPOINTS.update.path, { customerId: id });
}
