/**
 * CustomerIndex.sought: how many more customers the Create or Update index read may still need
 * to see, which decides whether it asks for a page ahead (readList's pagesInFlight/wanted).
 */
import type { IDataObject } from 'n8n-workflow';

import { CustomerIndex, keyOf } from '../../nodes/UseePay/resources/customer/customerIndex';

const customer = (merchantId: string, email = `${merchantId.toLowerCase()}@example.com`): IDataObject => ({
	id: `cus_${merchantId}`,
	merchant_customer_id: merchantId,
	email,
});
const page = (...items: IDataObject[]) => ({ items, hasMore: true });

describe('CustomerIndex.sought', () => {
	it('counts the Merchant Customer IDs no page has shown yet (a key on several rows once)', () => {
		const index = new CustomerIndex([
			keyOf('merchant_customer_id', 'A'),
			keyOf('merchant_customer_id', 'B'),
			keyOf('merchant_customer_id', 'B'),
			undefined,
			keyOf('merchant_customer_id', 'C'),
		]);
		expect(index.sought).toBe(3);
		index.add(page(customer('B'), customer('X')));
		expect(index.sought).toBe(2);
		// A second customer with the same Merchant Customer ID does not count twice.
		index.add(page({ ...customer('B'), id: 'cus_B2' }, customer('A')));
		expect(index.sought).toBe(1);
		index.complete();
		expect(index.sought).toBe(0);
	});

	it('unlimited while a row keyed by email waits (it needs the list to its end); 0 once closed', () => {
		const index = new CustomerIndex([keyOf('merchant_customer_id', 'A'), keyOf('email', 'B@Example.com')]);
		index.add(page(customer('A'), customer('B')));
		expect(index.pending).toBe(1);
		expect(index.sought).toBe(Infinity);
		index.close();
		expect(index.sought).toBe(0);
	});
});
