import { additionalFields, extraFieldsField, mandateDataField, paymentMethodIdField } from '../../shared/fields';
import { surfaceDomainFailure } from '../../../shared/errors';
import type { OperationSpec } from '../../shared/resource';

export const pay: OperationSpec = {
	name: 'Pay',
	value: 'pay',
	action: 'Pay an invoice',
	description: 'Pay an invoice; a failed payment fails the item',
	method: 'POST',
	path: '/api/v1/invoices/{invoiceId}/pay',
	body: { collection: 'additionalFields' },
	postReceive: [surfaceDomainFailure],
	fields: [
		additionalFields([
			extraFieldsField,
			mandateDataField(),
			paymentMethodIdField('The saved payment method to pay with'),
		]),
	],
};
