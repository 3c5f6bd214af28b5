import { getManyOperation, queryFilter } from '../../shared/getMany';

export const getMany = getManyOperation('customers', 'List customers, newest first', '/api/v1/customers', [
	queryFilter({ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' }),
	queryFilter({ displayName: 'Merchant Customer ID', name: 'merchant_customer_id', type: 'string', default: '' }),
	queryFilter({ displayName: 'Phone', name: 'phone', type: 'string', default: '' }),
]);
