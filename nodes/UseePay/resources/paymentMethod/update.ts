import { updateFields } from '../../shared/fields';
import type { OperationSpec } from '../../shared/resource';
import { paymentMethodFields } from './shared';

export const update: OperationSpec = {
	name: 'Update',
	value: 'update',
	action: 'Update a payment method',
	description: 'Update a payment method',
	method: 'POST',
	path: '/api/v1/payment_methods/{paymentMethodId}',
	body: { collection: 'updateFields' },
	fields: [updateFields(paymentMethodFields)],
};
