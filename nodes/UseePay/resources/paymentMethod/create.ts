import { additionalFields, cardField } from '../../shared/fields';
import type { OperationSpec } from '../../shared/resource';
import { paymentMethodFields, paymentMethodTypeOptions } from './shared';

export const create: OperationSpec = {
	name: 'Create',
	value: 'create',
	action: 'Create a payment method',
	description: 'Store a payment method',
	method: 'POST',
	path: '/api/v1/payment_methods/create',
	body: { required: ['type', 'card'], collection: 'additionalFields' },
	fields: [
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			required: true,
			options: paymentMethodTypeOptions,
			default: 'card',
			description: 'The kind of payment method',
		},
		// UseePay's payment-method pages were unpublished ("Developing"); these are the card
		// sub-fields its demo sends in a payment intent's payment_method_data.card.
		{
			...cardField(
				'Raw card details. Sending card numbers puts this workflow in PCI DSS scope; prefer collecting cards with UseePay Checkout.',
			),
			required: true,
		},
		additionalFields(paymentMethodFields),
	],
};
