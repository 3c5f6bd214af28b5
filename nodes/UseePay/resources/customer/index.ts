import type { INodeProperties } from 'n8n-workflow';

import { bulkOptionsField } from '../../shared/bulk/n8n';
import { codeOperation, operation } from '../../shared/operations';
import { customerCreateFields } from './create';
import { customerCreateOrUpdateFields } from './createOrUpdate';
import { CUSTOMER_ENDPOINTS } from './endpoints';
import { customerGetFields } from './get';
import { customerGetManyFields } from './getAll';
import { customerUpdateFields } from './update';

const showOnlyForCustomers = { resource: ['customer'] };

/**
 * Create, Update and Create or Update run as code (UseePay.node.ts `customOperations` →
 * bulk.ts): n8n runs a custom operation instead of routing, so the `routing` of Create and
 * Update below is documentation only (the method and path, from endpoints.ts, that bulk.ts
 * sends and the coverage test checks). Create or Update makes several calls and has none.
 */
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
				...CUSTOMER_ENDPOINTS.create,
			}),
			codeOperation({
				name: 'Create or Update',
				value: 'createOrUpdate',
				action: 'Create or update a customer',
				description:
					'Update the customer with this Merchant Customer ID (or email), or create it: one read of the customer list, then one write per item',
			}),
			operation({
				name: 'Get',
				value: 'get',
				action: 'Get a customer',
				description: 'Retrieve a customer',
				...CUSTOMER_ENDPOINTS.get,
			}),
			operation({
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many customers',
				description: 'List customers, newest first',
				...CUSTOMER_ENDPOINTS.list,
				list: true,
			}),
			operation({
				name: 'Update',
				value: 'update',
				action: 'Update a customer',
				description: 'Update a customer',
				...CUSTOMER_ENDPOINTS.update,
			}),
		],
		default: 'create',
	},
	...customerCreateFields,
	...customerCreateOrUpdateFields,
	...customerGetFields,
	...customerGetManyFields,
	...customerUpdateFields,
	bulkOptionsField({ resource: ['customer'], operation: ['create', 'createOrUpdate', 'update'] }),
];
