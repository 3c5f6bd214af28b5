import { getManyOperation, idFilter, statusFilter } from '../../shared/getMany';
import { CUSTOMER_ID_EXAMPLE } from '../../shared/fields';

export const getMany = getManyOperation('invoices', 'List invoices', '/api/v1/invoices', [
	idFilter('customer_id', 'Customer ID', CUSTOMER_ID_EXAMPLE),
	statusFilter(['canceled', 'draft', 'open', 'paid', 'payment_failed', 'uncollectible', 'void'], 'open'),
	idFilter('subscription_id', 'Subscription ID', 'sub_1JBPC9HT80000'),
]);
