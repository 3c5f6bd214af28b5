import type { INodeProperties } from 'n8n-workflow';

import { extraFieldsField, mandateDataField } from '../../shared/fields';
import { invoiceLocator } from './shared';

const showOnlyForInvoicePay = { operation: ['pay'], resource: ['invoice'] };

export const invoicePayFields: INodeProperties[] = [
	{ ...invoiceLocator, displayOptions: { show: showOnlyForInvoicePay } },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForInvoicePay },
		options: [
			extraFieldsField,
			mandateDataField(),
			{
				displayName: 'Payment Method ID',
				name: 'payment_method_id',
				type: 'string',
				default: '',
				placeholder: 'e.g. pm_1JA7UDDQG3800',
				description: 'The saved payment method to pay with',
			},
		],
	},
];
