import { getManyOperation, idFilter, statusFilter } from '../../shared/getMany';

export const getMany = getManyOperation('invoices', 'List invoices', '/api/v1/invoices', [
	idFilter('customer_id', 'Customer ID', 'cus_1JA7UDDQG3800'),
	statusFilter(
		[
			{ name: 'Cancelled', value: 'cancelled' },
			{ name: 'Draft', value: 'draft' },
			{ name: 'Open', value: 'open' },
			{ name: 'Paid', value: 'paid' },
			{ name: 'Payment Failed', value: 'payment_failed' },
			{ name: 'Uncollectible', value: 'uncollectible' },
			{ name: 'Void', value: 'void' },
		],
		'open',
	),
	idFilter('subscription_id', 'Subscription ID', 'sub_1JBPC9HT80000'),
]);
