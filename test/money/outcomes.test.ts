import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { createEmulator } from '../../emulator/server';
import type { Recorder, ScriptedAnswer } from '../../tools/lib/recorder';
import { startRecorder } from '../../tools/lib/recorder';
import { runUseePay } from '../support/n8n';
import type { Emulator } from './fixtures';
import { call, CARD, EMULATOR_KEY, faultsOff, makeMany, UseePayAtTestPace } from './fixtures';

/**
 * What a money-moving item says when something goes wrong, against a scripted UseePay: each
 * request is answered by the test (`answer`), so the exact requests and messages are known.
 */
const id = (value: string) => ({ __rl: true, mode: 'id', value });
const capture: INodeParameters = { resource: 'paymentIntent', operation: 'capture', paymentIntentId: id('pi_1') };
const pay: INodeParameters = { resource: 'invoice', operation: 'pay', invoiceId: id('inv_1') };
const lost: ScriptedAnswer = { drop: true };
const serverError: ScriptedAnswer = {
	status: 500,
	body: { code: 'service_unavailable', source: null, message: 'busy' },
};
const object = (status: string, more: IDataObject = {}): ScriptedAnswer => ({
	status: 200,
	body: { id: 'pi_1', status, ...more },
});

describe('money moves: what an item says when something goes wrong', () => {
	let api: Recorder;

	beforeEach(async () => {
		api = await startRecorder();
	});

	afterEach(async () => {
		await api.close();
	});

	/** Answers the POSTs and the GETs from their own scripts, in turn (the last one repeats). */
	function answer(posts: ScriptedAnswer[], gets: ScriptedAnswer[]) {
		let post = 0;
		let get = 0;
		api.setResponder((request) =>
			request.method === 'POST' ? posts[Math.min(post++, posts.length - 1)] : gets[Math.min(get++, gets.length - 1)],
		);
	}
	const wire = () => api.requests.map((r) => `${r.method} ${r.path}`);
	const run = async (parameters: INodeParameters, maxRetries = 1, continueOnFail = false) =>
		await runUseePay({ baseUrl: api.url, nodeType: new UseePayAtTestPace(maxRetries), parameters, continueOnFail });

	it('a capture refused because it is captured already: the payment intent, "already done", not an error', async () => {
		answer(
			[{ status: 400, body: { code: 'invalid_argument', source: 'status', message: 'PaymentIntent is succeeded' } }],
			[object('succeeded', { captured_amount: 25.5 })],
		);
		const { items, error } = await run(capture);
		expect(error).toBeUndefined();
		expect(wire()).toEqual(['POST /api/v1/payment_intents/pi_1/capture', 'GET /api/v1/payment_intents/pi_1']);
		expect(items.map((i) => i.json)).toEqual([
			{ id: 'pi_1', status: 'succeeded', captured_amount: 25.5, action: 'already_done' },
		]);
	});

	it('a capture refused for another reason stays UseePay’s error, with nothing added', async () => {
		const refusal = { code: 'invalid_argument', source: 'amount', message: 'amount exceeds the authorised amount' };
		answer([{ status: 400, body: refusal }], [object('requires_capture')]);
		const { error } = await run(capture);
		expect(error?.message).toBe('UseePay rejected the request: amount exceeds the authorised amount [item 0]');
		expect(wire()).toEqual(['POST /api/v1/payment_intents/pi_1/capture', 'GET /api/v1/payment_intents/pi_1']);
	});

	it('a confirm whose answer was lost, found confirmed: the payment intent (ours), nothing sent again', async () => {
		answer([lost], [object('requires_capture')]);
		const { items, error } = await run({ ...capture, operation: 'confirm' });
		expect(error).toBeUndefined();
		expect(wire()).toEqual(['POST /api/v1/payment_intents/pi_1/confirm', 'GET /api/v1/payment_intents/pi_1']);
		expect(items.map((i) => i.json)).toEqual([{ id: 'pi_1', status: 'requires_capture' }]);
	});

	it('a lost answer and a check that fails: the capture may have gone through, and which Get tells', async () => {
		answer([lost], [serverError]);
		const { items } = await run(capture, 1, true);
		expect(wire()).toEqual([
			'POST /api/v1/payment_intents/pi_1/capture',
			'GET /api/v1/payment_intents/pi_1',
			'GET /api/v1/payment_intents/pi_1',
		]);
		expect(items[0].json.error).toBe(
			'UseePay had a server problem: busy (gave up after 3 attempts). The capture may have gone through (its outcome ' +
				'was left open and the check failed): run Payment Intent → Get for pi_1: status succeeded means it was captured. ' +
				'Running Capture again is safe: the payment intent is returned, not charged twice.',
		);
	});

	it('dropped connections until the retries run out, checked each time: "Could not reach UseePay … (gave up after 2 attempts)", nothing paid', async () => {
		answer([lost], [{ status: 200, body: { id: 'inv_1', status: 'open' } }]);
		const { items } = await run(pay, 1, true);
		expect(wire()).toEqual([
			'POST /api/v1/invoices/inv_1/pay',
			'GET /api/v1/invoices/inv_1',
			'POST /api/v1/invoices/inv_1/pay',
			'GET /api/v1/invoices/inv_1',
		]);
		expect(items[0].json).toEqual({
			error:
				'Could not reach UseePay: the connection was reset before UseePay answered (gave up after 2 attempts). ' +
				'Nothing was paid (checked after the last attempt): running it again is safe.',
			code: 'ECONNRESET',
			source: null,
			httpCode: 'ECONNRESET',
		});
	});

	it('Max Retries 0: one attempt, its lost answer checked once, found paid: the invoice', async () => {
		answer([lost], [{ status: 200, body: { id: 'inv_1', status: 'paid' } }]);
		const { items, error } = await run(pay, 0);
		expect(error).toBeUndefined();
		expect(wire()).toEqual(['POST /api/v1/invoices/inv_1/pay', 'GET /api/v1/invoices/inv_1']);
		expect(items[0].json).toEqual({ id: 'inv_1', status: 'paid' });
	});

	it('a payment found failed after a lost answer is sent again (a declined attempt moved no money); its decline fails the item', async () => {
		const declined = object('failed', {
			last_payment_error: { code: 'card_declined', decline_code: 'insufficient_funds', message: 'No funds.' },
		});
		answer([lost, declined], [object('failed')]);
		const { error } = await run({ ...capture, operation: 'confirm' });
		expect(wire()).toEqual([
			'POST /api/v1/payment_intents/pi_1/confirm',
			'GET /api/v1/payment_intents/pi_1',
			'POST /api/v1/payment_intents/pi_1/confirm',
		]);
		expect(error?.message).toBe(
			'The payment of payment intent pi_1 failed: No funds. (code: card_declined, decline code: insufficient_funds) [item 0]',
		);
	});

	it('two items for the same payment intent in one run: one capture, the other item "already done"', async () => {
		let captured = false;
		api.setResponder((request) => {
			if (request.method === 'GET') return object(captured ? 'succeeded' : 'requires_capture');
			if (captured) return { status: 400, body: { code: 'invalid_argument', source: 'status', message: 'captured' } };
			captured = true;
			return object('succeeded');
		});
		const { items } = await runUseePay({
			baseUrl: api.url,
			nodeType: new UseePayAtTestPace(1),
			items: [{}, {}],
			parameters: capture,
		});
		expect(items.map((i) => i.json.action)).toEqual([undefined, 'already_done']);
		expect(api.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
	});
});

describe('money moves under the SDK dialect (data envelope, page from 1, 20 a page, amounts as strings)', () => {
	let emu: Emulator;

	afterEach(async () => {
		await emu.close();
	});

	it('refunds: each payment refunded once under lost answers, its refund found by key in the SDK-shaped list', async () => {
		emu = createEmulator({ seed: 9, dialect: 'sdk' });
		const { url } = await emu.listen(0);
		const payments = await makeMany(30, async (i) => {
			const body = {
				amount: '25.50',
				currency: 'USD',
				merchant_order_id: `D-${i}`,
				confirm: true,
				payment_method_data: CARD,
			};
			return { id: (await call(url, '/api/v1/payment_intents/create', body)).id };
		});
		emu.setConfig({ lostResponseRate: 0.2, serverErrorRate: 0.05 });
		const parameters = {
			resource: 'refund',
			operation: 'create',
			payment_intent_id: id('={{ $json.id }}'),
			additionalFields: { amount: 10 },
		};
		for (let round = 0; round < 2; round++) {
			const { error } = await runUseePay({
				baseUrl: url,
				credentials: EMULATOR_KEY,
				nodeType: new UseePayAtTestPace(8),
				items: payments,
				parameters,
			});
			expect(error).toBeUndefined();
		}
		emu.setConfig(faultsOff);
		const refunds = await listAllData(url);
		const perPayment = payments.map((p) => refunds.filter((r) => r.payment_intent_id === p.id).length);
		expect(perPayment).toEqual(payments.map(() => 1));
	});
});

/** The refunds under the SDK dialect: `page` from 1, `data`. */
async function listAllData(url: string): Promise<IDataObject[]> {
	const all: IDataObject[] = [];
	for (let page = 1; ; page++) {
		const answer = await call(url, `/api/v1/refunds?page=${page}&page_size=20`);
		all.push(...(answer.data as IDataObject[]));
		if (answer.has_more !== true) return all;
	}
}
