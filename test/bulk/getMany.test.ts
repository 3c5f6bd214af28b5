import { createCustomer } from '../../emulator/resources/customers';
import { createEmulator } from '../../emulator/server';
import { MAX_PAGE_SIZE } from '../../nodes/UseePay/shared/pagination';
import { runUseePay } from '../support/n8n';

describe('Customer → Get Many, Return All', () => {
	it('reads 10,000 customers in ceil(10,000 / max page size) = 100 requests', async () => {
		const emu = createEmulator({ seed: 1 });
		const { url } = await emu.listen(0);
		try {
			const ctx = emu.makeCtx('500000000007245', 'www.pay.com');
			for (let i = 0; i < 10000; i++) createCustomer(ctx, { merchant_customer_id: `CRM-${i}`, name: `Customer ${i}` });
			const { items, error } = await runUseePay({
				baseUrl: url,
				credentials: { apiKey: 'UseePay_SK_emulator' },
				parameters: { resource: 'customer', operation: 'getAll', returnAll: true },
			});
			expect(error).toBeUndefined();
			expect(items).toHaveLength(10000);
			expect(new Set(items.map((item) => item.json.merchant_customer_id)).size).toBe(10000);
			const requests = emu.requests();
			expect(requests).toHaveLength(Math.ceil(10000 / MAX_PAGE_SIZE));
			expect(requests.map((r) => r.query.page_size)).toEqual(requests.map(() => '100'));
			expect(requests.map((r) => Number(r.query.page_num))).toEqual([...Array(100).keys()]);
		} finally {
			await emu.close();
		}
	});
});
