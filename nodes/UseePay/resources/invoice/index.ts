import type { INodeProperties } from 'n8n-workflow';

import { surfaceDomainFailure } from '../../shared/errors';
import { operation } from '../../shared/operations';
import { invoiceCreateFields } from './create';
import { invoiceGetFields } from './get';
import { invoiceGetManyFields } from './getAll';
import { invoicePayFields } from './pay';
import { invoiceUpdateFields } from './update';

const showOnlyForInvoices = { resource: ['invoice'] };

export const invoiceDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForInvoices },
		options: [
			operation({
				name: 'Create',
				value: 'create',
				action: 'Create an invoice',
				description: 'Create an invoice',
				method: 'POST',
				path: '/api/v1/invoices/create',
				body: { required: ['customer_id', 'currency', 'total_amount'], collection: 'additionalFields' },
			}),
			operation({
				name: 'Get',
				value: 'get',
				action: 'Get an invoice',
				description: 'Retrieve an invoice',
				method: 'GET',
				path: '/api/v1/invoices/{invoiceId}',
			}),
			operation({
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many invoices',
				description: 'List invoices',
				method: 'GET',
				path: '/api/v1/invoices',
				list: true,
			}),
			operation({
				name: 'Pay',
				value: 'pay',
				action: 'Pay an invoice',
				description: 'Pay an invoice; a failed payment fails the item',
				method: 'POST',
				path: '/api/v1/invoices/{invoiceId}/pay',
				body: { collection: 'additionalFields' },
				postReceive: [surfaceDomainFailure],
			}),
			operation({
				name: 'Update',
				value: 'update',
				action: 'Update an invoice',
				description: 'Update an invoice',
				method: 'POST',
				path: '/api/v1/invoices/{invoiceId}',
				body: { collection: 'updateFields' },
			}),
		],
		default: 'create',
	},
	...invoiceCreateFields,
	...invoiceGetFields,
	...invoiceGetManyFields,
	...invoicePayFields,
	...invoiceUpdateFields,
];
