import type { INodeProperties } from 'n8n-workflow';

import { extraFieldsField } from '../../shared/fields';
import { paymentIntentLocator } from './shared';

const showOnlyForPaymentIntentCancel = { operation: ['cancel'], resource: ['paymentIntent'] };

export const paymentIntentCancelFields: INodeProperties[] = [
	{ ...paymentIntentLocator, displayOptions: { show: showOnlyForPaymentIntentCancel } },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForPaymentIntentCancel },
		options: [
			{
				displayName: 'Cancellation Reason',
				name: 'cancellation_reason',
				type: 'string',
				default: '',
				placeholder: 'e.g. Order canceled',
			},
			extraFieldsField,
		],
	},
];
