import type { INodeProperties } from 'n8n-workflow';

import { getManyFields, idFilter, statusFilter } from '../../shared/pagination';

const showOnlyForSubscriptionGetMany = { operation: ['getAll'], resource: ['subscription'] };

export const subscriptionGetManyFields: INodeProperties[] = getManyFields(
	showOnlyForSubscriptionGetMany,
	[
		idFilter('customer_id', 'Customer ID', 'cus_1JA7UDDQG3800'),
		statusFilter(
			[
				{ name: 'Active', value: 'active' },
				{ name: 'Cancelled', value: 'cancelled' },
				{ name: 'Expired', value: 'expired' },
				{ name: 'Incomplete', value: 'incomplete' },
				{ name: 'Incomplete Expired', value: 'incomplete_expired' },
				{ name: 'Past Due', value: 'past_due' },
				{ name: 'Paused', value: 'paused' },
				{ name: 'Trialing', value: 'trialing' },
				{ name: 'Unpaid', value: 'unpaid' },
			],
			'active',
		),
	],
	'subscriptions',
);
