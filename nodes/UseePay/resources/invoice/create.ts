import type { INodeProperties } from 'n8n-workflow';

import { resourceLocator } from '../../shared/locators';
import { amountField, currencyField } from '../../shared/money';
import { invoiceFields } from './shared';

const showOnlyForInvoiceCreate = { operation: ['create'], resource: ['invoice'] };

export const invoiceCreateFields: INodeProperties[] = [
	{
		...resourceLocator({
			name: 'customer_id',
			displayName: 'Customer',
			searchListMethod: 'searchCustomers',
			placeholder: 'e.g. cus_1JA7UDDQG3800',
		}),
		description: 'The customer to bill',
		displayOptions: { show: showOnlyForInvoiceCreate },
	},
	{ ...currencyField(), required: true, displayOptions: { show: showOnlyForInvoiceCreate } },
	{
		...amountField({ displayName: 'Total Amount', name: 'total_amount' }),
		required: true,
		displayOptions: { show: showOnlyForInvoiceCreate },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForInvoiceCreate },
		options: [
			...invoiceFields,
			{
				displayName: 'Subscription ID',
				name: 'subscription_id',
				type: 'string',
				default: '',
				placeholder: 'e.g. sub_1JBPC9HT80000',
				description: 'The subscription this invoice bills',
			},
		],
	},
];
