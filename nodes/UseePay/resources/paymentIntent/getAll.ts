import { getManyOperation, idFilter, statusFilter } from '../../shared/getMany';
import { CUSTOMER_ID_EXAMPLE } from '../../shared/fields';

const statuses = [
	'canceled',
	'failed',
	'pending',
	'requires_capture',
	'requires_customer_action',
	'requires_payment_method',
	'succeeded',
];

export const getMany = getManyOperation('payment intents', 'List payment intents', '/api/v1/payment_intents', [
	idFilter('customer_id', 'Customer ID', CUSTOMER_ID_EXAMPLE),
	idFilter('merchant_order_id', 'Merchant Order ID', 'ORD-1001'),
	statusFilter(statuses, 'succeeded'),
]);
