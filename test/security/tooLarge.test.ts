/**
 * From the node's side: a body over the emulator's 1 MiB gets a 413, which is
 * final. The node used to get a connection reset instead and retry it (Create: six attempts).
 */
import type { INodeParameters } from 'n8n-workflow';

import { start, type Running } from '../emulator/helpers';
import { runUseePay } from '../support/n8n';

const huge = JSON.stringify({ description: 'x'.repeat(1024 * 1024 + 10) });

describe('a body too large for UseePay fails once, with UseePay-shaped 413', () => {
	let r: Running;

	beforeEach(async () => {
		r = await start();
	});

	afterEach(async () => {
		await r.emu.close();
	});

	it.each<[string, INodeParameters]>([
		[
			'Customer Create (bulk path, retries 5xx and resets)',
			{
				resource: 'customer',
				operation: 'create',
				merchant_customer_id: 'CRM-1',
				additionalFields: { extraFields: huge },
			},
		],
		[
			'Customer Create or Update (bulk path)',
			{
				resource: 'customer',
				operation: 'createOrUpdate',
				merchant_customer_id: 'CRM-2',
				additionalFields: { extraFields: huge },
			},
		],
		[
			'Payment Intent Create (routed)',
			{
				resource: 'paymentIntent',
				operation: 'create',
				amount: 10,
				currency: 'USD',
				merchant_order_id: 'ORD-1',
				additionalFields: { extraFields: huge },
			},
		],
	])('%s', async (_name, parameters) => {
		const { error } = await runUseePay({ baseUrl: r.url, credentials: { apiKey: 'UseePay_SK_emulator' }, parameters });
		expect(error?.message).toMatch(/^UseePay refused the request: Request body too large \(max 1 MiB\)/);
		expect(error?.httpCode).toBe('413');
		const writes = r.emu.requests().filter((entry) => entry.method === 'POST');
		expect(writes.map((entry) => entry.status)).toEqual([413]);
	});
});
