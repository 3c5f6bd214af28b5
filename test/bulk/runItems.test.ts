import { eventLoopBreather } from '../../nodes/UseePay/shared/bulk/clock';
import { runItems } from '../../nodes/UseePay/shared/bulk/runItems';
import { busyFor, loopTurnWatch } from '../support/eventLoop';
import { FakeClock } from './fakeClock';

describe('runItems', () => {
	it('one result per item, at its index, whatever order they finish in, with at most `workers` in progress', async () => {
		const clock = new FakeClock();
		let inProgress = 0;
		let peak = 0;
		const work = async (i: number) => {
			inProgress++;
			peak = Math.max(peak, inProgress);
			await clock.sleep(((i * 37) % 11) + 1);
			inProgress--;
			if (i % 7 === 3) throw new Error(`item ${i} failed`);
			return i * 2;
		};
		const results = await clock.runUntil(runItems(50, 4, work, { stopAtFirstError: false }));
		expect(results).toHaveLength(50);
		results.forEach((result, i) => {
			if (i % 7 === 3) expect(result).toEqual({ ok: false, error: new Error(`item ${i} failed`) });
			else expect(result).toEqual({ ok: true, value: i * 2 });
		});
		expect(peak).toBe(4);
	});

	it('starts items in input order', async () => {
		const started: number[] = [];
		await runItems(5, 2, async (i) => started.push(i), { stopAtFirstError: false });
		expect(started).toEqual([0, 1, 2, 3, 4]);
	});

	it('stopAtFirstError: no new item after a failure, but those in progress finish', async () => {
		const clock = new FakeClock();
		const finished: number[] = [];
		const work = async (i: number) => {
			await clock.sleep(i === 2 ? 1 : 10);
			if (i === 2) throw new Error('bad');
			finished.push(i);
			return i;
		};
		const results = await clock.runUntil(runItems(20, 3, work, { stopAtFirstError: true }));
		// 0 and 1 were in progress when 2 failed; they finished. Nothing after was started.
		expect(finished.sort()).toEqual([0, 1]);
		expect(results.slice(0, 3).map((r) => r?.ok)).toEqual([true, true, false]);
		expect(results.slice(3).every((r) => r === undefined)).toBe(true);
	});

	it('a cancelled run starts no new item', async () => {
		let cancelled = false;
		const results = await runItems(
			10,
			1,
			async (i) => {
				if (i === 3) cancelled = true;
				return i;
			},
			{ stopAtFirstError: false, cancelled: () => cancelled },
		);
		expect(results.map((r) => r?.ok)).toEqual([true, true, true, true, ...Array(6).fill(undefined)]);
	});
});

describe('runItems breathes between items (eventLoopBreather)', () => {
	it('awaits `breathe` before every item it starts', async () => {
		const log: string[] = [];
		await runItems(3, 1, async (i) => log.push(`item ${i}`), {
			stopAtFirstError: false,
			breathe: async () => void log.push('breathe'),
		});
		expect(log).toEqual(['breathe', 'item 0', 'breathe', 'item 1', 'breathe', 'item 2', 'breathe']);
	});

	it('lets the event loop run once items have kept the thread busy for a few ms, and not before', async () => {
		// 50 ms rather than the default 4, so that a stalled test machine cannot pass for busy items.
		const breathe = eventLoopBreather(50);
		const quick = loopTurnWatch();
		await breathe();
		expect(quick()).toBe(false);
		busyFor(60);
		const busy = loopTurnWatch();
		await breathe();
		expect(busy()).toBe(true);
		// Its own pause starts the count again.
		const after = loopTurnWatch();
		await breathe();
		expect(after()).toBe(false);
	});
});
