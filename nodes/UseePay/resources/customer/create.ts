import { additionalFields } from '../../shared/fields';
import type { OperationSpec } from '../../shared/resource';
import { customerFields, merchantCustomerIdField } from './shared';

/** Runs as code (writes.ts), which sends this call. */
export const create: OperationSpec = {
	name: 'Create',
	value: 'create',
	action: 'Create a customer',
	description: 'Create a customer',
	method: 'POST',
	path: '/api/v1/customers/create',
	body: { required: ['merchant_customer_id'], collection: 'additionalFields' },
	fields: [
		merchantCustomerIdField('Your own ID for this customer (for example the CRM record ID)'),
		additionalFields(customerFields),
	],
};
