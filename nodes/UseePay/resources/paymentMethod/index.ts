import type { INodeProperties } from 'n8n-workflow';

import { resourceLocator } from '../../shared/locators';
import { operation } from '../../shared/operations';

// STUB: to be completed with every operation of the reference (one file per operation).
const show = { resource: ['paymentMethod'] };

export const paymentMethodDescription: INodeProperties[] = [
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
				action: 'Get a payment method',
				description: 'Retrieve a payment method',
				method: 'GET',
				path: '/api/v1/payment_methods/{paymentMethodId}',
			}),
		],
		default: 'get',
	},
	{
		...resourceLocator({
			name: 'paymentMethodId',
			displayName: 'Payment Method',
			searchListMethod: 'searchPaymentMethods',
			placeholder: 'e.g. pm_1JA7UDDQG3800',
		}),
		displayOptions: { show: { ...show, operation: ['get'] } },
	},
];
