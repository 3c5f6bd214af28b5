import type { IDataObject } from 'n8n-workflow';

import { fillPath } from '../../shared/ids';
import { buildBody } from './body';
import type { Answer, Failure } from './bulk/client';
import { failureOf, isSuccess } from './bulk/client';
import type { BulkRun } from './bulk/n8n';
import { readId } from './checks';
import type { Lookup, PrepareMove } from './moneyMoves';
import type { OperationSpec } from './resource';

/**
 * Money moves that are state transitions of one object (Payment Intent Capture and Confirm,
 * Invoice Pay): UseePay refuses them in the wrong state, so a second capture of a captured
 * payment intent is refused, not made. The object's status says whether the money moved; it is
 * read (Get) when UseePay refuses the request or after an unclear failure (moneyMoves.ts), never
 * before a plain first attempt: the usual item costs the one request it always did.
 */

const asObject = (body: unknown): IDataObject =>
	body && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : {};

/** GET the object: found when its status is one of `done` (the money moved). */
export function stateLookup(run: BulkRun, path: string, done: string[]): () => Promise<Lookup> {
	return async () => {
		const result = await run.client.send({ method: 'GET', path }, { idempotent: true });
		const outcome = result.outcome as Answer | Failure;
		if (outcome.kind === 'answer' && isSuccess(outcome)) {
			const object = asObject(outcome.body);
			const status = String(object.status ?? '').toLowerCase();
			return { found: done.includes(status) ? object : undefined };
		}
		return { failed: failureOf(outcome), attempts: result.attempts };
	};
}

export interface TransitionSpec {
	/** The operation (its POST path names the object: `{<idParameter>}`). */
	op: OperationSpec;
	/** The resource locator of the object, e.g. paymentIntentId. */
	idParameter: string;
	/** The object's Get path, e.g. /api/v1/payment_intents/{paymentIntentId}. */
	objectPath: string;
	/** Statuses in which the money has moved (lower case). */
	done: string[];
	noun: string;
	pastTense: string;
	/** How to check by hand, given the object's ID. */
	howToCheck: (id: string) => string;
	/** The object a failed payment inside a 200 answer is reported for. */
	paymentOf: string;
}

/** The item's state transition, its parameters read and checked like the routed operation's. */
export function transitionMove(spec: TransitionSpec): PrepareMove {
	return (_ctx, run, i) => {
		const parameters = run.parameters(i);
		const id = readId(parameters, spec.idParameter);
		const body = buildBody(parameters, spec.op.body ?? {});
		const ids = { [spec.idParameter]: id };
		return {
			// An empty body is left out, as routing does (UseePay reads none as {}).
			request: {
				method: 'POST',
				path: fillPath(spec.op.path as string, ids),
				...(Object.keys(body).length ? { body } : {}),
			},
			find: stateLookup(run, fillPath(spec.objectPath, ids), spec.done),
			lookFirst: false,
			serialKey: id,
			noun: spec.noun,
			pastTense: spec.pastTense,
			howToCheck: spec.howToCheck(id),
			paymentOf: spec.paymentOf,
		};
	};
}
