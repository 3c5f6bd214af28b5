import type { INodeProperties } from 'n8n-workflow';

import { invoiceFields, invoiceLocator } from './shared';

const showOnlyForInvoiceUpdate = { operation: ['update'], resource: ['invoice'] };

export const invoiceUpdateFields: INodeProperties[] = [
	{ ...invoiceLocator, displayOptions: { show: showOnlyForInvoiceUpdate } },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForInvoiceUpdate },
		options: invoiceFields,
	},
];
