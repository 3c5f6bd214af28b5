import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { buildBody, invalidInput, readId } from '../../shared/body';
import type { Answer, BulkClient, Failure, Reconciled, SendResult } from '../../shared/bulk/client';
import type { BulkRun } from '../../shared/bulk/n8n';
import { failureError, runBulk } from '../../shared/bulk/n8n';
import { idProblem } from '../../shared/ids';
import { MAX_PAGE_SIZE, readListPage } from '../../shared/pagination';
import { CUSTOMER_ENDPOINTS, customerPath } from './endpoints';

/**
 * Customer Create, Update and Create or Update run as code (the node's `customOperations`), not
 * through n8n's declarative routing: CRM syncs send thousands of items, and routing would prepare
 * them all before sending the first and then send them in one burst. Here each item is prepared
 * when its turn comes, and every request goes through the shared scheduler and retry policy
 * (shared/bulk/). The other customer operations stay declarative.
 */
type MatchOn = 'merchant_customer_id' | 'email';
type Action = 'created' | 'updated';

/** Customers found, or the failure of the lookup (after its retries). */
type Lookup = { customers: IDataObject[] } | { failed: Failure; attempts: number };

const isOk = (answer: Answer) => answer.statusCode >= 200 && answer.statusCode < 300;
const errorCode = (body: unknown) => (body && typeof body === 'object' ? (body as IDataObject).code : undefined);
const asObject = (body: unknown): IDataObject =>
	body && typeof body === 'object' && !Array.isArray(body) ? (body as IDataObject) : {};

class CustomerCalls {
	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly client: BulkClient,
		private readonly itemIndex: number,
	) {}

	/** The error of a request that got no 2xx. */
	error(result: SendResult<unknown>): Error {
		const { outcome } = result;
		const failure: Failure =
			outcome.kind === 'answer'
				? { kind: 'failure', failure: 'error', statusCode: outcome.statusCode, body: outcome.body }
				: (outcome as Failure);
		return failureError(this.ctx, failure, this.itemIndex, result.attempts);
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
		const first = await this.list({ [field]: value, page_num: 0, page_size: 2 });
		if ('failed' in first) return first;
		const found = first.items.filter(matches);
		if (found.length === first.items.length) return { customers: found };
		const all: IDataObject[] = [];
		for (let pageNum = 0; ; pageNum++) {
			const page = await this.list({ page_num: pageNum, page_size: MAX_PAGE_SIZE });
			if ('failed' in page) return page;
			all.push(...page.items.filter(matches));
			if (!page.hasMore || page.items.length === 0) return { customers: all };
		}
	}

	private async list(
		qs: IDataObject,
	): Promise<{ items: IDataObject[]; hasMore: boolean } | { failed: Failure; attempts: number }> {
		const { method, path } = CUSTOMER_ENDPOINTS.list;
		const result = await this.client.send({ method, path, qs }, { idempotent: true });
		const { outcome } = result;
		if (outcome.kind === 'answer' && isOk(outcome)) return readListPage(outcome.body);
		const failed: Failure =
			outcome.kind === 'failure'
				? outcome
				: {
						kind: 'failure',
						failure: 'error',
						statusCode: (outcome as Answer).statusCode,
						body: (outcome as Answer).body,
					};
		return { failed, attempts: result.attempts };
	}

	/** The first customer found, or the item's error when the lookup failed. */
	async findOne(field: MatchOn, value: string): Promise<IDataObject | undefined> {
		const lookup = await this.find(field, value);
		if ('failed' in lookup) throw failureError(this.ctx, lookup.failed, this.itemIndex, lookup.attempts);
		return lookup.customers[0];
	}

	/**
	 * POST /api/v1/customers/create. Retried after a rate limit; after a server error or a lost
	 * answer it is sent again only once a lookup by merchant_customer_id shows it did not happen.
	 * `already_exists` after such an ambiguous attempt means our earlier attempt did create it.
	 */
	async create(body: IDataObject): Promise<{ customer: IDataObject } | { exists: SendResult<unknown> }> {
		const mci = String(body.merchant_customer_id);
		const reconcile = async (): Promise<Reconciled<IDataObject>> => {
			const lookup = await this.find('merchant_customer_id', mci);
			if ('failed' in lookup) return lookup;
			return lookup.customers.length ? { applied: true, value: lookup.customers[0] } : { applied: false };
		};
		const { method, path } = CUSTOMER_ENDPOINTS.create;
		const result = await this.client.send({ method, path, body }, { idempotent: false, reconcile });
		const { outcome } = result;
		if (outcome.kind === 'reconciled') return { customer: outcome.value };
		if (outcome.kind === 'answer' && isOk(outcome)) return { customer: asObject(outcome.body) };
		if (outcome.kind === 'answer' && errorCode(outcome.body) === 'already_exists') {
			if (!result.ambiguous) return { exists: result };
			const mine = await this.findOne('merchant_customer_id', mci);
			if (mine) return { customer: mine };
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
		const result = await this.client.send({ method, path: customerPath(id), body }, { idempotent: true });
		if (result.outcome.kind === 'answer' && isOk(result.outcome)) return asObject(result.outcome.body);
		throw this.error(result);
	}
}

/** Customer → Create: the created customer, as routing returned it. */
export async function customerCreate(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runBulk(this, async (run: BulkRun, i) => {
		const body = buildBody(run.parameters(i), CUSTOMER_ENDPOINTS.create.body);
		const api = new CustomerCalls(this, run.client, i);
		const created = await api.create(body);
		if ('customer' in created) return created.customer;
		// already_exists, and no earlier attempt of ours could have made it: UseePay's error.
		throw api.error(created.exists);
	});
}

/** Customer → Update: the updated customer. */
export async function customerUpdate(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runBulk(this, async (run: BulkRun, i) => {
		const parameters = run.parameters(i);
		const id = readId(parameters, 'customerId');
		const body = buildBody(parameters, CUSTOMER_ENDPOINTS.update.body);
		return await new CustomerCalls(this, run.client, i).update(id, body);
	});
}

/**
 * Customer → Create or Update: find the customer by merchant_customer_id (or email), update it
 * when found, create it otherwise. Two requests per item (the lookup, then the create or the
 * update); the output is the customer with `action: 'created' | 'updated'`.
 */
export async function customerCreateOrUpdate(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	return await runBulk(this, async (run: BulkRun, i) => {
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
		const key = String(body[matchOn]);
		const api = new CustomerCalls(this, run.client, i);
		// Update bodies leave merchant_customer_id out: UseePay's update takes the other fields.
		const changes = { ...body };
		delete changes.merchant_customer_id;
		const updated = async (id: string) => ({ ...(await api.update(id, changes)), action: 'updated' as Action });

		const lookup = await api.find(matchOn, key);
		if ('failed' in lookup) throw failureError(this, lookup.failed, i, lookup.attempts);
		const found = lookup.customers;
		if (found.length > 1) {
			throw new NodeOperationError(this.getNode(), `${found.length} UseePay customers have the email '${key}'`, {
				itemIndex: i,
				description: 'Match on Merchant Customer ID instead, or make the email addresses unique.',
			});
		}
		if (found.length === 1) return await updated(String(found[0].id));

		const created = await api.create(body);
		if ('customer' in created) return { ...created.customer, action: 'created' as Action };
		// already_exists: created meanwhile (another run), or matched on email and another
		// customer holds this merchant_customer_id: that customer is the one to update.
		const existing = await api.findOne('merchant_customer_id', mci);
		if (!existing) {
			throw new NodeOperationError(this.getNode(), `UseePay says customer '${mci}' exists but does not list it`, {
				itemIndex: i,
			});
		}
		return await updated(String(existing.id));
	});
}
