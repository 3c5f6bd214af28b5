import { getManyOperation, idFilter, statusFilter } from '../../shared/getMany';

export const getMany = getManyOperation('mandates', 'List mandates, newest first', '/api/v1/mandates', [
	idFilter('customer_id', 'Customer ID', 'cus_1KX0CUSTOMER0'),
	// UNCERTAIN: UseePay documents no mandate status; these values are assumed.
	statusFilter(['active', 'inactive', 'pending'], 'active'),
]);
