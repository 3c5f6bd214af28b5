import type { Clock } from '../../nodes/UseePay/shared/bulk/clock';

/** Lets pending promise callbacks run (no timers involved). */
export async function settle(rounds = 50): Promise<void> {
	for (let i = 0; i < rounds; i++) await Promise.resolve();
}

/** A clock whose sleeps end only when the test moves time forward: no real waiting. */
export class FakeClock implements Clock {
	private time = 0;

	private timers: Array<{ at: number; resolve: () => void }> = [];

	/** Every sleep asked for, in ms. */
	readonly sleeps: number[] = [];

	now(): number {
		return this.time;
	}

	async sleep(ms: number): Promise<void> {
		this.sleeps.push(ms);
		if (ms <= 0) return;
		await new Promise<void>((resolve) => this.timers.push({ at: this.time + ms, resolve }));
	}

	/** Moves time forward by `ms`, waking sleepers in order of their wake-up time. */
	async advance(ms: number): Promise<void> {
		const end = this.time + ms;
		await settle();
		for (;;) {
			this.timers.sort((a, b) => a.at - b.at);
			const next = this.timers[0];
			if (!next || next.at > end) break;
			this.timers.shift();
			this.time = next.at;
			next.resolve();
			await settle();
		}
		this.time = end;
		await settle();
	}

	/** When the earliest sleeper wakes up (undefined: nobody sleeps). */
	get nextWakeUp(): number | undefined {
		return this.timers.length ? Math.min(...this.timers.map((timer) => timer.at)) : undefined;
	}

	/** Runs time forward until `promise` settles (or `limitMs` passes). */
	async runUntil<T>(promise: Promise<T>, stepMs = 1, limitMs = 600000): Promise<T> {
		let done = false;
		const tracked = promise.finally(() => {
			done = true;
		});
		for (let elapsed = 0; !done && elapsed < limitMs; elapsed += stepMs) await this.advance(stepMs);
		return await tracked;
	}
}
