import { getManyOperation, statusFilter } from '../../shared/getMany';

export const getMany = getManyOperation('payment links', 'List payment links, newest first', '/api/v1/payment_links', [
	// UNCERTAIN: UseePay documents no payment link status values; `active` is the one seen.
	statusFilter(['active', 'inactive'], 'active'),
]);
