import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/operations';
import { mandateCreateFields } from './create';
import { mandateGetFields } from './get';
import { mandateGetManyFields } from './getAll';
import { mandateUpdateFields } from './update';

const showOnlyForMandates = { resource: ['mandate'] };

/** Mandates: the customer's recorded consent to future merchant-initiated charges. */
export const mandateDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForMandates },
		options: [
			operation({
				name: 'Create',
				value: 'create',
				action: 'Create a mandate',
				description: 'Record a customer mandate',
				method: 'POST',
				path: '/api/v1/mandates/create',
				body: { required: ['customer_id', 'customer_acceptance'], collection: 'additionalFields' },
			}),
			operation({
				name: 'Get',
				value: 'get',
				action: 'Get a mandate',
				description: 'Retrieve a mandate',
				method: 'GET',
				path: '/api/v1/mandates/{mandateId}',
			}),
			operation({
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many mandates',
				description: 'List mandates, newest first',
				method: 'GET',
				path: '/api/v1/mandates',
				list: true,
			}),
			operation({
				name: 'Update',
				value: 'update',
				action: 'Update a mandate',
				description: 'Update a mandate',
				method: 'POST',
				path: '/api/v1/mandates/{mandateId}',
				body: { collection: 'updateFields' },
			}),
		],
		default: 'create',
	},
	...mandateCreateFields,
	...mandateGetFields,
	...mandateGetManyFields,
	...mandateUpdateFields,
];
