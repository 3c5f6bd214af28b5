/**
 * Issue 12, finding 7: an answer that echoes the request (its headers included) must not carry the
 * API key into an error message, an error item or an output item. Checked for routed operations
 * and for the code operations of customers, stopping and continuing on fail.
 */
import type { INodeParameters } from 'n8n-workflow';

import { runUseePay } from '../support/n8n';
import type { RecordedRequest, Recorder } from '../../tools/lib/recorder';
import { startRecorder } from '../../tools/lib/recorder';

const ECHOED_KEY = ['UseePay_SK', 'test', 'echoed', 'value'].join('_');
const credentials = { apiKey: ECHOED_KEY };

/** What a gateway that reflects the request might answer. */
const echo = (request: RecordedRequest) => ({
	code: 'unauthorized',
	source: null,
	message: `Key ${request.headers['x-api-key']} is not valid for this merchant`,
	request: { headers: request.headers },
	[request.headers['x-api-key']]: 'seen',
});

const operations: Array<[string, INodeParameters]> = [
	['Customer Get (routed)', { resource: 'customer', operation: 'get', customerId: 'cus_1' }],
	[
		'Payment Intent Create (routed, money)',
		{ resource: 'paymentIntent', operation: 'create', amount: 5, currency: 'USD', merchant_order_id: 'O-1' },
	],
	['Customer Get Many (routed, paged)', { resource: 'customer', operation: 'getAll', returnAll: false, limit: 1 }],
	[
		'Customer Update (code)',
		{ resource: 'customer', operation: 'update', customerId: 'cus_1', updateFields: { name: 'A' } },
	],
	['Customer Create (code)', { resource: 'customer', operation: 'create', merchant_customer_id: 'CRM-1' }],
];

/** Every string reachable from `value`, own non-enumerable properties (an error's message, cause ...) included. */
function allText(value: unknown, seen = new Set<unknown>()): string {
	if (typeof value === 'string') return value;
	if (value === null || typeof value !== 'object' || seen.has(value)) return '';
	seen.add(value);
	return Object.getOwnPropertyNames(value)
		.map((key) => `${key} ${allText((value as Record<string, unknown>)[key], seen)}`)
		.join(' ');
}

describe('the API key is redacted from everything read from an answer', () => {
	let api: Recorder;

	beforeEach(async () => {
		api = await startRecorder();
	});

	afterEach(async () => {
		await api.close();
	});

	it.each(operations)('%s: a 4xx echoing the key gives errors without it', async (_name, parameters) => {
		api.setResponder((request) => ({ status: 400, body: echo(request) }));
		const stopped = await runUseePay({ baseUrl: api.url, parameters, credentials });
		expect(api.requests[0].headers['x-api-key']).toBe(ECHOED_KEY);
		expect(stopped.error?.message).toMatch(/^UseePay rejected the request: Key \*\*\* is not valid/);
		expect(allText(stopped.error)).toContain('Key *** is not valid');
		expect(allText(stopped.run.data)).not.toContain(ECHOED_KEY);

		const continued = await runUseePay({ baseUrl: api.url, parameters, credentials, continueOnFail: true });
		expect(continued.items).toHaveLength(1);
		expect(continued.items[0].json.error).toMatch(/Key \*\*\* is not valid/);
		expect(allText(continued.run.data)).not.toContain(ECHOED_KEY);
	});

	it.each(operations)('%s: a 2xx echoing the key gives output without it', async (_name, parameters) => {
		api.setResponder((request) => ({
			status: 200,
			body: {
				id: 'obj_1',
				merchant_customer_id: 'CRM-1',
				echo: echo(request),
				items: [{ id: 'cus_1', merchant_customer_id: 'CRM-1', note: request.headers['x-api-key'] }],
				has_more: false,
			},
		}));
		const { error, items, run } = await runUseePay({ baseUrl: api.url, parameters, credentials });
		expect(error).toBeUndefined();
		expect(items.length).toBeGreaterThan(0);
		expect(JSON.stringify(items)).toContain('***');
		expect(allText(run.data)).not.toContain(ECHOED_KEY);
	});
});
