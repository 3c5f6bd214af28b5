/**
 * The trigger's memory of recent events (recentEvents.ts): a genuine event runs exactly once.
 * Replays look exactly like UseePay's own retries, which need a 2xx, so they are answered 200
 * "duplicate delivery" and not run.
 */
import type { IDataObject } from 'n8n-workflow';

import {
	claimEvent,
	EVENT_MEMORY_SECONDS,
	forgetLedgers,
	RETRY_HORIZON_SECONDS,
} from '../../nodes/UseePayTrigger/recentEvents';
import { deliver, eventJson, ran, sign } from './delivery';

beforeEach(() => forgetLedgers());

describe('replays: a genuine event runs exactly once', () => {
	const signed = () => {
		const body = eventJson();
		return { body, headers: { sign: sign(body) } };
	};

	it('a replay later is answered 200 and not run', async () => {
		const delivery = signed();
		const staticData: IDataObject = {};
		expect(ran(await deliver({ ...delivery, staticData }))).toBe(true);
		const replay = await deliver({ ...delivery, staticData });
		expect(replay.statusCode).toBe(200);
		expect(ran(replay)).toBe(false);
	});

	it('20 copies at once, each with its own copy of the static data (as n8n loads it per request), run once', async () => {
		const delivery = signed();
		const answers = await Promise.all(Array.from({ length: 20 }, () => deliver({ ...delivery, staticData: {} })));
		expect(answers.filter(ran)).toHaveLength(1);
		expect(answers.every((answer) => answer.statusCode === 200)).toBe(true);
	});

	it('a replay after 600 newer events is still not run (the old list forgot it after 500)', async () => {
		const first = signed();
		const staticData: IDataObject = {};
		expect(ran(await deliver({ ...first, staticData }))).toBe(true);
		for (let i = 0; i < 600; i++) await deliver({ ...signed(), staticData });
		expect(ran(await deliver({ ...first, staticData }))).toBe(false);
	});

	it('a replay after a restart (ledger gone, static data saved) is not run', async () => {
		const delivery = signed();
		const saved = await deliver({ ...delivery, staticData: {} });
		const persisted = JSON.parse(JSON.stringify(saved.staticData)) as IDataObject;
		forgetLedgers();
		expect(ran(await deliver({ ...delivery, staticData: persisted }))).toBe(false);
	});

	it('ids saved by the previous version of the node (recentEventIds) are honoured', async () => {
		const delivery = signed();
		const staticData = { recentEventIds: [JSON.parse(delivery.body).id] };
		expect(ran(await deliver({ ...delivery, staticData }))).toBe(false);
	});

	it('a full memory refuses new events with 503 (UseePay retries) rather than forgetting a retryable id', () => {
		const staticData: IDataObject = {};
		const now = Date.UTC(2026, 0, 1);
		for (let i = 0; i < 3; i++) expect(claimEvent(staticData, 'full', `evt_${i}`, { now, max: 3 })).toBe('new');
		expect(claimEvent(staticData, 'full', 'evt_new', { now: now + 60_000, max: 3 })).toBe('full');
		expect(claimEvent(staticData, 'full', 'evt_0', { now: now + 60_000, max: 3 })).toBe('duplicate');
		// Past UseePay's retry horizon the oldest id may go to make room.
		const pastHorizon = now + (RETRY_HORIZON_SECONDS + 60) * 1000;
		expect(claimEvent(staticData, 'full', 'evt_new', { now: pastHorizon, max: 3 })).toBe('new');
	});
});

describe('integer-like event ids ("123": an object lists them first, whatever their age)', () => {
	const now = Date.UTC(2026, 0, 1);
	const later = (seconds: number) => now + seconds * 1000;

	it('a young integer-like id does not stop the oldest ids from making room (no early 503)', () => {
		const staticData: IDataObject = {};
		expect(claimEvent(staticData, 'int', 'evt_a', { now, max: 3 })).toBe('new');
		expect(claimEvent(staticData, 'int', 'evt_b', { now, max: 3 })).toBe('new');
		const pastHorizon = later(RETRY_HORIZON_SECONDS + 60);
		expect(claimEvent(staticData, 'int', '123', { now: pastHorizon, max: 3 })).toBe('new');
		expect(claimEvent(staticData, 'int', 'evt_c', { now: pastHorizon + 1000, max: 3 })).toBe('new');
		expect(claimEvent(staticData, 'int', '123', { now: pastHorizon + 2000, max: 3 })).toBe('duplicate');
		expect(Object.keys(staticData.seenEvents as IDataObject).sort()).toEqual(['123', 'evt_b', 'evt_c']);
	});

	it('ids past EVENT_MEMORY_SECONDS are forgotten although a younger integer-like id came after them', () => {
		const staticData: IDataObject = {};
		expect(claimEvent(staticData, 'int', 'evt_old', { now })).toBe('new');
		expect(claimEvent(staticData, 'int', '7', { now: later(EVENT_MEMORY_SECONDS - 60) })).toBe('new');
		expect(claimEvent(staticData, 'int', '8', { now: later(EVENT_MEMORY_SECONDS + 60) })).toBe('new');
		expect(Object.keys(staticData.seenEvents as IDataObject).sort()).toEqual(['7', '8']);
	});

	it('after a restart the saved ids are taken back oldest first, integer-like or not', () => {
		const staticData: IDataObject = {};
		expect(claimEvent(staticData, 'int', 'evt_a', { now, max: 3 })).toBe('new');
		expect(claimEvent(staticData, 'int', 'evt_b', { now, max: 3 })).toBe('new');
		const pastHorizon = later(RETRY_HORIZON_SECONDS + 60);
		expect(claimEvent(staticData, 'int', '42', { now: pastHorizon, max: 3 })).toBe('new');
		const persisted = JSON.parse(JSON.stringify(staticData)) as IDataObject;
		forgetLedgers();
		expect(claimEvent(persisted, 'int', 'evt_c', { now: pastHorizon + 1000, max: 3 })).toBe('new');
		expect(claimEvent(persisted, 'int', '42', { now: pastHorizon + 2000, max: 3 })).toBe('duplicate');
	});
});
