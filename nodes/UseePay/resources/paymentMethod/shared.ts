import type { INodeProperties } from 'n8n-workflow';

import { billingField, cardField, extraFieldsField, metadataField } from '../../shared/fields';
import { resourceLocator } from '../../shared/locators';

/** The payment method picked by Get and Update. */
export const paymentMethodLocator = resourceLocator({
	name: 'paymentMethodId',
	displayName: 'Payment Method',
	searchListMethod: 'searchPaymentMethods',
	placeholder: 'e.g. pm_1JA7UDDQG3800',
});

export const paymentMethodTypeOptions = [{ name: 'Card', value: 'card' }];

/**
 * `card`: raw card data. UseePay's payment-method pages were unpublished ("Developing"); these
 * are the sub-fields its demo sends in a payment intent's payment_method_data.card.
 */
export const card: INodeProperties = {
	...cardField(),
	description:
		'Raw card details. Sending card numbers puts this workflow in PCI DSS scope; prefer collecting cards with UseePay Checkout.',
};

export const customerIdField: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customer_id',
	type: 'string',
	default: '',
	placeholder: 'e.g. cus_1KX0CUSTOMER0',
	description: 'The customer the payment method is attached to',
};

/** The optional payment method fields, shared by Create (Additional Fields) and Update (Update Fields). */
export const paymentMethodFields: INodeProperties[] = [
	billingField(),
	customerIdField,
	extraFieldsField,
	metadataField,
];
