import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { createEmulator } from '../../emulator/server';
import { preparePay } from '../../nodes/UseePay/resources/invoice/payOnce';
import { prepareCapture, prepareConfirm } from '../../nodes/UseePay/resources/paymentIntent/moveOnce';
import { prepareRefund } from '../../nodes/UseePay/resources/refund/createOnce';
import type { Clock } from '../../nodes/UseePay/shared/bulk/clock';
import { realClock } from '../../nodes/UseePay/shared/bulk/clock';
import { moneyMoveRun } from '../../nodes/UseePay/shared/moneyMoves';
import { UseePay } from '../../nodes/UseePay/UseePay.node';
import { TEST_CREDENTIALS } from '../support/n8n';

/**
 * The money tests' UseePay: the emulator in-process, objects made through its API, and its state
 * read back through its API (with its faults off) to count what moved.
 */
export type Emulator = ReturnType<typeof createEmulator>;
export const EMULATOR_KEY = { apiKey: 'UseePay_SK_emulator' };
const HEADERS = {
	'content-type': 'application/json',
	'x-merchant-no': TEST_CREDENTIALS.merchantNo,
	'x-api-key': EMULATOR_KEY.apiKey,
	'x-app-id': TEST_CREDENTIALS.appId,
};
export const CARD = {
	type: 'card',
	card: { number: '4242424242424242', expiry_month: '12', expiry_year: '2030', cvc: '123' },
};

/** One API call with faults off (the caller switches them), answering the parsed body. */
export async function call(url: string, path: string, body?: IDataObject): Promise<IDataObject> {
	const response = await fetch(`${url}${path}`, {
		method: body ? 'POST' : 'GET',
		headers: HEADERS,
		...(body ? { body: JSON.stringify(body) } : {}),
	});
	const answer = (await response.json()) as IDataObject;
	if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(answer)}`);
	return answer;
}

/** `n` objects made `make(i)` at a time, 50 in flight. */
export async function makeMany<T>(n: number, make: (i: number) => Promise<T>): Promise<T[]> {
	const made: T[] = new Array<T>(n);
	let next = 0;
	const worker = async () => {
		while (next < n) {
			const i = next++;
			made[i] = await make(i);
		}
	};
	await Promise.all(Array.from({ length: 50 }, worker));
	return made;
}

/** Every object of a list (newest first), read with the emulator's own paging. */
export async function listAll(url: string, path: string): Promise<IDataObject[]> {
	const all: IDataObject[] = [];
	for (let page = 0; ; page++) {
		const answer = await call(url, `${path}?page_num=${page}&page_size=100`);
		all.push(...(answer.items as IDataObject[]));
		if (answer.has_more !== true) return all;
	}
}

/** How many requests to `pathOf(id)` UseePay applied (answered 2xx, or applied and then lost) per id. */
export function appliedPer(emu: Emulator, ids: string[], pathOf: (id: string) => string): number[] {
	const applied = new Map<string, number>();
	const byPath = new Map(ids.map((id) => [pathOf(id), id]));
	for (const request of emu.requests()) {
		const id = byPath.get(request.path);
		if (request.method === 'POST' && id !== undefined && request.status >= 200 && request.status < 300) {
			applied.set(id, (applied.get(id) ?? 0) + 1);
		}
	}
	return ids.map((id) => applied.get(id) ?? 0);
}

/** Output items: one per input, in order, each an object or an error item. */
export function expectOnePerInput(items: INodeExecutionData[], n: number) {
	expect(items).toHaveLength(n);
	items.forEach((item, i) => expect(item.pairedItem).toEqual({ item: i }));
}

export const faultsOff = { serverErrorRate: 0, lostResponseRate: 0, resetRate: 0 };

/**
 * Waits 50 times shorter than asked: the backoff between retries (250 ms, 500 ms, ... 8 s) is
 * what the test would spend its time on, and how long it is changes nothing of what is sent.
 */
const hurriedClock: Clock = { now: () => realClock.now(), sleep: async (ms) => await realClock.sleep(ms / 50) };

/** The node with its money moves at a test's pace (5,000 requests per second) and `maxRetries`. */
export class UseePayAtTestPace extends UseePay {
	constructor(maxRetries: number, maxConcurrent = 20) {
		super();
		const bulk = { clock: hurriedClock, defaults: { requestsPerSecond: 5000, maxConcurrent, maxRetries } };
		this.customOperations = {
			...this.customOperations,
			refund: { create: moneyMoveRun(prepareRefund, bulk) },
			paymentIntent: { capture: moneyMoveRun(prepareCapture, bulk), confirm: moneyMoveRun(prepareConfirm, bulk) },
			invoice: { pay: moneyMoveRun(preparePay, bulk) },
		};
	}
}
