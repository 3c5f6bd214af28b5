/**
 * keepMarkedChanged (recentEvents.ts): n8n 2.41 clears the "changed" flag of static data written
 * by a webhook that starts an execution, so the trigger re-assigns its ledger for a few seconds
 * after answering, and n8n's save right after the answer writes it. What must hold: the newest
 * request's static data gets `seenEvents` assigned again (n8n marks static data changed on a
 * set), only for a bounded time, and one loop serves every request of a workflow.
 */
import type { IDataObject } from 'n8n-workflow';

import { claimEvent, keepMarkedChanged } from '../../nodes/UseePayTrigger/recentEvents';

/** Static data that counts the assignments of `seenEvents`, as n8n's observable object notices them. */
function observedStaticData() {
	const assignments = { count: 0 };
	const data = new Proxy({} as IDataObject, {
		set(target, key, value) {
			if (key === 'seenEvents') assignments.count++;
			target[key as string] = value;
			return true;
		},
	});
	return { data, assignments };
}

describe('keepMarkedChanged: the ledger is re-marked after the answer, for a bounded time', () => {
	beforeEach(() => jest.useFakeTimers());
	afterEach(() => jest.useRealTimers());

	it('re-assigns the ledger to the static data for about 3 s, then stops', async () => {
		const key = `wf-remark-${Date.now()}`;
		const { data, assignments } = observedStaticData();
		claimEvent(data, key, 'evt_remark_1');
		keepMarkedChanged(data, key);
		await jest.advanceTimersByTimeAsync(100);
		const early = assignments.count;
		expect(early).toBeGreaterThan(0);
		await jest.advanceTimersByTimeAsync(2800);
		expect(assignments.count).toBeGreaterThan(early);
		expect(data.seenEvents).toEqual(expect.objectContaining({ evt_remark_1: expect.any(Number) }));
		await jest.advanceTimersByTimeAsync(1000);
		const settled = assignments.count;
		await jest.advanceTimersByTimeAsync(5000);
		expect(assignments.count).toBe(settled);
	});

	it('a newer request takes over the one loop: only its static data is re-marked from then on', async () => {
		const key = `wf-remark-two-${Date.now()}`;
		const first = observedStaticData();
		const second = observedStaticData();
		keepMarkedChanged(first.data, key);
		await jest.advanceTimersByTimeAsync(50);
		keepMarkedChanged(second.data, key);
		await jest.advanceTimersByTimeAsync(5); // the loop's current sleep ends
		const firstSoFar = first.assignments.count;
		await jest.advanceTimersByTimeAsync(1000);
		expect(first.assignments.count).toBe(firstSoFar);
		expect(second.assignments.count).toBeGreaterThan(0);
		// and the loop still ends, counted from the newer request
		await jest.advanceTimersByTimeAsync(4000);
		const settled = second.assignments.count;
		await jest.advanceTimersByTimeAsync(5000);
		expect(second.assignments.count).toBe(settled);
	});
});
