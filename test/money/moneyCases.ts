import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { createEmulator } from '../../emulator/server';
import { runUseePay } from '../support/n8n';
import type { Emulator } from './fixtures';
import {
	appliedPer,
	call,
	CARD,
	EMULATOR_KEY,
	expectOnePerInput,
	faultsOff,
	listAll,
	makeMany,
	UseePayAtTestPace,
} from './fixtures';

/**
 * Money never moves twice. For each money-moving operation, 500 items run against the emulator
 * with injected faults (5xx, answers lost after the change was applied, dropped connections):
 *
 * A. the node's own retries (1) under n8n's Retry On Fail, with Continue On Fail: items that
 *    fail say what landed, and what they say is checked against the emulator's state;
 * B. (8 retries) the same items again in the same execution (what n8n's Retry On Fail, or a re-run with the
 *    same keys, does): every item ends done, none twice;
 * C. an AI agent repeating the same calls (same execution), faults still on;
 * D. a new execution (a manual re-run; refunds: the items with their own Idempotency Key), faults
 *    off: everything is already done, no money request is applied.
 *
 * Then the emulator's state is counted: money movements per object (refunds per payment intent,
 * captures / confirms / payments UseePay applied per object) must be exactly 1 for every item.
 */
const N = 500;
const FAULTS = { serverErrorRate: 0.1, lostResponseRate: 0.1, resetRate: 0.02 };
const RETRY_ON_FAIL = { retryOnFail: true, maxTries: 2, waitBetweenTries: 1 };
const locator = (expression: string) => ({ __rl: true, mode: 'id', value: expression });

interface MoneyCase {
	name: string;
	parameters: INodeParameters;
	/** Makes the objects; the input items. */
	setup: (url: string) => Promise<IDataObject[]>;
	/** Money movements UseePay made, per item. */
	movements: (emu: Emulator, url: string, items: IDataObject[]) => Promise<number[]>;
	/** The objects' statuses once every item is done (a state transition's done status). */
	done?: { listPath: string; status: string };
	/** Items of run D (a new execution). */
	rerun: (items: IDataObject[]) => number[];
}

const payment = (i: number, extra: IDataObject) =>
	({ amount: 25.5, currency: 'USD', merchant_order_id: `ORD-${i}`, ...extra }) as IDataObject;
const every = (items: IDataObject[]) => items.map((_, i) => i);
const statusesOf = async (url: string, path: string) =>
	new Map((await listAll(url, path)).map((object) => [String(object.id), String(object.status)]));

/** A state transition's movements: the requests UseePay applied, per object. */
function transitionMovements(path: (id: string) => string) {
	return async (emu: Emulator, _url: string, items: IDataObject[]) =>
		appliedPer(
			emu,
			items.map((item) => String(item.id)),
			path,
		);
}

export const CASES = {
	refundCreate: {
		name: 'Refund Create',
		// Even items: the default key (execution, node, item); odd items: their own key.
		parameters: {
			resource: 'refund',
			operation: 'create',
			payment_intent_id: locator('={{ $json.id }}'),
			idempotencyKey: '={{ $json.key }}',
			additionalFields: { amount: 10 },
		},
		setup: async (url) =>
			await makeMany(N, async (i) => {
				const pi = await call(
					url,
					'/api/v1/payment_intents/create',
					payment(i, { confirm: true, payment_method_data: CARD }),
				);
				return { id: pi.id, key: i % 2 ? `REFUND-${i}` : '' };
			}),
		movements: async (_emu, url, items) => {
			const refunds = await listAll(url, '/api/v1/refunds');
			return items.map((item) => refunds.filter((refund) => refund.payment_intent_id === item.id).length);
		},
		rerun: (items) => every(items).filter((i) => i % 2 === 1),
	},
	paymentIntentCapture: {
		name: 'Payment Intent Capture',
		parameters: { resource: 'paymentIntent', operation: 'capture', paymentIntentId: locator('={{ $json.id }}') },
		setup: async (url) =>
			await makeMany(N, async (i) => {
				const body = payment(i, { confirm: true, auto_capture: false, payment_method_data: CARD });
				return { id: (await call(url, '/api/v1/payment_intents/create', body)).id };
			}),
		movements: transitionMovements((id) => `/api/v1/payment_intents/${id}/capture`),
		done: { listPath: '/api/v1/payment_intents', status: 'succeeded' },
		rerun: every,
	},
	paymentIntentConfirm: {
		name: 'Payment Intent Confirm',
		parameters: {
			resource: 'paymentIntent',
			operation: 'confirm',
			paymentIntentId: locator('={{ $json.id }}'),
			additionalFields: {
				payment_method_data: {
					details: {
						type: 'card',
						card: { details: { number: '4242424242424242', expiry_month: '12', expiry_year: '2030', cvc: '123' } },
					},
				},
			},
		},
		setup: async (url) =>
			await makeMany(N, async (i) => ({ id: (await call(url, '/api/v1/payment_intents/create', payment(i, {}))).id })),
		movements: transitionMovements((id) => `/api/v1/payment_intents/${id}/confirm`),
		done: { listPath: '/api/v1/payment_intents', status: 'succeeded' },
		rerun: every,
	},
	invoicePay: {
		name: 'Invoice Pay',
		parameters: { resource: 'invoice', operation: 'pay', invoiceId: locator('={{ $json.id }}') },
		setup: async (url) => {
			const customer = await call(url, '/api/v1/customers/create', { merchant_customer_id: 'CRM-1', name: 'Ada' });
			return await makeMany(N, async () => {
				const invoice = { customer_id: customer.id, currency: 'USD', total_amount: 9.99 };
				return { id: (await call(url, '/api/v1/invoices/create', invoice)).id };
			});
		},
		movements: transitionMovements((id) => `/api/v1/invoices/${id}/pay`),
		done: { listPath: '/api/v1/invoices', status: 'paid' },
		rerun: every,
	},
} satisfies Record<string, MoneyCase>;

/**
 * Items of run A whose outcome the emulator's state contradicts. An output item: the money moved
 * once. "Nothing was refunded": it did not. "Could not check ..., so none was sent now" (an
 * earlier try under n8n's Retry On Fail may have moved it) and "... may have gone through":
 * either, and the message says which Get tells.
 */
function untruthful(items: INodeExecutionData[], moved: number[]) {
	return items.flatMap((item, i) => {
		const error = errorOf(item);
		const truthful =
			error === undefined
				? moved[i] === 1
				: /Nothing was \w+/.test(error)
					? moved[i] === 0
					: /Could not check|may have gone through/.test(error) && /: run .* → Get/.test(error) && moved[i] <= 1;
		return truthful ? [] : [{ item: i, moved: moved[i], error }];
	});
}

const errorOf = (item: INodeExecutionData) => (item.json.error === undefined ? undefined : String(item.json.error));
const count = (items: INodeExecutionData[], test: (item: INodeExecutionData) => boolean) => items.filter(test).length;

/** Registers the test of one money-moving operation (one file each: they run side by side). */
export function describeMoneyMovesOnce(c: MoneyCase) {
	const { name } = c;
	describe(`${name} moves money at most once: ${N} items under 5xx and lost answers, retried and repeated`, () => {
		let emu: Emulator;

		afterEach(async () => {
			await emu.close();
		});

		it('each item moves it once, says what landed when it fails, and is "already done" when repeated', async () => {
			emu = createEmulator({ seed: 42 });
			const { url } = await emu.listen(0);
			const items = await c.setup(url);
			const run = async (maxRetries: number, inputs: IDataObject[], more: IDataObject = {}) =>
				await runUseePay({
					baseUrl: url,
					credentials: EMULATOR_KEY,
					nodeType: new UseePayAtTestPace(maxRetries),
					items: inputs,
					parameters: c.parameters,
					...more,
				});

			// A: one retry per request, Continue On Fail: an item that fails says what landed, truthfully.
			emu.setConfig(FAULTS);
			const a = await run(1, items, { continueOnFail: true, settings: RETRY_ON_FAIL });
			expect(a.error).toBeUndefined();
			expectOnePerInput(a.items, N);
			emu.setConfig(faultsOff);
			const movedAfterA = await c.movements(emu, url, items);
			expect(untruthful(a.items, movedAfterA)).toEqual([]);

			// B: the same items again in the same execution (n8n Retry On Fail, a re-run with the same keys).
			emu.setConfig(FAULTS);
			const b = await run(8, items, { settings: RETRY_ON_FAIL });
			expect(b.error).toBeUndefined();
			expectOnePerInput(b.items, N);
			expect(b.items.filter((item) => errorOf(item) !== undefined)).toEqual([]);
			// Not done before B: B made it, so it is not "already done".
			b.items.forEach((item, i) => {
				if (movedAfterA[i] === 0) expect(item.json.action).toBeUndefined();
			});

			// C: an AI agent repeats every call (same execution), faults still on.
			const c1 = await run(8, items, { settings: RETRY_ON_FAIL });
			expect(c1.error).toBeUndefined();
			expectOnePerInput(c1.items, N);

			// D: a new execution, faults off: all already done, no money request applied.
			emu.setConfig(faultsOff);
			const rerun = c.rerun(items);
			const appliedBeforeD = (await c.movements(emu, url, items)).reduce((sum, n) => sum + n, 0);
			const d = await run(
				5,
				rerun.map((i) => items[i]),
				{ executionId: 'exec-2' },
			);
			expect(d.error).toBeUndefined();
			expect(d.items.map((item) => item.json.action)).toEqual(rerun.map(() => 'already_done'));

			const movements = await c.movements(emu, url, items);
			const doubles = movements.filter((n) => n > 1).length;
			const missing = movements.filter((n) => n === 0).length;
			const faults = emu.requests().filter((r) => r.fault).length;
			// eslint-disable-next-line no-console
			console.log(
				`${name}: ${N} items, ${faults} faults injected; run A: ${count(a.items, (i) => !errorOf(i))} done, ` +
					`${count(a.items, (i) => /may have gone through/.test(errorOf(i) ?? ''))} "may have gone through", ` +
					`${count(a.items, (i) => /Nothing was|Could not check/.test(errorOf(i) ?? ''))} "nothing sent now"; ` +
					`run B: ${count(b.items, (i) => i.json.action === 'already_done')} already done; ` +
					`run C: ${count(c1.items, (i) => i.json.action === 'already_done')} already done; ` +
					`money movements: ${movements.reduce((sum, n) => sum + n, 0)}, double: ${doubles}, missing: ${missing}`,
			);
			expect(movements.reduce((sum, n) => sum + n, 0)).toBe(appliedBeforeD);
			if (c.done) {
				const statuses = await statusesOf(url, c.done.listPath);
				expect(items.filter((item) => statuses.get(String(item.id)) !== c.done?.status)).toEqual([]);
			}
			expect({ doubles, missing }).toEqual({ doubles: 0, missing: 0 });
		}, 60000);
	});
}
