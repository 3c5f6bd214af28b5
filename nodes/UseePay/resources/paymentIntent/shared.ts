import type { INodeProperties } from 'n8n-workflow';

import { contactField, customerIdField, paymentMethodIdField, textField } from '../../shared/fields';

/** Fields several payment intent operations share. */

/** `customer`: a new customer given inline, an alternative to `customer_id`. */
export function inlineCustomerField(): INodeProperties {
	return contactField(
		'customer',
		'Customer',
		['address', 'email', 'first_name', 'last_name', 'merchant_customer_id', 'name', 'phone'],
		{ description: 'A new customer given inline, instead of an existing Customer ID' },
	);
}

export const customerId = customerIdField(
	'An existing customer. To create one with the payment, use Customer instead.',
);

export const merchantOrderIdField = textField('merchant_order_id', 'Merchant Order ID', {
	placeholder: 'e.g. ORD-1001',
	description: 'Your own unique reference for this order (max 64 characters)',
});

export const paymentMethodId = paymentMethodIdField('A saved payment method to pay with');

export const returnUrlField: INodeProperties = textField('return_url', 'Return URL', {
	placeholder: 'e.g. https://shop.example.com/return',
	description: 'Where the shopper lands after a redirect or 3-D Secure; needed for redirect flows',
});
