import { getManyOperation, statusFilter } from '../../shared/getMany';

// UNCERTAIN: UseePay documents no payment link status values; `active` is the one seen.
const statuses = [
	{ name: 'Active', value: 'active' },
	{ name: 'Inactive', value: 'inactive' },
];

export const getMany = getManyOperation('payment links', 'List payment links, newest first', '/api/v1/payment_links', [
	statusFilter(statuses, 'active'),
]);
