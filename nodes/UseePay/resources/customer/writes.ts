import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { buildBody } from '../../shared/body';
import { invalidInput, readId } from '../../shared/checks';
import type { Clock } from '../../shared/bulk/clock';
import type { BulkRun } from '../../shared/bulk/n8n';
import { failureError, runBulk } from '../../shared/bulk/n8n';
import { readList } from '../../../shared/pagination';
import { carries, CustomerCalls, customerPages } from './calls';
import { create } from './create';
import type { MatchOn, Resolution, RowKey } from './customerIndex';
import { CustomerIndex, keyOf } from './customerIndex';
import { update } from './update';

/**
 * Customer Create, Update and Create or Update run as code (the node's `customOperations`), not
 * through n8n's declarative routing: CRM syncs send thousands of items, and routing would prepare
 * them all before sending the first and then send them in one burst. Here each item is prepared
 * when its turn comes, and every request goes through the shared scheduler and retry policy
 * (shared/bulk/). The other customer operations stay declarative.
 */

/** What Create or Update did with the row's customer. */
type Action = 'created' | 'updated';

export function customerCreateWith(clock?: Clock) {
	return async function customerCreate(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runBulk(
			this,
			async (run: BulkRun, i) => {
				const body = buildBody(run.parameters(i), create.body ?? {});
				const api = new CustomerCalls(this, run, i);
				const created = await api.create(body);
				if (created.kind === 'created') return created.customer;
				if (created.kind === 'found' && carries(created.customer, body)) return created.customer;
				const mci = String(body.merchant_customer_id);
				if (created.kind === 'exists') throw api.alreadyExists(mci, created.result);
				// Found after an unclear failure, but with other data: it was there before; our create
				// was refused or never arrived.
				throw api.alreadyExists(mci);
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
				const body = buildBody(parameters, update.body ?? {});
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
 * first page. A list that cannot be read (a failure, or a PagingError) leaves the rows to their
 * own lookups. Its pages go through the run's scheduler, which paces them with the writes.
 */
async function readIndex(index: CustomerIndex, run: BulkRun): Promise<void> {
	let pages = 0;
	try {
		for await (const page of readList(customerPages(run.client, true), run.paging, { pace: false })) {
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
	// Create's body, which the email matched on must be part of.
	const createBody = create.body ?? {};
	const required = [...(createBody.required ?? []), ...(matchOn === 'email' ? ['email'] : [])];
	const body = buildBody(parameters, { ...createBody, required });
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
