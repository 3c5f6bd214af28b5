import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/operations';
import { paymentLinkCreateFields } from './create';
import { paymentLinkGetFields } from './get';
import { paymentLinkGetManyFields } from './getAll';
import { paymentLinkUpdateFields } from './update';

const showOnlyForPaymentLinks = { resource: ['paymentLink'] };

/** Payment links: hosted pages a payer opens to pay. */
export const paymentLinkDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForPaymentLinks },
		options: [
			operation({
				name: 'Create',
				value: 'create',
				action: 'Create a payment link',
				description: 'Create a payment link',
				method: 'POST',
				path: '/api/v1/payment_links/create',
				body: { required: ['amount', 'currency'], collection: 'additionalFields' },
			}),
			operation({
				name: 'Get',
				value: 'get',
				action: 'Get a payment link',
				description: 'Retrieve a payment link',
				method: 'GET',
				path: '/api/v1/payment_links/{paymentLinkId}',
			}),
			operation({
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many payment links',
				description: 'List payment links, newest first',
				method: 'GET',
				path: '/api/v1/payment_links',
				list: true,
			}),
			operation({
				name: 'Update',
				value: 'update',
				action: 'Update a payment link',
				description: 'Update a payment link',
				method: 'POST',
				path: '/api/v1/payment_links/{paymentLinkId}',
				body: { collection: 'updateFields' },
			}),
		],
		default: 'create',
	},
	...paymentLinkCreateFields,
	...paymentLinkGetFields,
	...paymentLinkGetManyFields,
	...paymentLinkUpdateFields,
];
