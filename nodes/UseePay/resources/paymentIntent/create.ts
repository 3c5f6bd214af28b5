import { surfaceDomainFailure } from '../../../shared/errors';
import {
	additionalFields,
	descriptionField,
	deviceDataField,
	extraFieldsField,
	metadataField,
	orderField,
	paymentMethodDataField,
	paymentMethodOptionsField,
	paymentMethodTypesField,
	textField,
} from '../../shared/fields';
import { amountField, currencyField } from '../../shared/money';
import type { OperationSpec } from '../../shared/resource';
import { customerId, inlineCustomerField, merchantOrderIdField, paymentMethodId, returnUrlField } from './shared';

export const create: OperationSpec = {
	name: 'Create',
	value: 'create',
	action: 'Create a payment intent',
	description: 'Create a payment intent',
	method: 'POST',
	path: '/api/v1/payment_intents/create',
	body: { required: ['amount', 'currency', 'merchant_order_id'], collection: 'additionalFields' },
	postReceive: [surfaceDomainFailure],
	fields: [
		amountField({ required: true }),
		currencyField({ required: true }),
		{ ...merchantOrderIdField, required: true },
		additionalFields([
			{
				displayName: 'Auto Capture',
				name: 'auto_capture',
				type: 'boolean',
				default: true,
				description:
					'Whether to capture the payment right after authorisation. When off, the payment intent stops at requires_capture until captured.',
			},
			{
				displayName: 'Confirm',
				name: 'confirm',
				type: 'boolean',
				default: false,
				description: 'Whether to try to pay immediately (needs a payment method ID or payment method data)',
			},
			inlineCustomerField(),
			customerId,
			descriptionField,
			deviceDataField(),
			extraFieldsField,
			metadataField,
			{
				displayName: 'Mode',
				name: 'mode',
				type: 'options',
				options: [
					{ name: 'Payment', value: 'payment' },
					{ name: 'Subscription', value: 'subscription', description: 'The first payment of a subscription' },
				],
				default: 'payment',
			},
			orderField(),
			paymentMethodDataField(),
			paymentMethodId,
			paymentMethodOptionsField(),
			paymentMethodTypesField(
				'Only offer these payment methods. Choose from the list, or specify others (e.g. klarna) using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			),
			returnUrlField,
			textField('subscription_id', 'Subscription ID', {
				placeholder: 'e.g. sub_1JBPC9HT80000',
				description: 'The subscription this first payment is for (with Mode Subscription)',
			}),
		]),
	],
};
