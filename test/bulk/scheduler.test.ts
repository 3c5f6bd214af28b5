import { RequestScheduler } from '../../nodes/UseePay/shared/bulk/scheduler';
import { FakeClock } from './fakeClock';

/** A request that takes `ms` of (fake) time; records when it started. */
function request(clock: FakeClock, starts: number[], ms: number) {
	return async () => {
		starts.push(clock.now());
		await clock.sleep(ms);
	};
}

describe('RequestScheduler', () => {
	it('spaces request starts evenly at the configured rate from the first request', async () => {
		const clock = new FakeClock();
		const scheduler = new RequestScheduler({ maxConcurrent: 100, requestsPerSecond: 50, clock });
		const starts: number[] = [];
		const all = Promise.all(Array.from({ length: 10 }, () => scheduler.run(request(clock, starts, 5))));
		await clock.runUntil(all);
		expect(starts).toEqual([0, 20, 40, 60, 80, 100, 120, 140, 160, 180]);
		expect(scheduler.stats.started).toBe(10);
	});

	it('never lets more than the rate start in one second plus 30 ms (a sliding-window limit is safe under arrival jitter)', async () => {
		const clock = new FakeClock();
		const scheduler = new RequestScheduler({ maxConcurrent: 10, requestsPerSecond: 100, clock });
		const starts: number[] = [];
		const all = Promise.all(Array.from({ length: 400 }, () => scheduler.run(request(clock, starts, 20))));
		await clock.runUntil(all);
		for (let i = 0; i + 100 < starts.length; i++) expect(starts[i + 100] - starts[i]).toBeGreaterThanOrEqual(1029.999);
		// ... and holds the rate: 100 starts per 1030 ms, 10 ms apart within a window.
		expect(starts.slice(0, 101)).toEqual([...Array(100).keys()].map((i) => i * 10).concat([1030]));
		expect(starts[399]).toBeCloseTo(399 * 10 + 3 * 30, 6);
	});

	it('at a low rate the window is one second plus one interval (longer than 30 ms)', async () => {
		const clock = new FakeClock();
		const scheduler = new RequestScheduler({ maxConcurrent: 10, requestsPerSecond: 10, clock });
		const starts: number[] = [];
		const all = Promise.all(Array.from({ length: 11 }, () => scheduler.run(request(clock, starts, 5))));
		await clock.runUntil(all);
		expect(starts).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1100]);
	});

	it('catches up on timers that fire late instead of losing the rate, within the window rule', async () => {
		const late = new FakeClock();
		// Every sleep ends 4 ms late, as on a busy machine.
		const clock = { now: () => late.now(), sleep: async (ms: number) => await late.sleep(ms + 4) };
		const scheduler = new RequestScheduler({ maxConcurrent: 10, requestsPerSecond: 50, clock });
		const starts: number[] = [];
		const all = Promise.all(Array.from({ length: 150 }, () => scheduler.run(request(late, starts, 1))));
		await late.runUntil(all);
		expect(starts).toHaveLength(150);
		// 50 starts still take about one second (49 intervals of 20 ms), not 49 × 24 ms.
		expect(starts[49]).toBeLessThanOrEqual(49 * 20 + 4);
		// Catching up never lets more than 50 start within one second plus 30 ms.
		for (let i = 0; i + 50 < starts.length; i++) expect(starts[i + 50] - starts[i]).toBeGreaterThanOrEqual(1030);
	});

	/**
	 * Starts at 100 per second (10 ms apart) where the scheduler's third sleep (before the fourth
	 * start, due at 30 ms) ends `stallMs` late.
	 */
	async function startsAfterOneStall(stallMs: number): Promise<number[]> {
		const fake = new FakeClock();
		let sleeps = 0;
		const clock = {
			now: () => fake.now(),
			sleep: async (ms: number) => await fake.sleep(ms + (++sleeps === 3 ? stallMs : 0)),
		};
		const scheduler = new RequestScheduler({ maxConcurrent: 10, requestsPerSecond: 100, clock });
		const starts: number[] = [];
		const all = Promise.all(Array.from({ length: 12 }, () => scheduler.run(request(fake, starts, 1))));
		await fake.runUntil(all);
		return starts;
	}

	it('catches up on a stall of up to 50 ms (5 starts at 100/s): the missed starts go at once, then the old schedule', async () => {
		expect(await startsAfterOneStall(50)).toEqual([0, 10, 20, 80, 80, 80, 80, 80, 80, 90, 100, 110]);
	});

	it('requests that arrive together after a pause (nobody waiting) are spaced from then on, not sent at once', async () => {
		const clock = new FakeClock();
		const scheduler = new RequestScheduler({ maxConcurrent: 10, requestsPerSecond: 100, clock });
		const starts: number[] = [];
		const first = Promise.all([0, 1].map(() => scheduler.run(request(clock, starts, 1))));
		await clock.runUntil(first);
		// 30 ms later (the schedule's next slot, 20, is past), four arrive in the same moment.
		await clock.advance(30 - clock.now());
		const later = Promise.all([0, 1, 2, 3].map(() => scheduler.run(request(clock, starts, 1))));
		await clock.runUntil(later);
		expect(starts).toEqual([0, 10, 30, 40, 50, 60]);
	});

	it('starts afresh after a longer stall instead of bursting to catch up', async () => {
		expect(await startsAfterOneStall(51)).toEqual([0, 10, 20, 81, 91, 101, 111, 121, 131, 141, 151, 161]);
	});

	it('serves urgent requests before those already waiting', async () => {
		const clock = new FakeClock();
		const scheduler = new RequestScheduler({ maxConcurrent: 10, requestsPerSecond: 100, clock });
		const order: string[] = [];
		const run = (name: string, urgent = false) => scheduler.run(async () => order.push(name), urgent);
		const all = Promise.all([run('a'), run('b'), run('c'), run('index page', true)]);
		await clock.runUntil(all);
		expect(order).toEqual(['a', 'index page', 'b', 'c']);
	});

	it('caps the requests in flight and serves waiting requests in arrival order', async () => {
		const clock = new FakeClock();
		const scheduler = new RequestScheduler({ maxConcurrent: 2, requestsPerSecond: 1000, clock });
		const order: number[] = [];
		let inFlight = 0;
		let peak = 0;
		const all = Promise.all(
			Array.from({ length: 6 }, (_, i) =>
				scheduler.run(async () => {
					order.push(i);
					inFlight++;
					peak = Math.max(peak, inFlight);
					await clock.sleep(100);
					inFlight--;
				}),
			),
		);
		await clock.runUntil(all);
		expect(peak).toBe(2);
		expect(scheduler.stats.peakInFlight).toBe(2);
		expect(order).toEqual([0, 1, 2, 3, 4, 5]);
	});

	it('releases the slot when a request throws', async () => {
		const clock = new FakeClock();
		const scheduler = new RequestScheduler({ maxConcurrent: 1, requestsPerSecond: 1000, clock });
		const failing = scheduler.run(async () => {
			throw new Error('boom');
		});
		await expect(clock.runUntil(failing)).rejects.toThrow('boom');
		await expect(clock.runUntil(scheduler.run(async () => 'next'))).resolves.toBe('next');
	});

	/** One second of answers, `throttled` of them 429s, then the clock moves on. */
	async function second(clock: FakeClock, scheduler: RequestScheduler, answers: number, throttled: number) {
		for (let i = 0; i < answers; i++) scheduler.report(i < throttled);
		await clock.advance(1000);
	}

	it('brakes when 429s stay frequent, and recovers to the configured rate afterwards', async () => {
		const clock = new FakeClock();
		const scheduler = new RequestScheduler({ maxConcurrent: 10, requestsPerSecond: 100, clock });
		// One bad second (a pause, then a catch-up burst) is not enough.
		await second(clock, scheduler, 100, 30);
		await second(clock, scheduler, 100, 0);
		expect(scheduler.currentRate).toBe(100);
		// Two in a row are: 80 %; a third: 64 %.
		await second(clock, scheduler, 100, 30);
		await second(clock, scheduler, 100, 30);
		scheduler.report(false);
		expect(scheduler.currentRate).toBe(80);
		expect(scheduler.stats.brakes).toBe(1);
		await second(clock, scheduler, 80, 20);
		scheduler.report(false);
		expect(scheduler.currentRate).toBe(64);
		// Then good answers: +5 % of 100 per second, back to 100 and no further.
		for (let i = 0; i < 12; i++) await second(clock, scheduler, 60, 0);
		scheduler.report(false);
		expect(scheduler.currentRate).toBe(100);
		expect(scheduler.stats.throttled).toBe(110);
	});

	it('does not brake for isolated 429s (2 % of answers)', async () => {
		const clock = new FakeClock();
		const scheduler = new RequestScheduler({ maxConcurrent: 10, requestsPerSecond: 95, clock });
		for (let s = 0; s < 30; s++) await second(clock, scheduler, 95, 2);
		expect(scheduler.stats.brakes).toBe(0);
		expect(scheduler.stats.throttled).toBe(60);
		expect(scheduler.currentRate).toBe(95);
	});

	it('paces with the braked rate', async () => {
		const clock = new FakeClock();
		const scheduler = new RequestScheduler({ maxConcurrent: 10, requestsPerSecond: 100, clock });
		await second(clock, scheduler, 20, 20);
		await second(clock, scheduler, 20, 20);
		scheduler.report(false);
		expect(scheduler.currentRate).toBe(80);
		const starts: number[] = [];
		const t0 = clock.now();
		const all = Promise.all(Array.from({ length: 3 }, () => scheduler.run(request(clock, starts, 1))));
		await clock.runUntil(all);
		expect(starts.map((t) => t - t0)).toEqual([0, 12.5, 25]);
	});

	it('a request waiting for its start time holds no slot', async () => {
		const clock = new FakeClock();
		// 1 slot, 100 per second: requests of 9 ms fit between starts 10 ms apart.
		const scheduler = new RequestScheduler({ maxConcurrent: 1, requestsPerSecond: 100, clock });
		const starts: number[] = [];
		const all = Promise.all(Array.from({ length: 5 }, () => scheduler.run(request(clock, starts, 9))));
		await clock.runUntil(all);
		expect(starts).toEqual([0, 10, 20, 30, 40]);
	});

	it('rejects nonsense settings', () => {
		const clock = new FakeClock();
		expect(() => new RequestScheduler({ maxConcurrent: 0, requestsPerSecond: 10, clock })).toThrow(RangeError);
		expect(() => new RequestScheduler({ maxConcurrent: 1, requestsPerSecond: 0, clock })).toThrow(RangeError);
	});
});
