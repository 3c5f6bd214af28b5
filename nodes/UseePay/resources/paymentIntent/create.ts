import type { INodeProperties } from 'n8n-workflow';

import {
	customerObjectField,
	descriptionField,
	deviceDataField,
	extraFieldsField,
	metadataField,
	orderField,
	paymentMethodDataField,
	paymentMethodOptionsField,
} from '../../shared/fields';
import { amountField, currencyField } from '../../shared/money';
import { customerIdField, merchantOrderIdField, paymentMethodIdField, returnUrlField } from './shared';

const showOnlyForPaymentIntentCreate = { operation: ['create'], resource: ['paymentIntent'] };

export const paymentIntentCreateFields: INodeProperties[] = [
	{ ...amountField(), required: true, displayOptions: { show: showOnlyForPaymentIntentCreate } },
	{ ...currencyField(), required: true, displayOptions: { show: showOnlyForPaymentIntentCreate } },
	{ ...merchantOrderIdField, required: true, displayOptions: { show: showOnlyForPaymentIntentCreate } },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForPaymentIntentCreate },
		options: [
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
			customerObjectField(),
			customerIdField,
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
			paymentMethodIdField,
			paymentMethodOptionsField(),
			{
				displayName: 'Payment Method Types',
				name: 'payment_method_types',
				type: 'multiOptions',
				options: [
					{ name: 'Apple Pay', value: 'apple_pay' },
					{ name: 'Card', value: 'card' },
					{ name: 'Google Pay', value: 'google_pay' },
				],
				default: [],
				description:
					'Only offer these payment methods. Choose from the list, or specify others (e.g. klarna) using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			returnUrlField,
			{
				displayName: 'Subscription ID',
				name: 'subscription_id',
				type: 'string',
				default: '',
				placeholder: 'e.g. sub_1JBPC9HT80000',
				description: 'The subscription this first payment is for (with Mode Subscription)',
			},
		],
	},
];
