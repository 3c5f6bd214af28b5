import type { INodeProperties } from 'n8n-workflow';

import { resourceLocator } from '../../shared/locators';
import { operation } from '../../shared/operations';

// STUB: to be completed with every operation of the reference (one file per operation).
const show = { resource: ['subscription'] };

export const subscriptionDescription: INodeProperties[] = [
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
				action: 'Get a subscription',
				description: 'Retrieve a subscription',
				method: 'GET',
				path: '/api/v1/subscriptions/{subscriptionId}',
			}),
		],
		default: 'get',
	},
	{
		...resourceLocator({
			name: 'subscriptionId',
			displayName: 'Subscription',
			searchListMethod: 'searchSubscriptions',
			placeholder: 'e.g. sub_1JBPC9HT80000',
		}),
		displayOptions: { show: { ...show, operation: ['get'] } },
	},
];
