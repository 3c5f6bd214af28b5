import type { INodeProperties } from 'n8n-workflow';

import { resourceLocator } from '../../shared/locators';

/** The payment intent picked by Get, Update, Confirm, Cancel and Capture. */
export const paymentIntentLocator = resourceLocator({
	name: 'paymentIntentId',
	displayName: 'Payment Intent',
	searchListMethod: 'searchPaymentIntents',
	placeholder: 'e.g. pi_1JA7UDDQG3800',
});

export const customerIdField: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customer_id',
	type: 'string',
	default: '',
	placeholder: 'e.g. cus_1JA7UDDQG3800',
	description: 'An existing customer. To create one with the payment, use Customer instead.',
};

export const merchantOrderIdField: INodeProperties = {
	displayName: 'Merchant Order ID',
	name: 'merchant_order_id',
	type: 'string',
	default: '',
	placeholder: 'e.g. ORD-1001',
	description: 'Your own unique reference for this order (max 64 characters)',
};

export const paymentMethodIdField: INodeProperties = {
	displayName: 'Payment Method ID',
	name: 'payment_method_id',
	type: 'string',
	default: '',
	placeholder: 'e.g. pm_1JA7UDDQG3800',
	description: 'A saved payment method to pay with',
};

export const returnUrlField: INodeProperties = {
	displayName: 'Return URL',
	name: 'return_url',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://shop.example.com/return',
	description: 'Where the shopper lands after a redirect or 3-D Secure; needed for redirect flows',
};
