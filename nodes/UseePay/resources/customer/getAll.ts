import type { INodeProperties } from 'n8n-workflow';

import { getManyFields, queryFilter } from '../../shared/pagination';

const showOnlyForCustomerGetMany = { operation: ['getAll'], resource: ['customer'] };

export const customerGetManyFields: INodeProperties[] = getManyFields(
	showOnlyForCustomerGetMany,
	[
		queryFilter({ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' }),
		queryFilter({
			displayName: 'Merchant Customer ID',
			name: 'merchant_customer_id',
			type: 'string',
			default: '',
		}),
		queryFilter({ displayName: 'Phone', name: 'phone', type: 'string', default: '' }),
	],
	'customers',
);
