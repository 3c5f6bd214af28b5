import { sleep } from 'n8n-workflow';

/**
 * Time as the bulk path sees it. The real clock is Date.now() and n8n-workflow's sleep (nodes may
 * not use timers directly); tests pass a fake clock whose sleeps end when the test advances it.
 */
export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
	now: () => Date.now(),
	sleep: async (ms) => {
		if (ms > 0) await sleep(ms);
	},
};

/** How long items may keep the thread busy before they let the event loop run (eventLoopBreather). */
const BUSY_MS = 4;

/**
 * A pause between items, for items that need no I/O (rows the Create or Update index has found
 * unchanged: a page of 100 keeps the thread busy ~15 ms, two pages ~30 ms). After BUSY_MS without
 * one it lets the event loop run: a request the scheduler has started still has to connect and
 * write, which waits for the loop, so held back it reaches UseePay later than it left, closer to
 * the next ones than the scheduler spaced them, and a rate limit counts it there. Real time only
 * (a fake clock's tests run their items in microtasks).
 */
export function eventLoopBreather(busyMs = BUSY_MS): () => Promise<void> {
	let since = Date.now();
	return async () => {
		if (Date.now() - since < busyMs) return;
		await sleep(1);
		since = Date.now();
	};
}

/** What every wait of a cancelled run ends with (see cancellableClock). */
export class RunCancelledError extends Error {
	constructor() {
		super('The execution was cancelled');
		this.name = 'RunCancelledError';
	}
}

/** A promise that rejects with RunCancelledError once `signal` aborts (never, without a signal). */
export function whenCancelled(signal: AbortSignal | undefined): Promise<never> {
	return new Promise<never>((_, reject) => {
		if (!signal) return;
		if (signal.aborted) {
			reject(new RunCancelledError());
			return;
		}
		signal.addEventListener('abort', () => reject(new RunCancelledError()), { once: true });
	});
}

/**
 * The clock of one run: every sleep (pacing, backoff, a Retry-After of up to a minute) ends at
 * once with RunCancelledError when n8n cancels the execution (Stop, timeout), so a stopped run
 * returns right away instead of after its longest wait. The wait is raced rather than handed
 * the signal so that it ends whatever the n8n version's sleep supports.
 */
export function cancellableClock(clock: Clock, signal: AbortSignal | undefined): Clock {
	if (!signal) return clock;
	const cancelled = whenCancelled(signal);
	// Nobody may be waiting when it fires; that is not an unhandled rejection.
	cancelled.catch(() => undefined);
	return {
		now: () => clock.now(),
		sleep: async (ms) => {
			if (signal.aborted) throw new RunCancelledError();
			await Promise.race([clock.sleep(ms), cancelled]);
		},
	};
}
