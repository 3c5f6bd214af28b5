import type { INodeProperties } from 'n8n-workflow';

import { optionsOf, textField } from './kit';

/** Fields most resources have. */

export const descriptionField: INodeProperties = textField('description', 'Description');

export const metadataField: INodeProperties = {
	displayName: 'Metadata',
	name: 'metadata',
	type: 'fixedCollection',
	placeholder: 'Add Metadata Item',
	description: 'Your own key/value pairs, stored on the object',
	typeOptions: { multipleValues: true },
	default: {},
	options: [
		{
			displayName: 'Entries',
			name: 'entries',
			values: [textField('key', 'Key'), textField('value', 'Value')],
		},
	],
};

export const extraFieldsField: INodeProperties = {
	displayName: 'Extra Fields (JSON)',
	name: 'extraFields',
	type: 'json',
	default: '{}',
	description:
		'More body fields as a JSON object, merged last (deeply) into the request. For fields UseePay accepts that this node has no field for.',
};

/** The example customer ID every Customer ID field shows (one of UseePay's own samples). */
export const CUSTOMER_ID_EXAMPLE = 'cus_1JA7UDDQG3800';

/** An existing customer, by its UseePay ID (Customer Create picks one with a resource locator instead). */
export function customerIdField(description?: string, extra: Partial<INodeProperties> = {}): INodeProperties {
	return textField('customer_id', 'Customer ID', {
		placeholder: `e.g. ${CUSTOMER_ID_EXAMPLE}`,
		...(description ? { description } : {}),
		...extra,
	});
}

/** The payment methods a payer may use. */
export function paymentMethodTypesField(description: string): INodeProperties {
	return {
		displayName: 'Payment Method Types',
		name: 'payment_method_types',
		type: 'multiOptions',
		options: optionsOf('apple_pay', 'card', 'google_pay'),
		default: [],
		description,
	};
}

/** A saved payment method to pay with. */
export function paymentMethodIdField(description: string): INodeProperties {
	return textField('payment_method_id', 'Payment Method ID', { placeholder: 'e.g. pm_1JA7UDDQG3800', description });
}
