import { getManyOperation, idFilter, statusFilter } from '../../shared/getMany';

export const getMany = getManyOperation('payment intents', 'List payment intents', '/api/v1/payment_intents', [
	idFilter('customer_id', 'Customer ID', 'cus_1JA7UDDQG3800'),
	idFilter('merchant_order_id', 'Merchant Order ID', 'ORD-1001'),
	statusFilter(
		[
			{ name: 'Cancelled', value: 'cancelled' },
			{ name: 'Failed', value: 'failed' },
			{ name: 'Pending', value: 'pending' },
			{ name: 'Requires Capture', value: 'requires_capture' },
			{ name: 'Requires Customer Action', value: 'requires_customer_action' },
			{ name: 'Requires Payment Method', value: 'requires_payment_method' },
			{ name: 'Succeeded', value: 'succeeded' },
		],
		'succeeded',
	),
]);
