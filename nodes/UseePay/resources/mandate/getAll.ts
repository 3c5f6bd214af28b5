import { getManyOperation, idFilter, statusFilter } from '../../shared/getMany';
import { CUSTOMER_ID_EXAMPLE } from '../../shared/fields';

export const getMany = getManyOperation('mandates', 'List mandates, newest first', '/api/v1/mandates', [
	idFilter('customer_id', 'Customer ID', CUSTOMER_ID_EXAMPLE),
	// UNCERTAIN: UseePay documents no mandate status; these values are assumed.
	statusFilter(['active', 'inactive', 'pending'], 'active'),
]);
