/**
 * Amounts and currencies are checked before anything is sent. An amount is a
 * finite number, above zero where UseePay requires it, with no more decimals than its currency
 * has (ISO 4217: JPY 0, USD 2, KWD 3); a currency is an ISO 4217 code; a Merchant Customer ID of
 * spaces is no ID.
 */
import type { INodeParameters, INodeProperties } from 'n8n-workflow';

import { UseePay } from '../../nodes/UseePay/UseePay.node';
import { runUseePay } from '../support/n8n';
import type { Recorder } from '../../tools/lib/recorder';
import { startRecorder } from '../../tools/lib/recorder';

const paymentIntent = (amount: unknown, currency = 'USD'): INodeParameters => ({
	resource: 'paymentIntent',
	operation: 'create',
	amount: amount as number,
	currency,
	merchant_order_id: 'ORD-1',
	additionalFields: {},
});

describe('amounts and currencies are checked before sending', () => {
	let api: Recorder;

	beforeEach(async () => {
		api = await startRecorder(() => ({ status: 200, body: { id: 'obj_1' } }));
	});

	afterEach(async () => {
		await api.close();
	});

	async function expectRefused(parameters: INodeParameters, message: RegExp) {
		const continued = await runUseePay({ baseUrl: api.url, continueOnFail: true, parameters });
		expect(continued.items[0].error?.name).toBe('NodeOperationError');
		expect(continued.items[0].json.error).toMatch(message);
		const stopped = await runUseePay({ baseUrl: api.url, parameters });
		expect(stopped.error?.message).toMatch(message);
		expect(api.requests).toEqual([]);
	}

	async function sentBody(parameters: INodeParameters) {
		const { error } = await runUseePay({ baseUrl: api.url, parameters });
		expect(error).toBeUndefined();
		expect(api.requests).toHaveLength(1);
		return api.requests[0].body as Record<string, unknown>;
	}

	it('NaN and Infinity are refused (they went out as null)', async () => {
		await expectRefused(paymentIntent('={{ NaN }}'), /^'Amount' must be a number, not NaN \[item 0\]$/);
		await expectRefused(paymentIntent('={{ Infinity }}'), /^'Amount' must be a number, not Infinity \[item 0\]$/);
		await expectRefused(paymentIntent('={{ -Infinity }}'), /^'Amount' must be a number, not -Infinity \[item 0\]$/);
	});

	it('0.001 USD and 1e21 are refused (they were sent)', async () => {
		await expectRefused(paymentIntent(0.001), /^'Amount' has more decimals than USD amounts have 2: 0.001 \[item 0\]$/);
		await expectRefused(paymentIntent(1e21), /^'Amount' is too large: 1e\+21 \[item 0\]$/);
	});

	it('amounts that would round to 0 (1e-9) are refused, not sent as 0, where 0 is allowed too', async () => {
		await expectRefused(paymentIntent(1e-9), /^'Amount' is less than one USD minor unit \(0\.01\): 1e-9 \[item 0\]$/);
		await expectRefused(
			paymentIntent('={{ "0.0000000001" }}', 'JPY'),
			/^'Amount' is less than one JPY minor unit \(1\): 1e-10 \[item 0\]$/,
		);
		await expectRefused(
			{ resource: 'paymentIntent', operation: 'capture', paymentIntentId: 'pi_1', additionalFields: { amount: 1e-10 } },
			/^'Amount' is less than 0\.001, the smallest unit of any currency: 1e-10 \[item 0\]$/,
		);
		const recurring = (unitAmount: number): INodeParameters => ({
			resource: 'subscription',
			operation: 'create',
			customer_id: { __rl: true, mode: 'id', value: 'cus_1' },
			currency: 'USD',
			recurring: { details: { interval: 'month', interval_count: 1, unit_amount: unitAmount } },
		});
		await expectRefused(recurring(1e-9), /^'Unit Amount' is less than one USD minor unit \(0\.01\): 1e-9 \[item 0\]$/);
		expect(((await sentBody(recurring(0))).recurring as Record<string, unknown>).unit_amount).toBe(0);
	});

	it('zero and negative amounts are refused where UseePay requires more than 0', async () => {
		await expectRefused(paymentIntent(0), /^'Amount' must be more than 0 \[item 0\]$/);
		await expectRefused(paymentIntent(-5), /^'Amount' must be more than 0 \[item 0\]$/);
		await expectRefused(
			{ resource: 'paymentIntent', operation: 'capture', paymentIntentId: 'pi_1', additionalFields: { amount: 0 } },
			/^'Amount' must be more than 0 \[item 0\]$/,
		);
	});

	it('the currencies XXX and ZZZ are refused (they were accepted), so is a lower-case code', async () => {
		await expectRefused(paymentIntent(10, 'XXX'), /^'Currency' 'XXX' is not an ISO 4217 currency \[item 0\]$/);
		await expectRefused(paymentIntent(10, 'ZZZ'), /^'Currency' 'ZZZ' is not an ISO 4217 currency \[item 0\]$/);
		await expectRefused(paymentIntent(10, 'usd'), /^'Currency' must be upper case: USD \[item 0\]$/);
		await expectRefused(paymentIntent(10, 'US'), /^'Currency' must be a three-letter ISO 4217 code \[item 0\]$/);
	});

	it("a payment link's supported currencies are checked too", async () => {
		await expectRefused(
			{
				resource: 'paymentLink',
				operation: 'create',
				amount: 10,
				currency: 'USD',
				additionalFields: { extraFields: '{"supported_currencies": ["EUR", "XXX"]}' },
			},
			/^'Supported Currencies' 'XXX' is not an ISO 4217 currency \[item 0\]$/,
		);
	});

	it('decimals follow the currency: JPY takes none, KWD three', async () => {
		await expectRefused(paymentIntent(100.5, 'JPY'), /^'Amount' has more decimals than JPY amounts have 0: 100.5/);
		await expectRefused(paymentIntent(1.2345, 'KWD'), /^'Amount' has more decimals than KWD amounts have 3/);
		expect((await sentBody(paymentIntent(1.234, 'KWD'))).amount).toBe(1.234);
	});

	it('a currency given by expression that the list does not offer is taken when it is ISO 4217', async () => {
		const body = await sentBody(paymentIntent(1500, '={{ "XOF" }}'));
		expect(body).toMatchObject({ amount: 1500, currency: 'XOF' });
	});

	it('float noise from arithmetic is rounded away, not refused', async () => {
		const body = await sentBody(paymentIntent('={{ 0.1 + 0.2 }}'));
		expect(api.requests[0].rawBody).toContain('"amount":0.3,');
		expect(body.amount).toBe(0.3);
	});

	it('amounts inside objects use the nearest currency (a line item in JPY inside a USD session)', async () => {
		await expectRefused(
			{
				resource: 'checkoutSession',
				operation: 'create',
				mode: 'payment',
				ui_mode: 'custom',
				currency: 'USD',
				amount: 10,
				merchant_order_id: 'ORD-1',
				line_items: { items: [{ quantity: 1, price_data: { details: { currency: 'JPY', unit_amount: 10.5 } } }] },
				billing: { details: { first_name: 'A', last_name: 'B', email: 'a@example.com' } },
			},
			/^'Unit Amount' has more decimals than JPY amounts have 0: 10.5 \[item 0\]$/,
		);
	});

	it('Extra Fields (JSON) cannot slip a bad amount or currency past the checks', async () => {
		await expectRefused(
			{ ...paymentIntent(10), additionalFields: { extraFields: '{"amount": "ten"}' } },
			/^'Amount' must be a number, not "ten" \[item 0\]$/,
		);
		await expectRefused(
			{ ...paymentIntent(10), additionalFields: { extraFields: '{"currency": "XTS"}' } },
			/^'Currency' 'XTS' is not an ISO 4217 currency \[item 0\]$/,
		);
	});

	it("metadata is the merchant's own text: an amount or an ID there is sent as given", async () => {
		const body = await sentBody({
			...paymentIntent(10),
			additionalFields: {
				metadata: {
					entries: [
						{ key: 'amount', value: 'ten' },
						{ key: 'customer_id', value: 'CRM 42/7' },
						{ key: 'currency', value: 'usd' },
					],
				},
			},
		});
		expect(body.metadata).toEqual({ amount: 'ten', customer_id: 'CRM 42/7', currency: 'usd' });
	});

	it('a Merchant Customer ID of only spaces is refused (it was accepted), in Create and Create or Update', async () => {
		for (const operation of ['create', 'createOrUpdate']) {
			await expectRefused(
				{ resource: 'customer', operation, merchant_customer_id: '   ' },
				/^'Merchant Customer ID' is required \[item 0\]$/,
			);
		}
	});

	it('every amount field offers three decimals, as the three-decimal currencies in the list need', () => {
		const amountFields: INodeProperties[] = [];
		const visit = (property: INodeProperties) => {
			if (property.type === 'number' && /amount|price/i.test(property.name)) amountFields.push(property);
			for (const option of (property.options ?? []) as Array<INodeProperties & { values?: INodeProperties[] }>) {
				if ('type' in option) visit(option);
				option.values?.forEach(visit);
			}
		};
		new UseePay().description.properties.forEach(visit);
		expect(amountFields.length).toBeGreaterThan(10);
		for (const field of amountFields) expect([field.name, field.typeOptions?.numberPrecision]).toEqual([field.name, 3]);
	});
});
