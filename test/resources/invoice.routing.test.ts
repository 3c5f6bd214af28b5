import type { Recorder } from '../../tools/lib/recorder';
import { startRecorder } from '../../tools/lib/recorder';
import { runUseePay } from '../support/n8n';
import { describeRouting, expectAuthHeaders } from '../support/routingTable';

const id = (value: string, mode = 'id') => ({ __rl: true, mode, value });
const INV = 'inv_1JBQRUTEC0000';

const acceptance = {
	details: {
		customer_acceptance: {
			details: {
				type: 'online',
				accepted_at: '2024-10-06T10:56:21Z',
				online: { details: { ip_address: '203.0.113.7', user_agent: 'Mozilla/5.0' } },
			},
		},
	},
};

describeRouting(
	'Invoice operations through n8n-core routing',
	'invoice',
	[
		{
			name: 'Create sends the reference minimal request exactly',
			parameters: {
				operation: 'create',
				customer_id: id('cus_1JA7UDDQG3800', 'list'),
				currency: 'USD',
				total_amount: 9.99,
				additionalFields: { subscription_id: 'sub_1JBQUBE5K0000', collection_method: 'charge_automatically' },
			},
			method: 'POST',
			path: '/api/v1/invoices/create',
			body: {
				customer_id: 'cus_1JA7UDDQG3800',
				subscription_id: 'sub_1JBQUBE5K0000',
				currency: 'USD',
				total_amount: 9.99,
				collection_method: 'charge_automatically',
			},
		},
		{
			name: 'Create sends due days, description, footer and metadata',
			parameters: {
				operation: 'create',
				customer_id: id('cus_1'),
				currency: 'GBP',
				total_amount: 120,
				additionalFields: {
					collection_method: 'send_invoice',
					days_until_due: 30,
					description: 'May',
					footer: 'Thanks',
					metadata: { entries: [{ key: 'po', value: 'PO-7' }] },
				},
			},
			method: 'POST',
			path: '/api/v1/invoices/create',
			body: {
				customer_id: 'cus_1',
				currency: 'GBP',
				total_amount: 120,
				collection_method: 'send_invoice',
				days_until_due: 30,
				description: 'May',
				footer: 'Thanks',
				metadata: { po: 'PO-7' },
			},
		},
		{
			name: 'Get reads one invoice by ID',
			parameters: { operation: 'get', invoiceId: id(INV, 'list') },
			method: 'GET',
			path: `/api/v1/invoices/${INV}`,
		},
		{
			name: 'Update sends the changed fields',
			parameters: {
				operation: 'update',
				invoiceId: id(INV),
				updateFields: { description: 'invoice desc update1', footer: 'f', days_until_due: 7 },
			},
			method: 'POST',
			path: `/api/v1/invoices/${INV}`,
			body: { description: 'invoice desc update1', footer: 'f', days_until_due: 7 },
		},
		{
			name: 'Pay sends the reference mandate data exactly',
			parameters: { operation: 'pay', invoiceId: id(INV), additionalFields: { mandate_data: acceptance } },
			method: 'POST',
			path: `/api/v1/invoices/${INV}/pay`,
			body: {
				mandate_data: {
					customer_acceptance: {
						type: 'online',
						accepted_at: '2024-10-06T10:56:21Z',
						online: { ip_address: '203.0.113.7', user_agent: 'Mozilla/5.0' },
					},
				},
			},
		},
		{
			name: 'Pay with a saved payment method',
			parameters: { operation: 'pay', invoiceId: id(INV), additionalFields: { payment_method_id: 'pm_1' } },
			method: 'POST',
			path: `/api/v1/invoices/${INV}/pay`,
			body: { payment_method_id: 'pm_1' },
		},
		{
			name: 'Get Many sends customer, subscription and status filters',
			parameters: {
				operation: 'getAll',
				returnAll: false,
				limit: 2,
				filters: { customer_id: 'cus_1', subscription_id: 'sub_1', status: 'payment_failed' },
			},
			method: 'GET',
			path: '/api/v1/invoices',
			query: {
				customer_id: 'cus_1',
				subscription_id: 'sub_1',
				status: 'payment_failed',
				page_num: '0',
				page_size: '2',
			},
		},
	],
	[
		{
			name: 'customer (resource locator) empty',
			parameters: { operation: 'create', customer_id: id('={{ "" }}'), currency: 'USD', total_amount: 1 },
			message: /^'Customer ID' is required \[item 0\]$/,
		},
		{
			name: 'required total amount empty',
			parameters: { operation: 'create', customer_id: id('cus_1'), currency: 'USD', total_amount: '={{ "" }}' },
			message: /^'Total Amount' is required \[item 0\]$/,
		},
		{
			name: 'empty invoice ID',
			parameters: { operation: 'pay', invoiceId: id(' ') },
			message: /^'Invoice ID' is empty \[item 0\]$/,
		},
	],
	{
		parameters: { filters: { subscription_id: 'sub_1', status: 'open' } },
		path: '/api/v1/invoices',
		query: { subscription_id: 'sub_1', status: 'open' },
	},
);

describe('Invoice Pay: an invoice whose payment failed inside a 200 answer fails the item', () => {
	let api: Recorder;

	beforeEach(async () => {
		api = await startRecorder(() => ({ status: 200, body: {} }));
	});

	afterEach(async () => {
		await api.close();
	});

	const failed = {
		id: INV,
		status: 'payment_failed',
		total_amount: 9.99,
		code: 'card_declined',
		decline_code: null,
		message: 'The payment method was declined',
	};
	const pay = { resource: 'invoice', operation: 'pay', invoiceId: id(INV) };
	const expectedMessage = `The payment of invoice ${INV} failed: The payment method was declined (code: card_declined)`;

	it('stops with UseePay code and message', async () => {
		api.setResponder(() => ({ status: 200, body: failed }));
		const { error } = await runUseePay({ baseUrl: api.url, parameters: pay });
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(`${expectedMessage} [item 0]`); // the bulk path names the item that stopped the node
		expect(error?.description).toBe('Status: payment_failed · Code: card_declined');
		expect(api.requests).toHaveLength(1);
		expectAuthHeaders(api.requests[0].headers);
	});

	it('with Continue On Fail returns an error item with error, code, decline_code, status and id', async () => {
		api.setResponder(() => ({ status: 200, body: failed }));
		const { error, items } = await runUseePay({ baseUrl: api.url, continueOnFail: true, parameters: pay });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([
			{
				error: expectedMessage,
				code: 'card_declined',
				decline_code: null,
				status: 'payment_failed',
				id: INV,
				source: null,
				httpCode: '200',
			},
		]);
	});

	it('a paid invoice is returned as is', async () => {
		const paid = { id: INV, status: 'paid', code: null, message: null };
		api.setResponder(() => ({ status: 200, body: paid }));
		const { error, items } = await runUseePay({ baseUrl: api.url, parameters: pay });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([paid]);
	});

	it('Get returns a payment_failed invoice as data', async () => {
		api.setResponder(() => ({ status: 200, body: failed }));
		const { error, items } = await runUseePay({
			baseUrl: api.url,
			parameters: { resource: 'invoice', operation: 'get', invoiceId: id(INV) },
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([failed]);
	});
});
