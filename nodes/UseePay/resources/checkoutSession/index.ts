import type { INodeProperties } from 'n8n-workflow';

import { resourceLocator } from '../../shared/locators';
import { operation } from '../../shared/operations';

// STUB: to be completed with every operation of the reference (one file per operation).
const show = { resource: ['checkoutSession'] };

export const checkoutSessionDescription: INodeProperties[] = [
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
				action: 'Get a checkout session',
				description: 'Retrieve a checkout session',
				method: 'GET',
				path: '/api/v1/checkout_sessions/{checkoutSessionId}',
			}),
		],
		default: 'get',
	},
	{
		...resourceLocator({
			name: 'checkoutSessionId',
			displayName: 'Checkout Session',
			searchListMethod: 'searchCheckoutSessions',
			placeholder: 'e.g. cs_1JA7UDDQG3800',
		}),
		displayOptions: { show: { ...show, operation: ['get'] } },
	},
];
