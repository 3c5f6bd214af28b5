import { getManyOperation, idFilter, statusFilter } from '../../shared/getMany';

export const getMany = getManyOperation('invoices', 'List invoices', '/api/v1/invoices', [
	idFilter('customer_id', 'Customer ID', 'cus_1JA7UDDQG3800'),
	statusFilter(['canceled', 'draft', 'open', 'paid', 'payment_failed', 'uncollectible', 'void'], 'open'),
	idFilter('subscription_id', 'Subscription ID', 'sub_1JBPC9HT80000'),
]);
