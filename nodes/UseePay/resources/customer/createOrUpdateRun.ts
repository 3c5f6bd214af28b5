import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { Clock } from '../../shared/bulk/clock';
import type { BulkRun } from '../../shared/bulk/n8n';
import { runBulk } from '../../shared/bulk/n8n';
import { readList } from '../../../shared/pagination';
import { customerPages } from './calls';
import { createOrUpdateRow } from './createOrUpdateRow';
import type { RowKey } from './customerIndex';
import { CustomerIndex, keyOf } from './customerIndex';
import { syncOptions } from './sync';

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
 * own lookups. Its pages go through the run's scheduler, which paces them with the writes; from
 * the third page on, the next page is asked for while one is on its way (a list of 10,000 is read
 * in about half the time), but only while the customers still sought, and the pages this read may
 * still take, could be on it: a list read to its end costs at most one request more.
 */
async function readIndex(index: CustomerIndex, run: BulkRun): Promise<void> {
	let pages = 0;
	let pageSize = 0;
	// Two pages on their way at once; a page ahead only while the rows may still need it (below).
	const options = {
		pace: false as const,
		pagesInFlight: 2,
		wanted: () => Math.min(index.sought, (run.itemCount - pages) * pageSize),
	};
	try {
		for await (const page of readList(customerPages(run.client, true), run.paging, options)) {
			if ('failed' in page) {
				// Refused credentials refuse every row's own lookup too: the run fails, naming no item.
				const { failure, attempts } = page.failed;
				if (failure.statusCode === 401 || failure.statusCode === 403) run.failAll(failure, attempts);
				break;
			}
			if (index.closed) break;
			index.add(page);
			pages++;
			if (pages === 1) pageSize = page.items.length;
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
 * updated when found and the row changes it, created otherwise; the output is the customer with
 * `action: 'created' | 'updated' | 'unchanged'` (or, with Preview Only, the plan of each row:
 * createOrUpdateRow). With two rows or more, the account's customer list is read once
 * (readIndex) and each row then costs one write at most; a single row is looked up on its own
 * (GET with the filter, then the write).
 */
export function customerCreateOrUpdateWith(clock?: Clock) {
	return async function customerCreateOrUpdate(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const sync = syncOptions(this.getNodeParameter('options', 0, {}) as IDataObject);
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
			return await runBulk(this, async (run, i) => await createOrUpdateRow(this, run, i, index, sync), {
				clock,
				plan,
			});
		} finally {
			index?.close();
			await reading;
		}
	};
}

export const customerCreateOrUpdate = customerCreateOrUpdateWith();
