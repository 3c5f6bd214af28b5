import type { INodeProperties } from 'n8n-workflow';

import { resourceLocator } from '../../shared/locators';
import { operation } from '../../shared/operations';

// STUB: to be completed with every operation of the reference (one file per operation).
const show = { resource: ['invoice'] };

export const invoiceDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show },
		options: [
			operation({
				name: 'Get',
				value: 'get',
				action: 'Get a invoice',
				description: 'Retrieve a invoice',
				method: 'GET',
				path: '/api/v1/invoices/{invoiceId}',
			}),
		],
		default: 'get',
	},
	{
		...resourceLocator({
			name: 'invoiceId',
			displayName: 'Invoice',
			searchListMethod: 'searchInvoices',
			placeholder: 'e.g. inv_1JBQRUTEC0000',
		}),
		displayOptions: { show: { ...show, operation: ['get'] } },
	},
];
