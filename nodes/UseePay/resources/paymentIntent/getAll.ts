import { getManyOperation, idFilter, statusFilter } from '../../shared/getMany';

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
	idFilter('customer_id', 'Customer ID', 'cus_1JA7UDDQG3800'),
	idFilter('merchant_order_id', 'Merchant Order ID', 'ORD-1001'),
	statusFilter(statuses, 'succeeded'),
]);
