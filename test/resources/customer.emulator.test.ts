import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { createEmulator } from '../../emulator/server';
import { runUseePay } from '../support/n8n';

/** The Customer operations through n8n-core against the stateful emulator: a real round trip. */
describe('Customer operations against the UseePay emulator', () => {
	let emulator: { listen(port?: number): Promise<{ url: string }>; close(): Promise<void> };
	let baseUrl: string;
	const credentials = { merchantNo: '500000000009999', apiKey: 'UseePay_SK_emulator', appId: 'crm.example.com' };

	beforeEach(async () => {
		emulator = createEmulator();
		({ url: baseUrl } = await emulator.listen(0));
	});

	afterEach(async () => {
		await emulator.close();
	});

	const run = (parameters: IDataObject, items?: IDataObject[]) =>
		runUseePay({ baseUrl, credentials, parameters: { resource: 'customer', ...parameters } as INodeParameters, items });

	it('create → get → update → get many round-trips', async () => {
		const created = await run({
			operation: 'create',
			merchant_customer_id: 'CRM-7',
			additionalFields: {
				name: 'Jane Doe',
				email: 'jane@example.com',
				address: { details: { country: 'US', city: 'Boston' } },
			},
		});
		expect(created.error).toBeUndefined();
		const id = created.items[0].json.id as string;
		expect(id).toMatch(/^cus_/);

		const updated = await run({
			operation: 'update',
			customerId: { __rl: true, mode: 'id', value: id },
			updateFields: { phone: '+1 617 555 0100', metadata: { entries: [{ key: 'tier', value: 'gold' }] } },
		});
		expect(updated.error).toBeUndefined();

		const fetched = await run({ operation: 'get', customerId: { __rl: true, mode: 'id', value: id } });
		expect(fetched.items[0].json).toMatchObject({
			id,
			merchant_customer_id: 'CRM-7',
			name: 'Jane Doe',
			email: 'jane@example.com',
			phone: '+1 617 555 0100',
			address: { country: 'US', city: 'Boston' },
			metadata: { tier: 'gold' },
		});

		const listed = await run({ operation: 'getAll', returnAll: true, filters: { merchant_customer_id: 'CRM-7' } });
		expect(listed.items.map((item) => item.json.id)).toEqual([id]);
	});

	it('a second create with the same Merchant Customer ID is refused with already_exists', async () => {
		await run({ operation: 'create', merchant_customer_id: 'CRM-8' });
		const again = await run({ operation: 'create', merchant_customer_id: 'CRM-8' });
		expect(again.error?.message).toMatch(/^UseePay rejected the request/);
		expect(again.error?.description).toMatch(/Code: already_exists · Field: merchant_customer_id · HTTP 400/);
	});

	it('Return All pages through more customers than one page holds', async () => {
		const rows = Array.from({ length: 230 }, (_, i) => ({ crm: `CRM-${i}` }));
		const created = await run({ operation: 'create', merchant_customer_id: '={{ $json.crm }}' }, rows);
		expect(created.items).toHaveLength(230);
		const listed = await run({ operation: 'getAll', returnAll: true });
		expect(listed.items).toHaveLength(230);
		expect(new Set(listed.items.map((item) => item.json.merchant_customer_id)).size).toBe(230);
	});
});
