import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Answer, BulkClient, Failure, Reconciled, SendResult } from '../../shared/bulk/client';
import type { BulkRun } from '../../shared/bulk/n8n';
import { failureError, withNote } from '../../shared/bulk/n8n';
import { fillPath, idProblem } from '../../../shared/ids';
import { isDuplicateAnswer } from '../../../shared/duplicate';
import type { PageAnswer } from '../../../shared/listPage';
import { pageAnswer } from '../../../shared/listPage';
import { pagingFailure, readList } from '../../../shared/pagination';
import type { HttpMethod, OperationSpec } from '../../shared/resource';
import type { MatchOn } from './customerIndex';
import { create } from './create';
import { getMany } from './getAll';
import { update } from './update';

/**
 * The customer calls of the code operations (writes.ts), through the bulk client (scheduler and
 * retries, shared/bulk/), with the method, path and body of the operations that name them:
 * Create's, Update's and Get Many's specs.
 */
/** Customers found, or the failure of the lookup (after its retries). */
type Lookup = { customers: IDataObject[] } | { failed: Failure; attempts: number };

/** A failed list request: its last failure and how many attempts it took. */
type Failed = { failure: Failure; attempts: number };

/**
 * What a create came to: made by this request; found after an unclear failure (a lost answer,
 * a 5xx) with a customer holding its Merchant Customer ID, which may or may not carry the row's
 * data (see `carries`); or refused as already existing.
 */
type Created =
	| { kind: 'created'; customer: IDataObject }
	| { kind: 'found'; customer: IDataObject }
	| { kind: 'exists'; result: SendResult<unknown> };

/** The method and path of an operation's call, its `{customerId}` filled (checked and encoded, ids.ts). */
function callOf(op: OperationSpec, ids: Record<string, string> = {}): { method: HttpMethod; path: string } {
	return { method: op.method as HttpMethod, path: fillPath(op.path as string, ids) };
}

const isOk = (answer: Answer) => answer.statusCode >= 200 && answer.statusCode < 300;
const asObject = (body: unknown): IDataObject =>
	body && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : {};

/** The failure of a request that ended without a 2xx. */
function failureOf(outcome: SendResult<unknown>['outcome']): Failure {
	if (outcome.kind === 'failure') return outcome;
	const answer = outcome as Answer;
	return { kind: 'failure', failure: 'error', statusCode: answer.statusCode, body: answer.body };
}

/** A sent value as UseePay may keep it: case, spaces and punctuation aside (an email lower-cased, a phone formatted). */
const normalised = (value: unknown) =>
	String(value)
		.toLowerCase()
		.replace(/[\s\-().]/g, '');

/**
 * Whether the stored customer is the one we sent (objects field by field): a create found
 * applied after an unclear failure is only "done" when it is; a customer that someone else made
 * (or changed) is not the row's data. A field UseePay did not keep (absent, null or empty) says
 * nothing either way, and a kept one counts as ours when it differs only in case, spaces or
 * punctuation (UseePay may normalise what it stores); any other difference is someone else's.
 */
export function carries(stored: unknown, sent: unknown): boolean {
	if (stored === undefined || stored === null || stored === '') return true;
	if (Array.isArray(sent)) {
		return Array.isArray(stored) && stored.length === sent.length && sent.every((v, i) => carries(stored[i], v));
	}
	if (sent !== null && typeof sent === 'object') {
		if (typeof stored !== 'object') return false;
		return Object.entries(sent).every(([key, value]) => carries((stored as IDataObject)[key], value));
	}
	return normalised(stored) === normalised(sent);
}

/**
 * One page of the customer list through the bulk client (for the index read and lookups that
 * fall back to the whole list), as readList wants it.
 */
export function customerPages(client: BulkClient, urgent: boolean) {
	return async (qs: IDataObject): Promise<PageAnswer<Failed>> => {
		const result = await client.send({ ...callOf(getMany), qs }, { idempotent: true, urgent });
		const { outcome } = result;
		const failed = () => ({ failure: failureOf(outcome), attempts: result.attempts });
		if (outcome.kind !== 'answer') return { failed: failed() };
		return pageAnswer(outcome.statusCode, outcome.body, failed);
	};
}

export class CustomerCalls {
	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly run: BulkRun,
		private readonly itemIndex: number,
	) {}

	/** The error of a request that got no 2xx. */
	error(result: SendResult<unknown>): Error {
		return failureError(this.ctx, failureOf(result.outcome), this.itemIndex, result.attempts);
	}

	/**
	 * The error of a create whose customer exists already, as UseePay's `already_exists` whatever
	 * shape UseePay answered in (an E11000 message keeps its text); without an answer (a customer
	 * found after an unclear failure, with other data) what UseePay answers such a create.
	 */
	alreadyExists(mci: string, result?: SendResult<unknown>): Error {
		const answer = result?.outcome.kind === 'answer' ? result.outcome : undefined;
		const body = asObject(answer?.body);
		if (result && body.code === 'already_exists') return this.error(result);
		const said = body.message ? ` (UseePay: ${String(body.message)})` : '';
		const duplicate = {
			code: 'already_exists',
			source: 'merchant_customer_id',
			message: `A customer with merchant_customer_id ${mci} already exists${said}`,
		};
		const failure: Failure = {
			kind: 'failure',
			failure: 'error',
			statusCode: answer?.statusCode ?? 400,
			body: duplicate,
		};
		return failureError(this.ctx, failure, this.itemIndex, 1);
	}

	/**
	 * The customers whose `field` equals `value`: GET /api/v1/customers?{field}={value} with a page
	 * of 2, one request; each customer is checked here, so a UseePay that ignores the filter never
	 * makes the node take another customer: when one on that page does not match, the whole list
	 * is read page by page instead and matched here. `thorough`: an empty answer is checked under
	 * the other page_num reading too (readList's checkEmptyFirstPage); needed for email, whose
	 * duplicates UseePay does not refuse. A merchant_customer_id lookup skips that request: should
	 * it miss a customer, UseePay refuses the create as a duplicate and the thorough lookup follows.
	 */
	async find(field: MatchOn, value: string, thorough = field === 'email'): Promise<Lookup> {
		const matches = (customer: IDataObject) =>
			field === 'email'
				? String(customer.email ?? '').toLowerCase() === value.toLowerCase()
				: String(customer.merchant_customer_id ?? '') === value;
		const pages = customerPages(this.run.client, false);
		const options = { pace: false as const, checkEmptyFirstPage: thorough };
		try {
			for await (const page of readList(pages, this.run.paging, { ...options, query: { [field]: value }, limit: 2 })) {
				if ('failed' in page) return { failed: page.failed.failure, attempts: page.failed.attempts };
				const found = page.items.filter(matches);
				if (found.length === page.items.length) return { customers: found };
				break;
			}
			const all: IDataObject[] = [];
			for await (const page of readList(pages, this.run.paging, options)) {
				if ('failed' in page) return { failed: page.failed.failure, attempts: page.failed.attempts };
				all.push(...page.items.filter(matches));
			}
			return { customers: all };
		} catch (error) {
			const failure: Failure = { kind: 'failure', failure: 'error', error: pagingFailure(this.ctx.getNode(), error) };
			return { failed: failure, attempts: 1 };
		}
	}

	/** The first customer found (a thorough lookup), or the item's error when the lookup failed. */
	async findOne(field: MatchOn, value: string): Promise<IDataObject | undefined> {
		const lookup = await this.find(field, value, true);
		if ('failed' in lookup) throw failureError(this.ctx, lookup.failed, this.itemIndex, lookup.attempts);
		return lookup.customers[0];
	}

	/**
	 * POST /api/v1/customers/create. Retried after a rate limit; after a server error or a lost
	 * answer it is sent again only once a lookup by merchant_customer_id shows it did not happen
	 * (that lookup is made even with Max Retries 0). A duplicate (`already_exists` or E11000,
	 * isDuplicateAnswer) after such an ambiguous attempt may be our earlier attempt: the customer
	 * is looked up and returned as found.
	 */
	async create(body: IDataObject): Promise<Created> {
		const mci = String(body.merchant_customer_id);
		const reconcile = async (): Promise<Reconciled<IDataObject>> => {
			const lookup = await this.find('merchant_customer_id', mci);
			if ('failed' in lookup) return lookup;
			return lookup.customers.length ? { applied: true, value: lookup.customers[0] } : { applied: false };
		};
		const result = await this.run.client.send({ ...callOf(create), body }, { idempotent: false, reconcile });
		const { outcome } = result;
		if (outcome.kind === 'reconciled') return { kind: 'found', customer: outcome.value };
		if (outcome.kind === 'answer' && isOk(outcome)) return { kind: 'created', customer: asObject(outcome.body) };
		if (outcome.kind === 'answer' && isDuplicateAnswer(outcome.body)) {
			if (!result.ambiguous) return { kind: 'exists', result };
			const found = await this.findOne('merchant_customer_id', mci);
			if (found) return { kind: 'found', customer: found };
		}
		throw this.error(result);
	}

	/** An id UseePay answered with, checked before it is used or shown (a skipped row, a preview). */
	checkAnsweredId(id: string): void {
		const problem = idProblem(id);
		if (problem) {
			throw new NodeOperationError(this.ctx.getNode(), `UseePay answered with a customer ID that ${problem}`, {
				itemIndex: this.itemIndex,
			});
		}
	}

	/**
	 * POST /api/v1/customers/{id}: the same body twice sets the same fields, so it is retried.
	 * The id is the user's (already checked by readId) or one UseePay answered with: checked here,
	 * so that not even a wrong answer can send the update to another path.
	 */
	async update(id: string, body: IDataObject): Promise<IDataObject> {
		this.checkAnsweredId(id);
		const result = await this.run.client.send({ ...callOf(update, { customerId: id }), body }, { idempotent: true });
		if (result.outcome.kind === 'answer' && isOk(result.outcome)) return asObject(result.outcome.body);
		const error = this.error(result);
		// An attempt failed unclearly (a 5xx, a lost answer) and no answer followed: it may have landed.
		if (result.outcome.kind === 'failure' && result.ambiguous) {
			const check = `run Customer → Get for ${id} to see; sending it again is safe, it sets the same fields`;
			throw withNote(error, `The update may have gone through: ${check}`);
		}
		throw error;
	}
}

/** Customer → Create: the created customer, as routing returned it. */
