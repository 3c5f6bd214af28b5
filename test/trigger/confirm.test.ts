/**
 * "Confirm With UseePay": before running, the trigger fetches the event's object with the
 * credential from a real UseePay emulator; only what UseePay serves to this merchant runs.
 */
import axios from 'axios';
import type { IDataObject, IHttpRequestOptions } from 'n8n-workflow';

import { forgetLedgers } from '../../nodes/UseePayTrigger/recentEvents';
import { API_KEY, APP_ID, client, start, type Running } from '../emulator/helpers';
import type { Delivery } from './delivery';
import { deliver, MERCHANT, newEventId, ran, sign } from './delivery';

const OTHER_MERCHANT = '500000000000999';

describe('UseePay Trigger: Confirm With UseePay', () => {
	let r: Running;
	beforeEach(async () => {
		forgetLedgers();
		r = await start();
	});
	afterEach(async () => r.emu.close());

	/** UseePay API calls of the trigger go to the emulator with our merchant's headers. */
	const api = async (options: IHttpRequestOptions) => {
		const response = await axios.request({
			method: options.method,
			url: options.url,
			headers: { 'x-merchant-no': MERCHANT, 'x-api-key': API_KEY, 'x-app-id': APP_ID },
			validateStatus: () => true,
		});
		return { statusCode: response.status, body: response.data };
	};

	async function paymentIntentOf(merchantNo: string): Promise<IDataObject> {
		const created = await client(r.url, merchantNo).post('/api/v1/payment_intents/create', {
			amount: 12.5,
			currency: 'USD',
			merchant_order_id: `ORDER-${newEventId()}`,
		});
		expect(created.status).toBe(200);
		return created.data;
	}

	function confirmed(name: string, data: IDataObject, extra: Partial<Delivery> = {}): Delivery {
		const body = JSON.stringify({ id: newEventId(), name, data });
		return {
			body,
			headers: { sign: sign(body) },
			options: { confirmWithUseePay: true },
			credentials: { baseUrl: r.url },
			api,
			...extra,
		};
	}

	it('runs with the object as UseePay serves it, not as the delivery described it', async () => {
		const intent = await paymentIntentOf(MERCHANT);
		const answer = await deliver(confirmed('payment_intent.succeeded', { ...intent, status: 'succeeded', amount: 1 }));
		const item = answer.result.workflowData?.[0][0].json;
		expect(item).toMatchObject({ confirmed_with_useepay: true, data: intent, merchant_no: MERCHANT });
		expect(answer.apiCalls.map((call) => [call.method, call.url])).toEqual([
			['GET', `${r.url}/api/v1/payment_intents/${intent.id}`],
		]);
	});

	it("refuses (403) an event about another merchant's object, signed with a shared key", async () => {
		const theirs = await paymentIntentOf(OTHER_MERCHANT);
		const answer = await deliver(confirmed('payment_intent.succeeded', { ...theirs, merchant_no: MERCHANT }));
		expect(answer.statusCode).toBe(403);
		expect(ran(answer)).toBe(false);
	});

	it('refuses an object ID that could leave its path segment, without calling UseePay', async () => {
		const answer = await deliver(confirmed('payment_intent.succeeded', { id: '../customers', merchant_no: MERCHANT }));
		expect(answer.statusCode).toBe(400);
		expect(answer.apiCalls).toEqual([]);
	});

	it('refuses dispute events, which UseePay offers no way to fetch', async () => {
		const answer = await deliver(confirmed('dispute.created', { id: 'dp_1', merchant_no: MERCHANT }));
		expect(answer.statusCode).toBe(422);
		expect(ran(answer)).toBe(false);
	});

	it('answers 503 when UseePay cannot be reached, and runs the event on the retry', async () => {
		const intent = await paymentIntentOf(MERCHANT);
		const delivery = confirmed('payment_intent.succeeded', intent);
		const staticData = {};
		const down = await deliver({ ...delivery, staticData, api: undefined });
		expect(down.statusCode).toBe(503);
		expect(ran(await deliver({ ...delivery, staticData }))).toBe(true);
		expect(ran(await deliver({ ...delivery, staticData }))).toBe(false);
	});

	it('a repeat that arrives while the first is being confirmed is told to come back (409), and the event runs once', async () => {
		const intent = await paymentIntentOf(MERCHANT);
		const delivery = confirmed('payment_intent.succeeded', intent);
		const answers = await Promise.all([
			deliver({ ...delivery, staticData: {} }),
			deliver({ ...delivery, staticData: {} }),
		]);
		expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
		expect(answers.filter(ran)).toHaveLength(1);
	});

	it.each([
		['payment_intent.succeeded', '/api/v1/payment_intents/'],
		['refund.succeeded', '/api/v1/refunds/'],
		['subscription.created', '/api/v1/subscriptions/'],
		['invoice.paid', '/api/v1/invoices/'],
		['payment_method.created', '/api/v1/payment_methods/'],
		['checkout_session.completed', '/api/v1/checkout_sessions/'],
	])("%s is confirmed with the UseePay node's Get (GET %s{id})", async (name, path) => {
		const answer = await deliver(
			confirmed(name, { id: 'obj_1', merchant_no: MERCHANT }, { api: async () => ({ statusCode: 404, body: {} }) }),
		);
		expect(answer.apiCalls.map((call) => [call.method, call.url])).toEqual([['GET', `${r.url}${path}obj_1`]]);
		expect(answer.statusCode).toBe(403);
	});
});
