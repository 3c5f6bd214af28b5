/**
 * Runs one piece of work per input item with a bounded number of items in progress, and returns
 * exactly one result per item, at the item's index: N items in, N results out, in input order.
 *
 * Each item is prepared when a worker picks it up (its parameters read, its body built), so the
 * first request leaves after the first item is prepared, not after all of them. The number of
 * items in progress is larger than the number of requests in flight: an item waiting for a retry
 * holds no request slot (the scheduler's), so others keep the rate up meanwhile.
 *
 * With `stopAtFirstError`, no new item is started after a failure, but the items in progress run
 * to their end before this returns: every request that left is accounted for. The same once
 * `cancelled()` (the execution was stopped); items never started stay undefined.
 *
 * Items start in input order, or in the order `order` hands them out (Create or Update starts
 * the rows whose customer its index read has found first); either way each index exactly once.
 */
export type ItemResult<T> = { ok: true; value: T } | { ok: false; error: unknown } | undefined;

export interface RunItemsOptions {
	/** Start no new item once one failed (the node will fail). */
	stopAtFirstError: boolean;
	/** Start no new item once this is true (the execution was cancelled). */
	cancelled?: () => boolean;
	/** The index of the next item to start; undefined when none is left. Default: 0, 1, 2 ... */
	order?: () => Promise<number | undefined>;
	/** Awaited before each item starts (a pause that lets the event loop run: clock.ts eventLoopBreather). */
	breathe?: () => Promise<void>;
}

export async function runItems<T>(
	count: number,
	workers: number,
	work: (index: number) => Promise<T>,
	{ stopAtFirstError, cancelled = () => false, order, breathe }: RunItemsOptions,
): Promise<Array<ItemResult<T>>> {
	const results: Array<ItemResult<T>> = new Array<ItemResult<T>>(count);
	let next = 0;
	const nextIndex = order ?? (async () => (next < count ? next++ : undefined));
	let stopped = false;
	const worker = async () => {
		while (!stopped && !cancelled()) {
			if (breathe) await breathe();
			const index = await nextIndex();
			if (index === undefined || stopped || cancelled()) return;
			try {
				results[index] = { ok: true, value: await work(index) };
			} catch (error) {
				results[index] = { ok: false, error };
				if (stopAtFirstError) stopped = true;
			}
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, count)) }, worker));
	return results;
}
