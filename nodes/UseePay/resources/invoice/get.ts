import type { INodeProperties } from 'n8n-workflow';

import { invoiceLocator } from './shared';

const showOnlyForInvoiceGet = { operation: ['get'], resource: ['invoice'] };

export const invoiceGetFields: INodeProperties[] = [
	{ ...invoiceLocator, displayOptions: { show: showOnlyForInvoiceGet } },
];
