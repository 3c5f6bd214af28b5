import type { INodeProperties } from 'n8n-workflow';

import { getManyFields, queryFilter } from '../../shared/pagination';

const showOnlyForSubscriptionGetMany = { operation: ['getAll'], resource: ['subscription'] };

export const subscriptionGetManyFields: INodeProperties[] = getManyFields(
	showOnlyForSubscriptionGetMany,
	[
		queryFilter({
			displayName: 'Customer ID',
			name: 'customer_id',
			type: 'string',
			default: '',
			placeholder: 'e.g. cus_1JA7UDDQG3800',
		}),
		queryFilter({
			displayName: 'Status',
			name: 'status',
			type: 'options',
			// UseePay spells the cancelled status both `cancelled` (webhooks) and `canceled` (SDK);
			// the filter sends `cancelled`, an expression can send the other.
			options: [
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
			default: 'active',
		}),
	],
	'subscriptions',
);
