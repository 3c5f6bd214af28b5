import type { INodeProperties } from 'n8n-workflow';

import { resourceLocator } from '../../shared/locators';
import { operation } from '../../shared/operations';

// STUB: to be completed with every operation of the reference (one file per operation).
const show = { resource: ['paymentIntent'] };

export const paymentIntentDescription: INodeProperties[] = [
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
				action: 'Get a payment intent',
				description: 'Retrieve a payment intent',
				method: 'GET',
				path: '/api/v1/payment_intents/{paymentIntentId}',
			}),
		],
		default: 'get',
	},
	{
		...resourceLocator({
			name: 'paymentIntentId',
			displayName: 'Payment Intent',
			searchListMethod: 'searchPaymentIntents',
			placeholder: 'e.g. pi_1JA7UDDQG3800',
		}),
		displayOptions: { show: { ...show, operation: ['get'] } },
	},
];
