import {
	additionalFields,
	customerAcceptanceField,
	customerIdField,
	extraFieldsField,
	metadataField,
	textField,
} from '../../shared/fields';
import type { OperationSpec } from '../../shared/resource';

/** `customer_acceptance`: how and when the customer agreed to the mandate (Create, Update). */
export const customerAcceptance = customerAcceptanceField(
	'How and when the customer agreed to future merchant-initiated charges',
);

export const create: OperationSpec = {
	name: 'Create',
	value: 'create',
	action: 'Create a mandate',
	description: 'Record a customer mandate',
	method: 'POST',
	path: '/api/v1/mandates/create',
	body: { required: ['customer_id', 'customer_acceptance'], collection: 'additionalFields' },
	fields: [
		customerIdField('The customer the mandate belongs to', { required: true }),
		{ ...customerAcceptance, required: true },
		additionalFields([
			extraFieldsField,
			metadataField,
			textField('payment_intent_id', 'Payment Intent ID', {
				placeholder: 'e.g. 1012500000000000001',
				description: 'The payment intent the consent was captured with',
			}),
		]),
	],
};
