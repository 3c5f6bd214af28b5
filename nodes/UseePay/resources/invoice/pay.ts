import { additionalFields, extraFieldsField, mandateDataField, paymentMethodIdField } from '../../shared/fields';
import type { OperationSpec } from '../../shared/resource';

export const pay: OperationSpec = {
	name: 'Pay',
	value: 'pay',
	action: 'Pay an invoice (charges it; safe to repeat)',
	description: 'Pay an invoice; a failed payment fails the item. A paid invoice is returned, not paid again.',
	method: 'POST',
	path: '/api/v1/invoices/{invoiceId}/pay',
	body: { collection: 'additionalFields' },
	fields: [
		additionalFields([
			extraFieldsField,
			mandateDataField(),
			paymentMethodIdField('The saved payment method to pay with'),
		]),
	],
};
