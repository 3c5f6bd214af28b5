import type { INodeProperties } from 'n8n-workflow';

import { getManyOperation, idFilter, statusFilter } from '../../shared/getMany';

/**
 * UseePay spells a cancelled subscription both ways (webhooks `cancelled`, its PHP SDK and API
 * answers `canceled`). The filter sends the SDK's `canceled`, also for `cancelled` (workflows saved
 * before this choice, or an expression), so both spellings ask for the same subscriptions.
 */
function sendingCanceled(filter: INodeProperties): INodeProperties {
	return {
		...filter,
		routing: {
			send: { type: 'query', property: filter.name, value: '={{ $value === "cancelled" ? "canceled" : $value }}' },
		},
	};
}

export const getMany = getManyOperation('subscriptions', 'List subscriptions', '/api/v1/subscriptions', [
	idFilter('customer_id', 'Customer ID', 'cus_1JA7UDDQG3800'),
	sendingCanceled(
		statusFilter(
			['active', 'canceled', 'expired', 'incomplete', 'incomplete_expired', 'past_due', 'paused', 'trialing', 'unpaid'],
			'active',
		),
	),
]);
