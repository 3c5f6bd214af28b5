import type { INodeProperties } from 'n8n-workflow';

import { getManyFields, queryFilter } from '../../shared/pagination';

const showOnlyForMandateGetMany = { operation: ['getAll'], resource: ['mandate'] };

export const mandateGetManyFields: INodeProperties[] = getManyFields(
	showOnlyForMandateGetMany,
	[
		queryFilter({
			displayName: 'Customer ID',
			name: 'customer_id',
			type: 'string',
			default: '',
			placeholder: 'e.g. cus_1KX0CUSTOMER0',
		}),
		// UNCERTAIN: UseePay documents no mandate status; these values are assumed.
		queryFilter({
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: [
				{ name: 'Active', value: 'active' },
				{ name: 'Inactive', value: 'inactive' },
				{ name: 'Pending', value: 'pending' },
			],
			default: 'active',
		}),
	],
	'mandates',
);
