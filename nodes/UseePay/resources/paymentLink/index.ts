import type { INodeProperties } from 'n8n-workflow';

import { resourceLocator } from '../../shared/locators';
import { operation } from '../../shared/operations';

// STUB: to be completed with every operation of the reference (one file per operation).
const show = { resource: ['paymentLink'] };

export const paymentLinkDescription: INodeProperties[] = [
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
				action: 'Get a payment link',
				description: 'Retrieve a payment link',
				method: 'GET',
				path: '/api/v1/payment_links/{paymentLinkId}',
			}),
		],
		default: 'get',
	},
	{
		...resourceLocator({
			name: 'paymentLinkId',
			displayName: 'Payment Link',
			searchListMethod: 'searchPaymentLinks',
			placeholder: 'e.g. plk_1JA7UDDQG3800',
		}),
		displayOptions: { show: { ...show, operation: ['get'] } },
	},
];
