import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/operations';
import { customerCreateFields } from './create';
import { customerGetFields } from './get';
import { customerGetManyFields } from './getAll';
import { customerUpdateFields } from './update';

const showOnlyForCustomers = { resource: ['customer'] };

export const customerDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForCustomers },
		options: [
			operation({
				name: 'Create',
				value: 'create',
				action: 'Create a customer',
				description: 'Create a customer',
				method: 'POST',
				path: '/api/v1/customers/create',
				body: { required: ['merchant_customer_id'], collection: 'additionalFields' },
			}),
			operation({
				name: 'Get',
				value: 'get',
				action: 'Get a customer',
				description: 'Retrieve a customer',
				method: 'GET',
				path: '/api/v1/customers/{customerId}',
			}),
			operation({
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many customers',
				description: 'List customers, newest first',
				method: 'GET',
				path: '/api/v1/customers',
				list: true,
			}),
			operation({
				name: 'Update',
				value: 'update',
				action: 'Update a customer',
				description: 'Update a customer',
				method: 'POST',
				path: '/api/v1/customers/{customerId}',
				body: { collection: 'updateFields' },
			}),
		],
		default: 'create',
	},
	...customerCreateFields,
	...customerGetFields,
	...customerGetManyFields,
	...customerUpdateFields,
];
