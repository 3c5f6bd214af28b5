import { updateFields } from '../../shared/fields';
import type { OperationSpec } from '../../shared/resource';
import { invoiceFields } from './shared';

export const update: OperationSpec = {
	name: 'Update',
	value: 'update',
	action: 'Update an invoice',
	description: 'Update an invoice',
	method: 'POST',
	path: '/api/v1/invoices/{invoiceId}',
	body: { collection: 'updateFields' },
	fields: [updateFields(invoiceFields)],
};
