import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { buildBody } from '../../shared/body';
import { readId } from '../../shared/checks';
import type { Clock } from '../../shared/bulk/clock';
import type { BulkRun } from '../../shared/bulk/n8n';
import { runBulk } from '../../shared/bulk/n8n';
import { carries, CustomerCalls } from './calls';
import { create } from './create';
import { update } from './update';

/**
 * Customer Create, Update and Create or Update run as code (the node's `customOperations`), not
 * through n8n's declarative routing: CRM syncs send thousands of items, and routing would prepare
 * them all before sending the first and then send them in one burst. Here each item is prepared
 * when its turn comes, and every request goes through the shared scheduler and retry policy
 * (shared/bulk/). The other customer operations stay declarative.
 */

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

export const customerCreate = customerCreateWith();
export const customerUpdate = customerUpdateWith();

export { customerCreateOrUpdate, customerCreateOrUpdateWith } from './createOrUpdateRun';
