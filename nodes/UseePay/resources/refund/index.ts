import type { INodeProperties } from 'n8n-workflow';

import { resourceLocator } from '../../shared/locators';
import { operation } from '../../shared/operations';

// STUB: to be completed with every operation of the reference (one file per operation).
const show = { resource: ['refund'] };

export const refundDescription: INodeProperties[] = [
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
				action: 'Get a refund',
				description: 'Retrieve a refund',
				method: 'GET',
				path: '/api/v1/refunds/{refundId}',
			}),
		],
		default: 'get',
	},
	{
		...resourceLocator({
			name: 'refundId',
			displayName: 'Refund',
			searchListMethod: 'searchRefunds',
			placeholder: 'e.g. re_1JA7UDDQG3800',
		}),
		displayOptions: { show: { ...show, operation: ['get'] } },
	},
];
