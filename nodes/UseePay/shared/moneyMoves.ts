import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { domainFailureError } from '../../shared/errors';
import type { BulkRequest, Failure, Reconciled } from './bulk/client';
import { failureOf, isSuccess } from './bulk/client';
import type { BulkOptions, BulkRun } from './bulk/n8n';
import { failureError, runBulk, withNote } from './bulk/n8n';
import type { CodeRun } from './resource';

/**
 * Operations that move money (Refund Create, Payment Intent Capture and Confirm, Invoice Pay)
 * send at most one money movement per item, whatever retries happen: the node's own retries
 * after a 5xx or a lost answer, n8n's Retry On Fail (which runs the node again on the same
 * items), a manual re-run, an AI agent repeating a call. UseePay documents no idempotency
 * header, so each operation says how to find the movement it would make (`find`):
 *
 * - a refund carries the item's idempotency key in its metadata; UseePay refunds again whenever
 *   asked, so the payment's refunds are looked up before sending (`lookFirst`);
 * - capture, confirm and pay are state transitions that UseePay refuses in the wrong state (a
 *   captured payment intent is not captured again): the object's state is looked up when the
 *   request is refused, and after an unclear failure (a 5xx, a lost answer) before sending again.
 *
 * Found: the object is the item's output, with `action: 'already_done'` when the node did not
 * move the money itself. When nothing can tell (the lookup fails too), the item fails saying the
 * money may have moved and how to check.
 */

/** What a lookup found: the movement already made (its object), none, or the lookup failed. */
export type Lookup = { found: IDataObject | undefined } | { failed: Failure; attempts: number };

export interface MoneyMove {
	/** The POST that moves the money. */
	request: BulkRequest;
	/** Looks the movement up: the object when it was made. */
	find: () => Promise<Lookup>;
	/** Look before sending (refunds: nothing else stops a second one). */
	lookFirst: boolean;
	/** Items with the same key run one after the other, so the second finds the first's movement. */
	serialKey: string;
	/** For messages, e.g. 'refund' ("The refund may have gone through"). */
	noun: string;
	/** What was not done, for "Nothing was refunded". */
	pastTense: string;
	/** How to check by hand whether it went through, and how to run it again safely. */
	howToCheck: string;
	/** The object a failed payment inside a 200 answer is reported for ('payment intent', 'invoice'). */
	paymentOf?: string;
}

/** Reads and checks one item's parameters (bad input fails here, before any request). */
export type PrepareMove = (ctx: IExecuteFunctions, run: BulkRun, itemIndex: number) => MoneyMove;

/** Marks an object the node found already made instead of making it. */
export const alreadyDone = (object: IDataObject): IDataObject => ({ ...object, action: 'already_done' });

/** The node's `run` of a money-moving operation (options: tests pass a clock and a faster rate). */
export function moneyMoveRun(prepare: PrepareMove, options: BulkOptions = {}): CodeRun {
	return async function (this: IExecuteFunctions) {
		const queue = new KeyedQueue();
		return await runBulk(
			this,
			async (run, i) => {
				const move = prepare(this, run, i);
				return await queue.run(move.serialKey, async () => await moveOnce(this, run, move, i));
			},
			options,
		);
	};
}

/** One item's money movement: looked up, sent at most once, its outcome told plainly. */
async function moveOnce(ctx: IExecuteFunctions, run: BulkRun, move: MoneyMove, i: number): Promise<IDataObject> {
	if (move.lookFirst) {
		const before = await move.find();
		if ('failed' in before) {
			const error = failureError(ctx, before.failed, i, before.attempts);
			const note = `Could not check whether the ${move.noun} was already made, so none was sent now: ${move.howToCheck}`;
			throw withNote(error, note);
		}
		if (before.found) return alreadyDone(before.found);
	}
	// What the last lookup said, for the error should the request fail in the end.
	let lastCheck: 'moved' | 'not moved' | 'failed' | undefined;
	const check = async (): Promise<Reconciled<IDataObject>> => {
		const lookup = await move.find();
		if ('failed' in lookup) {
			lastCheck = 'failed';
			return lookup;
		}
		lastCheck = lookup.found ? 'moved' : 'not moved';
		return lookup.found ? { applied: true, value: lookup.found } : { applied: false };
	};
	const result = await run.client.send(move.request, { idempotent: false, reconcile: check });
	const { outcome } = result;
	// Found after an unclear failure of our own request: it landed.
	if (outcome.kind === 'reconciled') return succeeded(ctx, move, outcome.value, 200, i);
	if (outcome.kind === 'answer' && isSuccess(outcome)) {
		const object = outcome.body && typeof outcome.body === 'object' ? (outcome.body as IDataObject) : {};
		return succeeded(ctx, move, object, outcome.statusCode, i);
	}
	const failure = failureOf(outcome);
	// Refused: a state transition in the wrong state (done before?), or any request after an
	// unclear attempt of ours (which may have landed). A thrown error says nothing either. Look.
	const refused = outcome.kind === 'answer' && (!move.lookFirst || result.ambiguous);
	if (refused || (failure.failure === 'error' && failure.statusCode === undefined)) {
		const after = await check();
		// Ours, unless UseePay refused a request of which none had been unclear: then it was done before.
		const before = refused && !result.ambiguous;
		if ('applied' in after && after.applied) return before ? alreadyDone(after.value) : after.value;
	}
	const error = failureError(ctx, failure, i, result.attempts);
	if (lastCheck === 'failed' && (result.ambiguous || !refused)) {
		const note = `The ${move.noun} may have gone through (its outcome was left open and the check failed): ${move.howToCheck}`;
		throw withNote(error, note);
	}
	if (!refused && (failure.failure !== 'error' || lastCheck === 'not moved')) {
		const checked = lastCheck === 'not moved' ? ' (checked after the last attempt)' : '';
		throw withNote(error, `Nothing was ${move.pastTense}${checked}: running it again is safe`);
	}
	throw error;
}

/** A money movement that UseePay answered (or that was found after our request): a failed payment fails. */
function succeeded(
	ctx: IExecuteFunctions,
	move: MoneyMove,
	object: IDataObject,
	statusCode: number,
	i: number,
): IDataObject {
	if (move.paymentOf) {
		const failed = domainFailureError(ctx.getNode(), object, move.paymentOf, statusCode, i);
		if (failed) throw failed;
	}
	return object;
}

/** Runs tasks with the same key one after another, in arrival order; other keys run alongside. */
export class KeyedQueue {
	private readonly tails = new Map<string, Promise<unknown>>();

	async run<T>(key: string, task: () => Promise<T>): Promise<T> {
		const current = (this.tails.get(key) ?? Promise.resolve()).then(task, task);
		const tail = current.catch(() => undefined);
		this.tails.set(key, tail);
		try {
			return await current;
		} finally {
			if (this.tails.get(key) === tail) this.tails.delete(key);
		}
	}
}
