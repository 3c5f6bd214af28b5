import type { INodeProperties } from 'n8n-workflow';

import { bulkOptionsField } from '../../shared/bulk/n8n';
import { getOperation, useePayResource } from '../../shared/resource';
import { create } from './create';
import { createOrUpdate } from './createOrUpdate';
import { getMany } from './getAll';
import { update } from './update';
import { syncOptionFields } from './sync';
import { customerCreate, customerCreateOrUpdate, customerUpdate } from './writes';

const writeOptions = bulkOptionsField([create.value, update.value]);
const syncOptions = bulkOptionsField([createOrUpdate.value]);
// Create or Update's Options: the scheduler's and the sync's own (Preview, Skip Unchanged ...), by label.
syncOptions.options = [...((syncOptions.options ?? []) as INodeProperties[]), ...syncOptionFields].sort((a, b) =>
	a.displayName.localeCompare(b.displayName),
);

/**
 * Customers. Create, Update and Create or Update run as code (writes.ts: the writes a CRM sync
 * sends by the thousand, paced and retried by shared/bulk/), reading these same specs; Get and
 * Get Many are routed.
 */
export const customer = useePayResource({
	value: 'customer',
	displayName: 'Customer',
	idPlaceholder: 'e.g. cus_1JA7UDDQG3800',
	list: { label: (c) => String(c.name || c.email || c.merchant_customer_id || 'Customer') },
	operations: [
		{ ...create, run: customerCreate },
		{ ...createOrUpdate, run: customerCreateOrUpdate },
		getOperation('a customer', '/api/v1/customers/{customerId}'),
		getMany,
		{ ...update, run: customerUpdate },
	],
	// The options of the writes' scheduler and retries (and Create or Update's own).
	fields: [writeOptions, syncOptions],
});
