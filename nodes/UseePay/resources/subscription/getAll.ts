import { getManyOperation, idFilter, statusFilter } from '../../shared/getMany';

// A cancelled subscription is `canceled` (the SDK); `cancelled` is sent as that too (statusFilter).
export const getMany = getManyOperation('subscriptions', 'List subscriptions', '/api/v1/subscriptions', [
	idFilter('customer_id', 'Customer ID', 'cus_1JA7UDDQG3800'),
	statusFilter(
		['active', 'canceled', 'expired', 'incomplete', 'incomplete_expired', 'past_due', 'paused', 'trialing', 'unpaid'],
		'active',
	),
]);
