import { getManyOperation, idFilter, statusFilter } from '../../shared/getMany';
import { CUSTOMER_ID_EXAMPLE } from '../../shared/fields';

// A cancelled subscription is `canceled` (the SDK); `cancelled` is sent as that too (statusFilter).
export const getMany = getManyOperation('subscriptions', 'List subscriptions', '/api/v1/subscriptions', [
	idFilter('customer_id', 'Customer ID', CUSTOMER_ID_EXAMPLE),
	statusFilter(
		['active', 'canceled', 'expired', 'incomplete', 'incomplete_expired', 'past_due', 'paused', 'trialing', 'unpaid'],
		'active',
	),
]);
