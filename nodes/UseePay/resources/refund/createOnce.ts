import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { buildBody } from '../../shared/body';
import type { Answer, Failure } from '../../shared/bulk/client';
import { failureOf } from '../../shared/bulk/client';
import type { BulkRun } from '../../shared/bulk/n8n';
import { IDEMPOTENCY_METADATA_FIELD, idempotencyKeyOf, withIdempotencyKey } from '../../shared/idempotencyKey';
import type { Lookup, PrepareMove } from '../../shared/moneyMoves';
import type { PageAnswer } from '../../../shared/pagination';
import { pageAnswer, pagingFailure, readList } from '../../../shared/pagination';
import { create } from './create';
import { getMany } from './getAll';

/**
 * Refund → Create, at most once per idempotency key (shared/moneyMoves.ts): UseePay makes a new
 * refund for every request it gets, so the payment's refunds are read first, and a refund that
 * carries the item's key in its metadata is the item's output instead of a second refund.
 */

/** The refund of `paymentIntentId` whose metadata holds `key`, read from the payment's refunds. */
function refundLookup(
	ctx: IExecuteFunctions,
	run: BulkRun,
	paymentIntentId: string,
	key: string,
): () => Promise<Lookup> {
	const isOurs = (refund: IDataObject) =>
		String(refund.payment_intent_id ?? '') === paymentIntentId &&
		String((refund.metadata as IDataObject | null | undefined)?.[IDEMPOTENCY_METADATA_FIELD] ?? '') === key;
	type Failed = { failed: Failure; attempts: number };
	const pages = async (qs: IDataObject): Promise<PageAnswer<Failed>> => {
		const result = await run.client.send({ method: 'GET', path: getMany.path as string, qs }, { idempotent: true });
		const outcome = result.outcome as Answer | Failure;
		const failed = () => ({ failed: failureOf(outcome), attempts: result.attempts });
		if (outcome.kind !== 'answer') return { failed: failed() };
		return pageAnswer(outcome.statusCode, outcome.body, failed);
	};
	return async () => {
		// Sent through the run's scheduler (paced there). An empty first page is asked for again
		// under the other page_num reading until page 0 has answered objects: a missed refund
		// would be refunded again. Should UseePay ignore the filter, every refund is read and
		// matched here: slower, still right.
		const options = { pace: false as const, query: { payment_intent_id: paymentIntentId } };
		try {
			for await (const page of readList(pages, run.paging, options)) {
				if ('failed' in page) return page.failed;
				const found = page.items.find(isOurs);
				if (found) return { found };
			}
			return { found: undefined };
		} catch (error) {
			return { failed: { kind: 'failure', failure: 'error', error: pagingFailure(ctx.getNode(), error) }, attempts: 1 };
		}
	};
}

export const prepareRefund: PrepareMove = (ctx, run, i) => {
	const parameters = run.parameters(i);
	const built = buildBody(parameters, create.body ?? {});
	const paymentIntentId = String(built.payment_intent_id);
	const key = idempotencyKeyOf(ctx, parameters, built);
	const check = `run Refund → Get Many with Payment Intent ID ${paymentIntentId}: a refund whose metadata ${IDEMPOTENCY_METADATA_FIELD} is "${key}" is this item's. Running the node again with Idempotency Key "${key}" refunds only if there is none`;
	return {
		request: { method: 'POST', path: create.path as string, body: withIdempotencyKey(built, key) },
		find: refundLookup(ctx, run, paymentIntentId, key),
		lookFirst: true,
		serialKey: `${paymentIntentId}\n${key}`,
		noun: 'refund',
		pastTense: 'refunded',
		howToCheck: check,
	};
};
