import type { INodeProperties } from 'n8n-workflow';

import { getManyFields, idFilter, statusFilter } from '../../shared/pagination';

const showOnlyForPaymentIntentGetMany = { operation: ['getAll'], resource: ['paymentIntent'] };

export const paymentIntentGetManyFields: INodeProperties[] = getManyFields(
	showOnlyForPaymentIntentGetMany,
	[
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
	],
	'payment intents',
);
