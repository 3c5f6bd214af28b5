import type { INodeProperties } from 'n8n-workflow';

import { resourceLocator } from '../../shared/locators';
import { operation } from '../../shared/operations';

// STUB: to be completed with every operation of the reference (one file per operation).
const show = { resource: ['mandate'] };

export const mandateDescription: INodeProperties[] = [
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
				action: 'Get a mandate',
				description: 'Retrieve a mandate',
				method: 'GET',
				path: '/api/v1/mandates/{mandateId}',
			}),
		],
		default: 'get',
	},
	{
		...resourceLocator({
			name: 'mandateId',
			displayName: 'Mandate',
			searchListMethod: 'searchMandates',
			placeholder: 'e.g. man_1JA7UDDQG3800',
		}),
		displayOptions: { show: { ...show, operation: ['get'] } },
	},
];
