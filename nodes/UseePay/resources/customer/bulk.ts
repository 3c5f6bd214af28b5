import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { buildBody, invalidInput, readId } from '../../shared/body';
import type { Answer, BulkClient, Failure, Reconciled, SendResult } from '../../shared/bulk/client';
import type { Clock } from '../../shared/bulk/clock';
import type { BulkRun } from '../../shared/bulk/n8n';
import { failureError, runBulk } from '../../shared/bulk/n8n';
import { idProblem } from '../../shared/ids';
import type { PageAnswer } from '../../shared/pagination';
import { readList, readListPage, refusedPagingParameter } from '../../shared/pagination';
import type { MatchOn, Resolution, RowKey } from './customerIndex';
import { CustomerIndex, keyOf } from './customerIndex';
import { CUSTOMER_ENDPOINTS, customerPath } from './endpoints';

/**
 * Customer Create, Update and Create or Update run as code (the node's `customOperations`), not
 * through n8n's declarative routing: CRM syncs send thousands of items, and routing would prepare
 * them all before sending the first and then send them in one burst. Here each item is prepared
 * when its turn comes, and every request goes through the shared scheduler and retry policy
 * (shared/bulk/). The other customer operations stay declarative.
 */
type Action = 'created' | 'updated';

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

const isOk = (answer: Answer) => answer.statusCode >= 200 && answer.statusCode < 300;
const errorCode = (body: unknown) => (body && typeof body === 'object' ? (body as IDataObject).code : undefined);
const asObject = (body: unknown): IDataObject =>
	body && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : {};

/** The failure of a request that ended without a 2xx. */
function failureOf(outcome: SendResult<unknown>['outcome']): Failure {
	if (outcome.kind === 'failure') return outcome;
	const answer = outcome as Answer;
	return { kind: 'failure', failure: 'error', statusCode: answer.statusCode, body: answer.body };
}

/**
 * Whether the stored customer holds every field of a body we sent (objects field by field):
 * a create found applied after an unclear failure is only "done" when it does; a customer that
 * someone else made (or changed) is not the row's data.
 */
export function carries(stored: unknown, sent: unknown): boolean {
	if (Array.isArray(sent)) {
		return Array.isArray(stored) && stored.length === sent.length && sent.every((v, i) => carries(stored[i], v));
	}
	if (sent !== null && typeof sent === 'object') {
		if (stored === null || typeof stored !== 'object') return false;
		return Object.entries(sent).every(([key, value]) => carries((stored as IDataObject)[key], value));
	}
	return stored === sent || (stored !== undefined && stored !== null && String(stored) === String(sent));
}

/**
 * One page of the customer list through the bulk client (for the index read and lookups that
 * fall back to the whole list), as readList wants it.
 */
function customerPages(client: BulkClient, urgent: boolean) {
	return async (qs: IDataObject): Promise<PageAnswer<Failed>> => {
		const { method, path } = CUSTOMER_ENDPOINTS.list;
		const result = await client.send({ method, path, qs }, { idempotent: true, urgent });
		const { outcome } = result;
		if (outcome.kind === 'answer' && isOk(outcome)) return { page: readListPage(outcome.body) };
		const failed = { failure: failureOf(outcome), attempts: result.attempts };
		const refused =
			outcome.kind === 'answer' ? refusedPagingParameter(outcome.statusCode, asObject(outcome.body)) : undefined;
		return refused ? { refused, failed } : { failed };
	};
}

class CustomerCalls {
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
	 * The customers whose `field` equals `value`: GET /api/v1/customers?{field}={value}, one
	 * request. Should UseePay ignore the filter (customers come back that don't match), the whole
	 * list is read page by page instead (ceil(customers / 100) more requests).
	 */
	async find(field: MatchOn, value: string): Promise<Lookup> {
		const matches = (customer: IDataObject) =>
			field === 'email'
				? String(customer.email ?? '').toLowerCase() === value.toLowerCase()
				: String(customer.merchant_customer_id ?? '') === value;
		const pages = customerPages(this.run.client, false);
		const first = await pages({ [field]: value, page_num: this.run.paging.firstPage, page_size: 2 });
		if ('failed' in first) return { failed: first.failed.failure, attempts: first.failed.attempts };
		const found = first.page.items.filter(matches);
		if (found.length === first.page.items.length) return { customers: found };
		const all: IDataObject[] = [];
		for await (const page of readList(pages, this.run.paging)) {
			if ('failed' in page) return { failed: page.failed.failure, attempts: page.failed.attempts };
			all.push(...page.items.filter(matches));
		}
		return { customers: all };
	}

	/** The first customer found, or the item's error when the lookup failed. */
	async findOne(field: MatchOn, value: string): Promise<IDataObject | undefined> {
		const lookup = await this.find(field, value);
		if ('failed' in lookup) throw failureError(this.ctx, lookup.failed, this.itemIndex, lookup.attempts);
		return lookup.customers[0];
	}

	/**
	 * POST /api/v1/customers/create. Retried after a rate limit; after a server error or a lost
	 * answer it is sent again only once a lookup by merchant_customer_id shows it did not happen
	 * (that lookup is made even with Max Retries 0). `already_exists` after such an ambiguous
	 * attempt may be our earlier attempt: the customer is looked up and returned as found.
	 */
	async create(body: IDataObject): Promise<Created> {
		const mci = String(body.merchant_customer_id);
		const reconcile = async (): Promise<Reconciled<IDataObject>> => {
			const lookup = await this.find('merchant_customer_id', mci);
			if ('failed' in lookup) return lookup;
			return lookup.customers.length ? { applied: true, value: lookup.customers[0] } : { applied: false };
		};
		const { method, path } = CUSTOMER_ENDPOINTS.create;
		const result = await this.run.client.send({ method, path, body }, { idempotent: false, reconcile });
		const { outcome } = result;
		if (outcome.kind === 'reconciled') return { kind: 'found', customer: outcome.value };
		if (outcome.kind === 'answer' && isOk(outcome)) return { kind: 'created', customer: asObject(outcome.body) };
		if (outcome.kind === 'answer' && errorCode(outcome.body) === 'already_exists') {
			if (!result.ambiguous) return { kind: 'exists', result };
			const found = await this.findOne('merchant_customer_id', mci);
			if (found) return { kind: 'found', customer: found };
		}
		throw this.error(result);
	}

	/**
	 * POST /api/v1/customers/{id}: the same body twice sets the same fields, so it is retried.
	 * The id is the user's (already checked by readId) or one UseePay answered with: checked here,
	 * so that not even a wrong answer can send the update to another path.
	 */
	async update(id: string, body: IDataObject): Promise<IDataObject> {
		const problem = idProblem(id);
		if (problem) {
			throw new NodeOperationError(this.ctx.getNode(), `UseePay answered with a customer ID that ${problem}`, {
				itemIndex: this.itemIndex,
			});
		}
		const { method } = CUSTOMER_ENDPOINTS.update;
		const result = await this.run.client.send({ method, path: customerPath(id), body }, { idempotent: true });
		if (result.outcome.kind === 'answer' && isOk(result.outcome)) return asObject(result.outcome.body);
		throw this.error(result);
	}
}

/** Customer → Create: the created customer, as routing returned it. */
export function customerCreateWith(clock?: Clock) {
	return async function customerCreate(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runBulk(
			this,
			async (run: BulkRun, i) => {
				const body = buildBody(run.parameters(i), CUSTOMER_ENDPOINTS.create.body);
				const api = new CustomerCalls(this, run, i);
				const created = await api.create(body);
				if (created.kind === 'created') return created.customer;
				if (created.kind === 'found' && carries(created.customer, body)) return created.customer;
				if (created.kind === 'exists') throw api.error(created.result);
				// Found after an unclear failure, but with other data: it was there before; our create
				// was refused or never arrived. What UseePay answers such a create:
				const message = `A customer with merchant_customer_id ${String(body.merchant_customer_id)} already exists`;
				throw failureError(
					this,
					{
						kind: 'failure',
						failure: 'error',
						statusCode: 400,
						body: { code: 'already_exists', source: 'merchant_customer_id', message },
					},
					i,
					1,
				);
			},
			{ clock },
		);
	};
}

/** Customer → Update: the updated customer. */
export function customerUpdateWith(clock?: Clock) {
	return async function customerUpdate(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runBulk(
			this,
			async (run: BulkRun, i) => {
				const parameters = run.parameters(i);
				const id = readId(parameters, 'customerId');
				const body = buildBody(parameters, CUSTOMER_ENDPOINTS.update.body);
				return await new CustomerCalls(this, run, i).update(id, body);
			},
			{ clock },
		);
	};
}

/** A row's Match On and key, read ahead for the index (undefined: left to the row's own turn). */
function rowKey(run: BulkRun, row: number): RowKey | undefined {
	try {
		const parameters = run.parameters(row);
		const matchOn = parameters.getNodeParameter('matchOn', 'merchant_customer_id');
		if (matchOn !== 'merchant_customer_id' && matchOn !== 'email') return undefined;
		const value = parameters.getNodeParameter(matchOn, '');
		if ((typeof value !== 'string' && typeof value !== 'number') || String(value) === '') return undefined;
		return keyOf(matchOn, String(value));
	} catch {
		return undefined; // the row's turn reports the error
	}
}

/**
 * Reads the customer list into the index (pages first in the scheduler's queue: rows wait for
 * them), and decides when to stop: at the end of the list; as soon as every row keyed by
 * Merchant Customer ID has been found and none is keyed by email; or, for an account of more
 * than 100 customers per row, after as many pages as there are rows (looking the rest up one by
 * one is cheaper then). When the answer says how long the list is (`total`), that decides at the
 * first page. A list that cannot be read leaves the rows to their own lookups.
 */
async function readIndex(index: CustomerIndex, run: BulkRun): Promise<void> {
	let pages = 0;
	try {
		for await (const page of readList(customerPages(run.client, true), run.paging)) {
			if ('failed' in page || index.closed) break;
			index.add(page);
			pages++;
			if (!page.hasMore || index.pending === 0) {
				index.complete();
				return;
			}
			const pagesNeeded = page.total === undefined ? pages : Math.ceil(page.total / Math.max(1, page.items.length));
			if (pagesNeeded > run.itemCount || pages >= run.itemCount) break;
		}
	} catch {
		// Cancelled, or an answer we could not read: the rows look themselves up.
	}
	index.abandon();
}

/**
 * Customer → Create or Update: each row's customer is found by merchant_customer_id (or email),
 * updated when found, created otherwise; the output is the customer with
 * `action: 'created' | 'updated'`. With two rows or more, the account's customer list is read
 * once (readIndex) and each row then costs one write; a single row is looked up on its own
 * (GET with the filter, then the write).
 */
export function customerCreateOrUpdateWith(clock?: Clock) {
	return async function customerCreateOrUpdate(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		let index: CustomerIndex | undefined;
		let reading: Promise<void> = Promise.resolve();
		const plan = async (run: BulkRun) => {
			if (run.itemCount < 2) return undefined;
			const built = new CustomerIndex(Array.from({ length: run.itemCount }, (_, row) => rowKey(run, row)));
			run.signal?.addEventListener('abort', () => built.close(), { once: true });
			index = built;
			reading = readIndex(built, run);
			return built.next;
		};
		try {
			return await runBulk(this, async (run, i) => await createOrUpdateRow(this, run, i, index), { clock, plan });
		} finally {
			index?.close();
			await reading;
		}
	};
}

async function createOrUpdateRow(
	ctx: IExecuteFunctions,
	run: BulkRun,
	i: number,
	index: CustomerIndex | undefined,
): Promise<IDataObject> {
	const parameters = run.parameters(i);
	const matchOn = parameters.getNodeParameter('matchOn', 'merchant_customer_id') as MatchOn;
	if (matchOn !== 'merchant_customer_id' && matchOn !== 'email') {
		throw invalidInput(parameters, 'matchOn', `must be merchant_customer_id or email, not '${String(matchOn)}'`);
	}
	const body = buildBody(parameters, {
		required: matchOn === 'email' ? ['merchant_customer_id', 'email'] : ['merchant_customer_id'],
		collection: 'additionalFields',
	});
	const mci = String(body.merchant_customer_id);
	const key = keyOf(matchOn, String(body[matchOn]));
	const api = new CustomerCalls(ctx, run, i);
	// Update bodies leave merchant_customer_id out: UseePay's update takes the other fields.
	const changes = { ...body };
	delete changes.merchant_customer_id;
	const updated = async (id: string) => ({ ...(await api.update(id, changes)), action: 'updated' as Action });

	const indexed = index?.keyOf(i);
	const known = indexed && indexed.field === key.field && indexed.value === key.value;
	let resolution: Resolution = known && index ? index.resolutionOf(i) : { kind: 'lookup' };
	if (resolution.kind === 'lookup') {
		const lookup = await api.find(matchOn, String(body[matchOn]));
		if ('failed' in lookup) throw failureError(ctx, lookup.failed, i, lookup.attempts);
		const ids = lookup.customers.map((customer) => String(customer.id));
		resolution = ids.length ? { kind: 'found', ids } : { kind: 'absent' };
	}
	if (resolution.kind === 'found' && resolution.ids.length > 1) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${resolution.ids.length} UseePay customers have the email '${String(body[matchOn])}'`,
			{ itemIndex: i, description: 'Match on Merchant Customer ID instead, or make the email addresses unique.' },
		);
	}
	if (resolution.kind === 'found') return await updated(resolution.ids[0]);

	const created = await api.create(body);
	if (created.kind === 'created') return { ...created.customer, action: 'created' as Action };
	// Found after an unclear failure: ours when it carries the row's fields, else they are sent.
	if (created.kind === 'found') {
		if (carries(created.customer, body)) return { ...created.customer, action: 'created' as Action };
		return await updated(String(created.customer.id));
	}
	// already_exists: created meanwhile (after the index was read, or by another run), or matched
	// on email and another customer holds this merchant_customer_id: that customer is updated.
	const existing = await api.findOne('merchant_customer_id', mci);
	if (!existing) {
		throw new NodeOperationError(ctx.getNode(), `UseePay says customer '${mci}' exists but does not list it`, {
			itemIndex: i,
		});
	}
	return await updated(String(existing.id));
}

export const customerCreate = customerCreateWith();
export const customerUpdate = customerUpdateWith();
export const customerCreateOrUpdate = customerCreateOrUpdateWith();
