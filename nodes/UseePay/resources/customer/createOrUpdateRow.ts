import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { buildBody } from '../../shared/body';
import type { ItemParameters } from '../../shared/checks';
import { invalidInput } from '../../shared/checks';
import type { BulkRun } from '../../shared/bulk/n8n';
import { failureError } from '../../shared/bulk/n8n';
import { carries, CustomerCalls } from './calls';
import { create } from './create';
import type { CustomerIndex, MatchOn, Resolution } from './customerIndex';
import { found, keyOf } from './customerIndex';
import type { Change, SyncOptions } from './sync';
import { changesOf, emptiedPaths, withEmptyValues, withoutNulls } from './sync';

/** What Create or Update did with the row's customer. */
type Action = 'created' | 'updated' | 'unchanged';

/** What a sync would do with the row (Preview Only). */
type PlannedAction = 'create' | 'update' | 'unchanged' | 'conflict';

const isBlankKey = (value: unknown) =>
	value === undefined || value === null || (typeof value !== 'object' && String(value).trim() === '');

/**
 * One Preview output: flat, so that n8n's table view shows a row per input row and an IF node
 * can test `action`; `changes` holds, by dotted path (`address.city`), what the write would set.
 */
function planned(
	action: PlannedAction,
	who: IDataObject,
	{ id, changes = {}, reason }: { id?: unknown; changes?: Record<string, Change>; reason?: string } = {},
): IDataObject {
	return {
		action,
		...(reason ? { reason } : {}),
		id: id === undefined ? null : (id as string),
		merchant_customer_id: isBlankKey(who.merchant_customer_id) ? null : (who.merchant_customer_id as string),
		...(who.email !== undefined ? { email: who.email } : {}),
		changes: changes as IDataObject,
	};
}

/** Preview: a row without its key cannot be matched; it is reported, not failed. */
function missingKey(parameters: ItemParameters, matchOn: MatchOn): string | undefined {
	for (const [field, label] of [
		['merchant_customer_id', 'Merchant Customer ID'],
		['email', 'Email'],
	] as const) {
		if (field === 'email' && matchOn !== 'email') continue;
		if (isBlankKey(parameters.getNodeParameter(field, ''))) return `The row has no ${label} (the key it is matched on)`;
	}
	return undefined;
}

/**
 * One row of Customer → Create or Update: its customer found through the index (or a lookup),
 * then, as the customer and the options say, skipped (`unchanged`: it already holds every field
 * the row sets), updated or created; with Preview Only, nothing is written and the row's plan
 * is returned instead (planned).
 */
export async function createOrUpdateRow(
	ctx: IExecuteFunctions,
	run: BulkRun,
	i: number,
	index: CustomerIndex | undefined,
	sync: SyncOptions,
): Promise<IDataObject> {
	const parameters = run.parameters(i);
	const matchOn = parameters.getNodeParameter('matchOn', 'merchant_customer_id') as MatchOn;
	if (matchOn !== 'merchant_customer_id' && matchOn !== 'email') {
		throw invalidInput(parameters, 'matchOn', `must be merchant_customer_id or email, not '${String(matchOn)}'`);
	}
	if (sync.preview) {
		const reason = missingKey(parameters, matchOn);
		const who = {
			merchant_customer_id: parameters.getNodeParameter('merchant_customer_id', '') as string,
			...(matchOn === 'email' ? { email: parameters.getNodeParameter('email', '') as string } : {}),
		};
		if (reason) return planned('conflict', who, { reason });
	}
	// Create's body, which the email matched on must be part of.
	const createBody = create.body ?? {};
	const required = [...(createBody.required ?? []), ...(matchOn === 'email' ? ['email'] : [])];
	const fields = parameters.getNodeParameter('additionalFields', {}) as IDataObject;
	const body = withEmptyValues(
		buildBody(parameters, { ...createBody, required }),
		emptiedPaths(fields),
		sync.emptyValues,
	);
	const mci = String(body.merchant_customer_id);
	const key = keyOf(matchOn, String(body[matchOn]));
	const api = new CustomerCalls(ctx, run, i);
	// Update bodies leave merchant_customer_id out: UseePay's update takes the other fields.
	const changes = { ...body };
	delete changes.merchant_customer_id;
	const createFields = withoutNulls(body);
	const updated = async (id: string) => ({ ...(await api.update(id, changes)), action: 'updated' as Action });
	/** The found customer: left alone when it holds every field the row sets (Skip Unchanged), else updated. */
	const decide = async (customer: IDataObject) => {
		api.checkAnsweredId(String(customer.id));
		const diff = changesOf(customer, changes);
		const unchanged = Object.keys(diff).length === 0;
		if (sync.preview) return planned(unchanged ? 'unchanged' : 'update', body, { id: customer.id, changes: diff });
		if (unchanged && sync.skipUnchanged) return { ...customer, action: 'unchanged' as Action };
		return await updated(String(customer.id));
	};

	const indexed = index?.keyOf(i);
	const known = indexed && indexed.field === key.field && indexed.value === key.value;
	let resolution: Resolution = known && index ? index.resolutionOf(i) : { kind: 'lookup' };
	if (resolution.kind === 'lookup') {
		const lookup = await api.find(matchOn, String(body[matchOn]));
		if ('failed' in lookup) throw failureError(ctx, lookup.failed, i, lookup.attempts);
		resolution = lookup.customers.length ? found(lookup.customers) : { kind: 'absent' };
	}
	if (resolution.kind === 'found' && resolution.ids.length > 1) {
		const message = `${resolution.ids.length} UseePay customers have the email '${String(body[matchOn])}'`;
		if (sync.preview) return planned('conflict', body, { reason: `${message}: ${resolution.ids.join(', ')}` });
		throw new NodeOperationError(ctx.getNode(), message, {
			itemIndex: i,
			description: 'Match on Merchant Customer ID instead, or make the email addresses unique.',
		});
	}
	if (resolution.kind === 'found') return await decide(resolution.customers[0]);
	if (sync.preview) return planned('create', body, { changes: changesOf({}, createFields) });

	const created = await api.create(createFields);
	if (created.kind === 'created') return { ...created.customer, action: 'created' as Action };
	// Found after an unclear failure: ours when it carries the row's fields, else they are sent.
	if (created.kind === 'found') {
		if (carries(created.customer, createFields)) return { ...created.customer, action: 'created' as Action };
		return await updated(String(created.customer.id));
	}
	// already_exists: created meanwhile (after the index was read, or by another run), or matched
	// on email and another customer holds this merchant_customer_id: that customer is updated
	// (or left alone when it holds the row's fields already).
	const existing = await api.findOne('merchant_customer_id', mci);
	if (!existing) {
		throw new NodeOperationError(ctx.getNode(), `UseePay says customer '${mci}' exists but does not list it`, {
			itemIndex: i,
		});
	}
	return await decide(existing);
}
