import type { Clock } from './clock';

/**
 * The one place that decides when a UseePay request may leave the node (bulk operations).
 *
 * Why the node schedules its own requests: n8n's declarative routing (RoutingNode) prepares every
 * item's request before the first one leaves and then fires them all at once, so 10,000 items
 * become a long silent preparation followed by one burst that a rate-limited API answers with a
 * wall of 429s. The bulk operations instead prepare each item when a worker picks it up and send
 * every request (first tries and retries alike) through this scheduler:
 *
 * - at most `maxConcurrent` requests are in flight;
 * - request starts are spaced 1000 / `requestsPerSecond` ms apart (a smooth schedule, not a token
 *   bucket that allows bursts), and the rate holds from the first second. A timer that fires late
 *   (a busy machine wakes sleepers a few ms late, every time) is caught up on, up to CATCH_UP_MS
 *   behind, so lateness does not add up into a lower rate;
 * - never more than `requestsPerSecond` starts in any window of one second plus ARRIVAL_SLACK_MS
 *   (30 ms; one interval when that is longer): a sliding-window limit of that many per second is
 *   not exceeded even when the requests reach the server up to that much closer together than
 *   they left (jitter); so a limit of 100/s is used at ~97/s, with no 429s of our own making (with
 *   one interval, 10 ms, a 2-core machine saw one or two 429s per 200 requests at full rate, and
 *   a list page's Retry-After of 1 s holds up every row waiting for it);
 * - a brake: when 429s stay frequent (more than `throttleShare` of the answers, two seconds in
 *   a row: the API's limit is lower than the configured rate, or the quota is shared), the rate
 *   drops to 80 % (at most once a second), and recovers by 5 % of the configured rate per second
 *   without such trouble. Isolated 429s, or one second of them, don't slow everyone; each is
 *   retried on its own after its Retry-After (see retry.ts).
 *
 * Waiting requests are served in arrival order, urgent ones (the Create or Update index read,
 * which the writes wait for) first. One loop hands out the start times, so a request that
 * arrives late can still go before others that wait. The clock is injected so that tests are
 * exact; a cancellable clock (clock.ts) ends every wait, and so every request waiting here, when
 * the run is cancelled.
 */
export interface SchedulerOptions {
	maxConcurrent: number;
	requestsPerSecond: number;
	clock: Clock;
	/** Share of 429 answers within one second that engages the brake (default 0.1). */
	throttleShare?: number;
	/** The brake never goes below this share of the configured rate (default 0.1). */
	minRateShare?: number;
}

/**
 * How much closer together requests may reach UseePay than they left (the window rule): requests
 * that start together leave n8n a few ms apart each (its request helper's own work), and a busy
 * thread holds some back; measured up to ~30 ms at 100/s on a 2-core machine.
 */
const ARRIVAL_SLACK_MS = 30;

/** How far the schedule may fall behind (late timers) and still be caught up on: 5 starts at 100/s. */
const CATCH_UP_MS = 50;

interface Turn {
	resolve: () => void;
	reject: (error: unknown) => void;
}

export interface SchedulerStats {
	started: number;
	peakInFlight: number;
	throttled: number;
	brakes: number;
}

export class RequestScheduler {
	readonly stats: SchedulerStats = { started: 0, peakInFlight: 0, throttled: 0, brakes: 0 };

	private inFlight = 0;

	/** Requests waiting for a slot (they have their start time). */
	private readonly waiting: Array<() => void> = [];

	/** Requests waiting for their start time: urgent ones, then the others. */
	private readonly queues: [Turn[], Turn[]] = [[], []];

	private pacing = false;

	/** Start times within the last window (oldest first), for the window rule. */
	private readonly recentStarts: number[] = [];

	private nextStart = -Infinity;

	private rate: number;

	private windowStart = -Infinity;

	private windowAnswers = 0;

	private windowThrottled = 0;

	private lastChange = -Infinity;

	private troubledWindows = 0;

	constructor(private readonly options: SchedulerOptions) {
		if (!(options.maxConcurrent >= 1)) throw new RangeError('maxConcurrent must be at least 1');
		if (!(options.requestsPerSecond > 0)) throw new RangeError('requestsPerSecond must be above 0');
		this.rate = options.requestsPerSecond;
	}

	/** The rate now (below the configured one while the brake is on). */
	get currentRate(): number {
		return this.rate;
	}

	/**
	 * Runs `task` (one HTTP request) at its start time, once a slot is free. The start time is
	 * waited for without holding a slot, so slots are only taken by requests on the wire: with
	 * requests taking r seconds, `maxConcurrent` slots carry up to maxConcurrent / r requests per
	 * second. (Should all slots be busy at a start time, the request waits for one and leaves
	 * late; the schedule of the others does not move.)
	 */
	async run<T>(task: () => Promise<T>, urgent = false): Promise<T> {
		await this.turn(urgent);
		await this.acquire();
		try {
			this.stats.started++;
			return await task();
		} finally {
			this.release();
		}
	}

	/** Resolves at this request's start time. */
	private async turn(urgent: boolean): Promise<void> {
		if (!this.pacing && this.earliestStart() <= this.options.clock.now()) {
			// Nobody was waiting: nothing to catch up on, the schedule starts afresh from now (else
			// requests arriving together after a pause would all go at once, see started()).
			this.started(true);
			return;
		}
		await new Promise<void>((resolve, reject) => {
			this.queues[urgent ? 0 : 1].push({ resolve, reject });
			void this.pace();
		});
	}

	/** Hands out start times while requests wait for one; a failed wait (cancelled) fails them all. */
	private async pace(): Promise<void> {
		if (this.pacing) return;
		this.pacing = true;
		const { clock } = this.options;
		try {
			for (;;) {
				const queue = this.queues.find((q) => q.length > 0);
				if (!queue) return;
				const wait = this.earliestStart() - clock.now();
				if (wait > 0) {
					await clock.sleep(wait);
					continue; // an urgent request may have arrived meanwhile
				}
				this.started();
				(queue.shift() as Turn).resolve();
			}
		} catch (error) {
			for (const queue of this.queues) for (const turn of queue.splice(0)) turn.reject(error);
		} finally {
			this.pacing = false;
		}
	}

	/** When the next request may start: its place in the schedule, and the window rule. */
	private earliestStart(): number {
		const interval = 1000 / this.rate;
		const window = 1000 + Math.max(interval, ARRIVAL_SLACK_MS);
		const now = this.options.clock.now();
		while (this.recentStarts.length && this.recentStarts[0] <= now - window) this.recentStarts.shift();
		const perWindow = Math.max(1, Math.floor(this.rate));
		const full = this.recentStarts.length >= perWindow;
		const windowFree = full ? this.recentStarts[this.recentStarts.length - perWindow] + window : -Infinity;
		return Math.max(this.nextStart, windowFree);
	}

	private started(afresh = false): void {
		const now = this.options.clock.now();
		this.recentStarts.push(now);
		// Slightly late: keep the schedule (the next ones catch up). Idle or long stalled: start afresh.
		const onSchedule = !afresh && now - this.nextStart <= CATCH_UP_MS;
		this.nextStart = (onSchedule ? this.nextStart : now) + 1000 / this.rate;
	}

	/** Every answer reports back here: `throttled` for a 429. Drives the brake. */
	report(throttled: boolean): void {
		const now = this.options.clock.now();
		if (now - this.windowStart >= 1000) {
			this.closeWindow(now);
			this.windowStart = now;
			this.windowAnswers = 0;
			this.windowThrottled = 0;
		}
		this.windowAnswers++;
		if (throttled) {
			this.windowThrottled++;
			this.stats.throttled++;
		}
	}

	/**
	 * At the end of each second: brake after two seconds in a row with many 429s (one such
	 * second is what a pause of the machine, followed by a catch-up, can cause), otherwise
	 * recover towards the configured rate.
	 */
	private closeWindow(now: number): void {
		const share = this.options.throttleShare ?? 0.1;
		const troubled = this.windowThrottled >= 3 && this.windowThrottled > share * this.windowAnswers;
		const previous = this.troubledWindows;
		this.troubledWindows = troubled ? previous + 1 : 0;
		if (troubled) {
			if (previous >= 1) this.brake(now);
			return;
		}
		const configured = this.options.requestsPerSecond;
		if (this.rate < configured && now - this.lastChange >= 1000) {
			this.rate = Math.min(configured, this.rate + configured * 0.05);
			this.lastChange = now;
		}
	}

	private brake(now: number): void {
		if (now - this.lastChange < 1000) return;
		const floor = this.options.requestsPerSecond * (this.options.minRateShare ?? 0.1);
		this.rate = Math.max(floor, this.rate * 0.8);
		this.lastChange = now;
		this.stats.brakes++;
	}

	private async acquire(): Promise<void> {
		if (this.inFlight < this.options.maxConcurrent && this.waiting.length === 0) {
			this.take();
			return;
		}
		await new Promise<void>((resolve) => this.waiting.push(resolve));
	}

	private take(): void {
		this.inFlight++;
		if (this.inFlight > this.stats.peakInFlight) this.stats.peakInFlight = this.inFlight;
	}

	private release(): void {
		this.inFlight--;
		const next = this.waiting.shift();
		if (next) {
			this.take();
			next();
		}
	}
}
