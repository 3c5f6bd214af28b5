import type { INodeProperties } from 'n8n-workflow';

import { getManyFields, idFilter, statusFilter } from '../../shared/pagination';

const showOnlyForMandateGetMany = { operation: ['getAll'], resource: ['mandate'] };

export const mandateGetManyFields: INodeProperties[] = getManyFields(
	showOnlyForMandateGetMany,
	[
		idFilter('customer_id', 'Customer ID', 'cus_1KX0CUSTOMER0'),
		// UNCERTAIN: UseePay documents no mandate status; these values are assumed.
		statusFilter(
			[
				{ name: 'Active', value: 'active' },
				{ name: 'Inactive', value: 'inactive' },
				{ name: 'Pending', value: 'pending' },
			],
			'active',
		),
	],
	'mandates',
);
