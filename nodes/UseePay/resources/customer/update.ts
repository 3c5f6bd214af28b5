import { updateFields } from '../../shared/fields';
import type { OperationSpec } from '../../shared/resource';
import { customerFields } from './shared';

/** Runs as code (writes.ts), which sends this call. */
export const update: OperationSpec = {
	name: 'Update',
	value: 'update',
	action: 'Update a customer',
	description: 'Update a customer',
	method: 'POST',
	path: '/api/v1/customers/{customerId}',
	body: { collection: 'updateFields' },
	fields: [updateFields(customerFields)],
};
