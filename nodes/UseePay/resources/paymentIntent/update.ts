import type { INodeProperties } from 'n8n-workflow';

import {
	customerObjectField,
	descriptionField,
	deviceDataField,
	extraFieldsField,
	metadataField,
	orderField,
	paymentMethodOptionsField,
} from '../../shared/fields';
import { amountField, currencyField } from '../../shared/money';
import { customerIdField, merchantOrderIdField, paymentIntentLocator, returnUrlField } from './shared';

const showOnlyForPaymentIntentUpdate = { operation: ['update'], resource: ['paymentIntent'] };

export const paymentIntentUpdateFields: INodeProperties[] = [
	{ ...paymentIntentLocator, displayOptions: { show: showOnlyForPaymentIntentUpdate } },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForPaymentIntentUpdate },
		options: [
			amountField(),
			currencyField(),
			customerObjectField(),
			customerIdField,
			descriptionField,
			deviceDataField(),
			extraFieldsField,
			merchantOrderIdField,
			metadataField,
			orderField(),
			paymentMethodOptionsField(),
			returnUrlField,
		],
	},
];
