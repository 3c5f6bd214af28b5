import type { INodeProperties } from 'n8n-workflow';

import { extraFieldsField } from '../../shared/fields';
import { amountField } from '../../shared/money';
import { paymentIntentLocator } from './shared';

const showOnlyForPaymentIntentCapture = { operation: ['capture'], resource: ['paymentIntent'] };

export const paymentIntentCaptureFields: INodeProperties[] = [
	{ ...paymentIntentLocator, displayOptions: { show: showOnlyForPaymentIntentCapture } },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForPaymentIntentCapture },
		options: [
			amountField({
				description:
					'Decimal amount to capture, in major units of the currency. Leave it out to capture the full amount.',
			}),
			extraFieldsField,
		],
	},
];
