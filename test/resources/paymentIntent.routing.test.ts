import type { IDataObject } from 'n8n-workflow';

import type { Recorder } from '../../tools/lib/recorder';
import { startRecorder } from '../../tools/lib/recorder';
import { runUseePay } from '../support/n8n';
import { describeRouting, expectAuthHeaders } from '../support/routingTable';

const id = (value: string, mode = 'id') => ({ __rl: true, mode, value });
const PI = '1012411211459019141';

describeRouting(
	'Payment Intent operations through n8n-core routing',
	'paymentIntent',
	[
		{
			name: 'Create sends the reference minimal request exactly',
			parameters: {
				operation: 'create',
				amount: 25.5,
				currency: 'USD',
				merchant_order_id: 'ORD-1001',
				additionalFields: { return_url: 'https://shop.example.com/return', description: 'Order 1001' },
			},
			method: 'POST',
			path: '/api/v1/payment_intents/create',
			body: {
				amount: 25.5,
				currency: 'USD',
				merchant_order_id: 'ORD-1001',
				return_url: 'https://shop.example.com/return',
				description: 'Order 1001',
			},
		},
		{
			name: 'Create sends an inline customer, order with products, payment method data and options, device data',
			parameters: {
				operation: 'create',
				amount: 100.23,
				currency: 'EUR',
				merchant_order_id: 'ORD-7',
				additionalFields: {
					auto_capture: false,
					confirm: true,
					customer: {
						details: {
							merchant_customer_id: 'CRM-9',
							email: 'jane@example.com',
							name: 'Jane Doe',
							phone: '+14155550100',
							address: { details: { country: 'US', city: 'SF', line1: '1 Main St' } },
						},
					},
					order: {
						details: {
							category: 'retail',
							// body.ts: the multi-value `items` group is sent as the array of its rows.
							products: {
								items: [
									{
										name: 'Mug',
										quantity: 2,
										unit_price: 10.5,
										sku: 'MUG-1',
										type: 'physical',
										seller: { details: { identifier: 'S1', name: 'Shop' } },
									},
									{ name: 'Tea', quantity: 1, unit_price: 4 },
								],
							},
							shipping: {
								details: {
									first_name: 'Jane',
									phone_number: '+14155550100',
									shipping_method: 'sameday',
									address: { details: { line1: '1 Main St', country_code: 'US' } },
								},
							},
						},
					},
					payment_method_data: {
						details: {
							type: 'card',
							card: {
								details: {
									number: '4111111111111111',
									expiry_month: '12',
									expiry_year: '2030',
									cvc: '123',
									name: 'Jane Doe',
								},
							},
							billing: { details: { email: 'jane@example.com', address: { details: { country: 'US' } } } },
						},
					},
					payment_method_options: {
						details: { type: 'card', card: { auto_capture: false, three_ds_action: 'force_3ds' } },
					},
					payment_method_types: ['card', 'apple_pay'],
					device_data: {
						ip_address: '203.0.113.7',
						browser: { javascript_enabled: true, user_agent: 'Mozilla/5.0' },
						screen_width: 1920,
						location: { details: { lat: '37.7', lon: '-122.4' } },
					},
					metadata: { entries: [{ key: 'channel', value: 'n8n' }] },
					extraFields: '{"customer":{"phone_number":"+14155550100"}}',
				},
			},
			method: 'POST',
			path: '/api/v1/payment_intents/create',
			body: {
				amount: 100.23,
				currency: 'EUR',
				merchant_order_id: 'ORD-7',
				auto_capture: false,
				confirm: true,
				customer: {
					merchant_customer_id: 'CRM-9',
					email: 'jane@example.com',
					name: 'Jane Doe',
					phone: '+14155550100',
					phone_number: '+14155550100',
					address: { country: 'US', city: 'SF', line1: '1 Main St' },
				},
				order: {
					category: 'retail',
					products: [
						{
							name: 'Mug',
							quantity: 2,
							unit_price: 10.5,
							sku: 'MUG-1',
							type: 'physical',
							seller: { identifier: 'S1', name: 'Shop' },
						},
						{ name: 'Tea', quantity: 1, unit_price: 4 },
					],
					shipping: {
						first_name: 'Jane',
						phone_number: '+14155550100',
						shipping_method: 'sameday',
						address: { line1: '1 Main St', country_code: 'US' },
					},
				},
				payment_method_data: {
					type: 'card',
					card: { number: '4111111111111111', expiry_month: '12', expiry_year: '2030', cvc: '123', name: 'Jane Doe' },
					billing: { email: 'jane@example.com', address: { country: 'US' } },
				},
				payment_method_options: { type: 'card', card: { auto_capture: false, three_ds_action: 'force_3ds' } },
				payment_method_types: ['card', 'apple_pay'],
				device_data: {
					ip_address: '203.0.113.7',
					browser: { javascript_enabled: true, user_agent: 'Mozilla/5.0' },
					screen_width: 1920,
					location: { lat: '37.7', lon: '-122.4' },
				},
				metadata: { channel: 'n8n' },
			},
		},
		{
			name: 'Create for the first payment of a subscription sends mode and subscription_id',
			parameters: {
				operation: 'create',
				amount: 9.99,
				currency: 'USD',
				merchant_order_id: 'inv_1',
				additionalFields: { customer_id: 'cus_1', mode: 'subscription', subscription_id: 'sub_1' },
			},
			method: 'POST',
			path: '/api/v1/payment_intents/create',
			body: {
				amount: 9.99,
				currency: 'USD',
				merchant_order_id: 'inv_1',
				customer_id: 'cus_1',
				mode: 'subscription',
				subscription_id: 'sub_1',
			},
		},
		{
			name: 'Get reads one payment intent by ID, without a body',
			parameters: { operation: 'get', paymentIntentId: id('pi_A-b_9', 'list') },
			method: 'GET',
			path: '/api/v1/payment_intents/pi_A-b_9',
		},
		{
			name: 'Update sends the reference example plus amount and order',
			parameters: {
				operation: 'update',
				paymentIntentId: id(PI),
				updateFields: {
					amount: 30,
					description: 'Order 1001 (updated)',
					metadata: { entries: [{ key: 'note', value: 'gift' }] },
					order: { details: { category: 'gifts' } },
				},
			},
			method: 'POST',
			path: `/api/v1/payment_intents/${PI}`,
			body: {
				amount: 30,
				description: 'Order 1001 (updated)',
				metadata: { note: 'gift' },
				order: { category: 'gifts' },
			},
		},
		{
			name: 'Confirm sends the reference card example',
			parameters: {
				operation: 'confirm',
				paymentIntentId: id(PI),
				additionalFields: {
					payment_method_data: {
						details: {
							type: 'card',
							card: { details: { number: '4111111111111111', expiry_month: '12', expiry_year: '2030', cvc: '123' } },
						},
					},
					return_url: 'https://shop.example.com/return',
				},
			},
			method: 'POST',
			path: `/api/v1/payment_intents/${PI}/confirm`,
			body: {
				payment_method_data: {
					type: 'card',
					card: { number: '4111111111111111', expiry_month: '12', expiry_year: '2030', cvc: '123' },
				},
				return_url: 'https://shop.example.com/return',
			},
		},
		{
			name: 'Confirm with a saved payment method',
			parameters: { operation: 'confirm', paymentIntentId: id(PI), additionalFields: { payment_method_id: 'pm_1' } },
			method: 'POST',
			path: `/api/v1/payment_intents/${PI}/confirm`,
			body: { payment_method_id: 'pm_1' },
		},
		{
			name: 'Cancel sends the cancellation reason',
			parameters: {
				operation: 'cancel',
				paymentIntentId: id(PI),
				additionalFields: { cancellation_reason: 'Order canceled' },
			},
			method: 'POST',
			path: `/api/v1/payment_intents/${PI}/cancel`,
			body: { cancellation_reason: 'Order canceled' },
		},
		{
			// n8n drops an empty JSON body; UseePay (and the emulator) read no body as {}.
			name: 'Cancel without fields sends no body',
			parameters: { operation: 'cancel', paymentIntentId: id(PI), additionalFields: {} },
			method: 'POST',
			path: `/api/v1/payment_intents/${PI}/cancel`,
		},
		{
			name: 'Capture sends a partial amount',
			parameters: { operation: 'capture', paymentIntentId: id(PI), additionalFields: { amount: 12.5 } },
			method: 'POST',
			path: `/api/v1/payment_intents/${PI}/capture`,
			body: { amount: 12.5 },
		},
		{
			name: 'Capture without an amount sends no body (captures the full amount)',
			parameters: { operation: 'capture', paymentIntentId: id(PI) },
			method: 'POST',
			path: `/api/v1/payment_intents/${PI}/capture`,
		},
		{
			name: 'Get Many sends the filters as query parameters',
			parameters: {
				operation: 'getAll',
				returnAll: false,
				limit: 5,
				filters: { status: 'cancelled', customer_id: 'cus_1', merchant_order_id: 'ORD-1' },
			},
			method: 'GET',
			path: '/api/v1/payment_intents',
			// A workflow saved with `cancelled` sends `canceled`, the spelling the Status filter uses (statusFilter).
			query: { status: 'canceled', customer_id: 'cus_1', merchant_order_id: 'ORD-1', page_num: '0', page_size: '5' },
		},
	],
	[
		{
			name: 'empty payment intent ID',
			parameters: { operation: 'confirm', paymentIntentId: id(' ') },
			message: /^'Payment Intent ID' is empty \[item 0\]$/,
		},
		{
			name: 'required merchant order ID empty',
			parameters: { operation: 'create', amount: 1, currency: 'USD', merchant_order_id: '={{ "" }}' },
			message: /^'Merchant Order ID' is required \[item 0\]$/,
		},
		{
			name: 'required amount empty',
			parameters: { operation: 'create', amount: '={{ "" }}', currency: 'USD', merchant_order_id: 'O1' },
			message: /^'Amount' is required \[item 0\]$/,
		},
		{
			name: 'inline customer email malformed',
			parameters: {
				operation: 'create',
				amount: 1,
				currency: 'USD',
				merchant_order_id: 'O1',
				additionalFields: { customer: { details: { email: 'nope' } } },
			},
			message: /^'Email' is not a valid email address \[item 0\]$/,
		},
		{
			name: 'billing email malformed',
			parameters: {
				operation: 'confirm',
				paymentIntentId: id(PI),
				additionalFields: { payment_method_data: { details: { billing: { details: { email: 'x@' } } } } },
			},
			message: /^'Email' is not a valid email address \[item 0\]$/,
		},
		{
			name: 'extra fields not JSON',
			parameters: { operation: 'capture', paymentIntentId: id(PI), additionalFields: { extraFields: '{' } },
			message: /^'Extra Fields \(JSON\)' is not valid JSON \[item 0\]$/,
		},
	],
	{
		parameters: { filters: { status: 'requires_capture', customer_id: 'cus_1' } },
		path: '/api/v1/payment_intents',
		query: { status: 'requires_capture', customer_id: 'cus_1' },
	},
);

describe('Payment Intent: a payment that failed inside a 200 answer fails the item', () => {
	let api: Recorder;

	beforeEach(async () => {
		api = await startRecorder(() => ({ status: 200, body: {} }));
	});

	afterEach(async () => {
		await api.close();
	});

	const declined = {
		id: PI,
		status: 'failed',
		amount: 25.5,
		currency: 'USD',
		last_payment_error: {
			code: 'card_declined',
			decline_code: 'insufficient_funds',
			message: 'Your card has insufficient funds.',
			type: 'card_error',
		},
		code: null,
		decline_code: null,
		message: null,
	};
	const confirm = { resource: 'paymentIntent', operation: 'confirm', paymentIntentId: id(PI), additionalFields: {} };
	const expectedMessage = `The payment of payment intent ${PI} failed: Your card has insufficient funds. (code: card_declined, decline code: insufficient_funds)`;

	it('Confirm answered `failed` with last_payment_error stops with UseePay code and decline code', async () => {
		api.setResponder(() => ({ status: 200, body: declined }));
		const { error, items } = await runUseePay({ baseUrl: api.url, parameters: confirm });
		expect(items).toHaveLength(0);
		expect(error?.name).toBe('NodeApiError');
		expect(error?.message).toBe(`${expectedMessage} [item 0]`); // the bulk path names the item that stopped the node
		expect(error?.description).toBe('Status: failed · Code: card_declined · Decline code: insufficient_funds');
		expect(api.requests).toHaveLength(1);
		expect(api.requests[0].path).toBe(`/api/v1/payment_intents/${PI}/confirm`);
		expectAuthHeaders(api.requests[0].headers);
	});

	it('with Continue On Fail the failed item carries error, code, decline_code, status and id', async () => {
		api.setResponder((request) =>
			request.path.includes('/pi_ok/')
				? { status: 200, body: { id: 'pi_ok', status: 'succeeded', last_payment_error: null } }
				: { status: 200, body: declined },
		);
		const { error, items } = await runUseePay({
			baseUrl: api.url,
			continueOnFail: true,
			items: [{ pi: 'pi_ok' }, { pi: PI }],
			parameters: { ...confirm, paymentIntentId: id('={{ $json.pi }}') },
		});
		expect(error).toBeUndefined();
		expect(items).toHaveLength(2);
		expect(items[0].json).toEqual({ id: 'pi_ok', status: 'succeeded', last_payment_error: null });
		expect(items[1].json).toEqual({
			error: expectedMessage,
			code: 'card_declined',
			decline_code: 'insufficient_funds',
			status: 'failed',
			id: PI,
			source: null,
			httpCode: '200',
		});
	});

	it('Create with confirm answered with a last_payment_error (back to requires_payment_method) fails', async () => {
		api.setResponder(() => ({
			status: 200,
			body: {
				id: 'pi_2',
				status: 'requires_payment_method',
				last_payment_error: { code: 'authentication_failed', message: '3-D Secure failed' },
			},
		}));
		const { error } = await runUseePay({
			baseUrl: api.url,
			parameters: {
				resource: 'paymentIntent',
				operation: 'create',
				amount: 5,
				currency: 'USD',
				merchant_order_id: 'O1',
				additionalFields: { confirm: true, payment_method_id: 'pm_1' },
			},
		});
		expect(error?.message).toBe(
			'The payment of payment intent pi_2 failed: 3-D Secure failed (code: authentication_failed)',
		);
	});

	it('a failed object without last_payment_error uses the object code, decline_code and message', async () => {
		api.setResponder(() => ({
			status: 200,
			body: {
				id: 'pi_3',
				status: 'failed',
				code: 'processing_error',
				decline_code: 'do_not_honor',
				message: 'Declined',
			},
		}));
		const { items } = await runUseePay({
			baseUrl: api.url,
			continueOnFail: true,
			parameters: { resource: 'paymentIntent', operation: 'capture', paymentIntentId: id('pi_3') },
		});
		expect(items[0].json).toMatchObject({
			error: 'The payment of payment intent pi_3 failed: Declined (code: processing_error, decline code: do_not_honor)',
			code: 'processing_error',
			decline_code: 'do_not_honor',
			status: 'failed',
			id: 'pi_3',
		});
	});

	it('requires_customer_action is not an error: the object comes back with next_action', async () => {
		const pending = {
			id: PI,
			status: 'requires_customer_action',
			last_payment_error: null,
			next_action: { type: 'redirect', redirect: { method: 'GET', url: 'https://3ds.example.com/challenge' } },
		};
		api.setResponder(() => ({ status: 200, body: pending }));
		const { error, items } = await runUseePay({ baseUrl: api.url, parameters: confirm });
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([pending]);
	});

	it('a succeeded payment keeps an earlier attempt’s last_payment_error as history, not as an error', async () => {
		const paid = {
			id: PI,
			status: 'succeeded',
			captured_amount: 25.5,
			last_payment_error: declined.last_payment_error,
		};
		api.setResponder(() => ({ status: 200, body: paid }));
		const { error, items } = await runUseePay({
			baseUrl: api.url,
			parameters: { resource: 'paymentIntent', operation: 'capture', paymentIntentId: id(PI) },
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([paid]);
	});

	it('Cancel and Get return a failed payment intent as data (only the money-moving calls check it)', async () => {
		api.setResponder(() => ({ status: 200, body: declined }));
		const { error, items } = await runUseePay({
			baseUrl: api.url,
			parameters: { resource: 'paymentIntent', operation: 'get', paymentIntentId: id(PI) },
		});
		expect(error).toBeUndefined();
		expect(items.map((i) => i.json)).toEqual([declined]);
	});

	it('an HTTP error on Confirm is still reported once, as UseePay’s error body', async () => {
		api.setResponder(() => ({
			status: 400,
			body: { code: 'invalid_argument', source: 'payment_method_id', message: 'unknown payment method' },
		}));
		const { items } = await runUseePay({ baseUrl: api.url, continueOnFail: true, parameters: confirm });
		expect(items.map((i) => i.json as IDataObject)).toEqual([
			{
				error: 'UseePay rejected the request: unknown payment method',
				code: 'invalid_argument',
				source: 'payment_method_id',
				httpCode: '400',
			},
		]);
	});
});
