/**
 * An ID must not leave its path segment. Every ID the user gives is checked
 * against UseePay's ID shape (letters, digits, `_`, `-`; not a path word such as `create`) before
 * any request, in routed operations and in the code operations of customers; an ID read from a
 * UseePay answer is checked before it goes into a path too.
 */
import type { INodeParameters } from 'n8n-workflow';

import { runUseePay } from '../support/n8n';
import type { Recorder } from '../../tools/lib/recorder';
import { startRecorder } from '../../tools/lib/recorder';

const id = (value: string) => ({ __rl: true, mode: 'id', value });

describe('IDs cannot leave their path segment', () => {
	let api: Recorder;

	beforeEach(async () => {
		api = await startRecorder(() => ({ status: 200, body: { id: 'obj_1', items: [], has_more: false } }));
	});

	afterEach(async () => {
		await api.close();
	});

	/** Runs the operation both ways and checks it fails with `message` and sends nothing. */
	async function expectRefused(parameters: INodeParameters, message: RegExp) {
		const continued = await runUseePay({ baseUrl: api.url, continueOnFail: true, parameters });
		expect(continued.items).toHaveLength(1);
		expect(continued.items[0].error?.name).toBe('NodeOperationError');
		expect(continued.items[0].json.error).toMatch(message);
		const stopped = await runUseePay({ baseUrl: api.url, parameters });
		expect(stopped.error?.message).toMatch(message);
		expect(api.requests).toEqual([]);
	}

	it("Customer Get with ID '.' is refused (it read the customer list as if it were one customer)", async () => {
		await expectRefused(
			{ resource: 'customer', operation: 'get', customerId: id('.') },
			/^'Customer ID' is not a UseePay ID: .*\[item 0\]$/,
		);
	});

	it("Payment Intent Capture and Cancel with ID '..' are refused (they went to /api/v1/capture and /api/v1/cancel)", async () => {
		for (const operation of ['capture', 'cancel']) {
			await expectRefused(
				{ resource: 'paymentIntent', operation, paymentIntentId: id('..') },
				/^'Payment Intent ID' is not a UseePay ID: .*\[item 0\]$/,
			);
		}
	});

	it("the ID 'create' is refused on Payment Intent Update and Webhook Update (they created new objects)", async () => {
		await expectRefused(
			{
				resource: 'paymentIntent',
				operation: 'update',
				paymentIntentId: id('create'),
				updateFields: { description: 'x' },
			},
			/^'Payment Intent ID' cannot be 'create': .*\[item 0\]$/,
		);
		await expectRefused(
			{ resource: 'webhook', operation: 'update', webhookId: id('CREATE'), updateFields: { status: 'disabled' } },
			/^'Webhook ID' cannot be 'CREATE': .*\[item 0\]$/,
		);
	});

	it('an ID with a lone surrogate is refused on routed operations (it was silently dropped from the path)', async () => {
		await expectRefused(
			{ resource: 'customer', operation: 'get', customerId: id('cus_\ud800') },
			/^'Customer ID' is not a UseePay ID: .*\[item 0\]$/,
		);
		await expectRefused(
			{ resource: 'subscription', operation: 'cancel', subscriptionId: id('\udfff') },
			/^'Subscription ID' is not a UseePay ID: .*\[item 0\]$/,
		);
	});

	it('IDs with a slash, a query, a fragment, spaces inside or percent signs are refused', async () => {
		for (const value of ['cus_a/b', 'cus_1?x=1', 'cus_1#x', 'cus 1', 'cus_%2e', '%2e%2e']) {
			await expectRefused(
				{ resource: 'refund', operation: 'get', refundId: id(value) },
				/^'Refund ID' is not a UseePay ID: .*\[item 0\]$/,
			);
		}
	});

	it("Customer Update (a code operation) refuses '..' and 'create' before any request", async () => {
		await expectRefused(
			{ resource: 'customer', operation: 'update', customerId: id('..'), updateFields: { name: 'x' } },
			/^'Customer ID' is not a UseePay ID: .*\[item 0\]$/,
		);
		await expectRefused(
			{ resource: 'customer', operation: 'update', customerId: id('create'), updateFields: { name: 'x' } },
			/^'Customer ID' cannot be 'create': .*\[item 0\]$/,
		);
	});

	it('an ID in the body (a resource locator) is checked too', async () => {
		await expectRefused(
			{
				resource: 'refund',
				operation: 'create',
				payment_intent_id: id('../payment_intents/x'),
				additionalFields: {},
			},
			/^'Payment Intent ID' is not a UseePay ID: .*\[item 0\]$/,
		);
	});

	it('a valid ID is sent as it is, surrounding spaces trimmed, in the path of the request', async () => {
		const { error } = await runUseePay({
			baseUrl: api.url,
			parameters: { resource: 'paymentIntent', operation: 'capture', paymentIntentId: id('  pi_A-b_09  ') },
		});
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
			'POST /api/v1/payment_intents/pi_A-b_09/capture',
		]);
	});

	it('Create or Update does not send an update to an ID from the answer that would leave its path', async () => {
		api.setResponder((request) =>
			request.method === 'GET'
				? { status: 200, body: { items: [{ id: '..', merchant_customer_id: 'CRM-1' }], has_more: false } }
				: { status: 200, body: { id: 'cus_1' } },
		);
		const { error } = await runUseePay({
			baseUrl: api.url,
			parameters: { resource: 'customer', operation: 'createOrUpdate', merchant_customer_id: 'CRM-1' },
		});
		expect(error?.message).toMatch(/UseePay answered with a customer ID that is not a UseePay ID/);
		expect(api.requests.map((r) => r.method)).toEqual(['GET']);
	});
});
