import type { INodeProperties } from 'n8n-workflow';

import {
	deviceDataField,
	extraFieldsField,
	paymentMethodDataField,
	paymentMethodOptionsField,
} from '../../shared/fields';
import { paymentIntentLocator, paymentMethodIdField, returnUrlField } from './shared';

const showOnlyForPaymentIntentConfirm = { operation: ['confirm'], resource: ['paymentIntent'] };

export const paymentIntentConfirmFields: INodeProperties[] = [
	{ ...paymentIntentLocator, displayOptions: { show: showOnlyForPaymentIntentConfirm } },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Pay with a Payment Method ID or with Payment Method Data, unless the payment intent already has one',
		displayOptions: { show: showOnlyForPaymentIntentConfirm },
		options: [
			deviceDataField(),
			extraFieldsField,
			paymentMethodDataField(),
			paymentMethodIdField,
			paymentMethodOptionsField(),
			returnUrlField,
		],
	},
];
