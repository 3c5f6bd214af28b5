/**
 * Emails are checked trimmed, so they are sent trimmed, by routed operations and by the customer
 * writes that run as code (shared/bulk/) alike; and an email that is not text is refused
 * (badInputMatrix.test.ts) rather than sent.
 */
import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { runUseePay } from '../support/n8n';
import type { Recorder } from '../../tools/lib/recorder';
import { startRecorder } from '../../tools/lib/recorder';

const PADDED = '  Ann@Example.com \t';
const TRIMMED = 'Ann@Example.com';

describe('a padded email is sent trimmed', () => {
	let api: Recorder;

	beforeAll(async () => {
		api = await startRecorder((request) => ({
			status: 200,
			body: request.method === 'GET' ? { data: [], has_more: false } : { id: 'cus_1', merchant_customer_id: 'C' },
		}));
	});

	beforeEach(() => {
		api.requests.length = 0;
	});

	afterAll(async () => {
		await api.close();
	});

	async function sent(parameters: INodeParameters, items?: IDataObject[]) {
		const { error } = await runUseePay({ baseUrl: api.url, parameters, items });
		expect(error).toBeUndefined();
		return api.requests.map(({ method, path, body }) => ({ method, path, body }));
	}

	it('Customer Create (code, bulk writes)', async () => {
		const parameters = {
			resource: 'customer',
			operation: 'create',
			merchant_customer_id: 'CRM-1',
			additionalFields: { email: PADDED },
		};
		expect(await sent(parameters)).toEqual([
			{ method: 'POST', path: '/api/v1/customers/create', body: { merchant_customer_id: 'CRM-1', email: TRIMMED } },
		]);
	});

	it('Customer Update (code, bulk writes)', async () => {
		const parameters = {
			resource: 'customer',
			operation: 'update',
			customerId: { __rl: true, mode: 'id', value: 'cus_1' },
			updateFields: { email: PADDED },
		};
		expect(await sent(parameters)).toEqual([
			{ method: 'POST', path: '/api/v1/customers/cus_1', body: { email: TRIMMED } },
		]);
	});

	it('Customer Create or Update matching on Email, two rows (the list is read once, then the writes)', async () => {
		const parameters = {
			resource: 'customer',
			operation: 'createOrUpdate',
			matchOn: 'email',
			merchant_customer_id: '={{ $json.id }}',
			email: '={{ $json.email }}',
		};
		const requests = await sent(parameters, [
			{ id: 'CRM-1', email: PADDED },
			{ id: 'CRM-2', email: ' bob@example.com' },
		]);
		const writes = requests.filter((request) => request.method === 'POST');
		expect(writes).toEqual([
			{ method: 'POST', path: '/api/v1/customers/create', body: { merchant_customer_id: 'CRM-1', email: TRIMMED } },
			{
				method: 'POST',
				path: '/api/v1/customers/create',
				body: { merchant_customer_id: 'CRM-2', email: 'bob@example.com' },
			},
		]);
	});

	it("Payment Intent Create (routed): the inline customer's email", async () => {
		const parameters = {
			resource: 'paymentIntent',
			operation: 'create',
			amount: 10,
			currency: 'USD',
			merchant_order_id: 'ORD-1',
			additionalFields: { customer: { details: { email: PADDED } } },
		};
		const [request] = await sent(parameters);
		expect(request).toMatchObject({ method: 'POST', path: '/api/v1/payment_intents/create' });
		expect((request.body as IDataObject).customer).toEqual({ email: TRIMMED });
	});

	it('Extra Fields (routed): an email given there is trimmed too', async () => {
		const parameters = {
			resource: 'paymentIntent',
			operation: 'create',
			amount: 10,
			currency: 'USD',
			merchant_order_id: 'ORD-1',
			additionalFields: { extraFields: JSON.stringify({ receipt_email: PADDED }) },
		};
		const [request] = await sent(parameters);
		expect((request.body as IDataObject).receipt_email).toBe(TRIMMED);
	});
});
