import type { INodeProperties } from 'n8n-workflow';

import {
	collectionMethodField,
	daysUntilDueField,
	descriptionField,
	extraFieldsField,
	metadataField,
	orderField,
	recurringField,
} from '../../shared/fields';
import { currencyField } from '../../shared/money';
import { customerIdField, defaultPaymentMethodField, subscriptionLocator } from './shared';

const showOnlyForSubscriptionUpdate = { operation: ['update'], resource: ['subscription'] };

export const subscriptionUpdateFields: INodeProperties[] = [
	{ ...subscriptionLocator, displayOptions: { show: showOnlyForSubscriptionUpdate } },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForSubscriptionUpdate },
		options: [
			collectionMethodField,
			currencyField(),
			customerIdField,
			daysUntilDueField,
			defaultPaymentMethodField,
			descriptionField,
			extraFieldsField,
			metadataField,
			orderField(),
			recurringField(),
		],
	},
];
