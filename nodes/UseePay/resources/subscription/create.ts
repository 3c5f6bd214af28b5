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
import { resourceLocator } from '../../shared/locators';
import { currencyField } from '../../shared/money';
import { currentPeriodStartField, defaultPaymentMethodField } from './shared';

const showOnlyForSubscriptionCreate = { operation: ['create'], resource: ['subscription'] };

export const subscriptionCreateFields: INodeProperties[] = [
	{
		...resourceLocator({
			name: 'customer_id',
			displayName: 'Customer',
			searchListMethod: 'searchCustomers',
			placeholder: 'e.g. cus_1JA7UDDQG3800',
		}),
		description: 'The customer to bill',
		displayOptions: { show: showOnlyForSubscriptionCreate },
	},
	{ ...currencyField(), required: true, displayOptions: { show: showOnlyForSubscriptionCreate } },
	{ ...recurringField(), required: true, displayOptions: { show: showOnlyForSubscriptionCreate } },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForSubscriptionCreate },
		options: [
			collectionMethodField,
			currentPeriodStartField,
			daysUntilDueField,
			defaultPaymentMethodField,
			descriptionField,
			extraFieldsField,
			metadataField,
			orderField(),
		],
	},
];
