import { extraFieldsField, metadataField, textField, updateFields } from '../../shared/fields';
import type { OperationSpec } from '../../shared/resource';

export const reasonField = textField('reason', 'Reason', {
	placeholder: 'e.g. Customer returned the item',
	description: 'Why the payment is refunded (free text)',
});

export const update: OperationSpec = {
	name: 'Update',
	value: 'update',
	action: 'Update a refund',
	description: 'Update the reason or metadata of a refund',
	method: 'POST',
	path: '/api/v1/refunds/{refundId}',
	body: { collection: 'updateFields' },
	fields: [updateFields([extraFieldsField, metadataField, reasonField])],
};
