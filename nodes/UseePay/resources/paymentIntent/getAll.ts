import type { INodeProperties } from 'n8n-workflow';

import { getManyFields, queryFilter } from '../../shared/pagination';

const showOnlyForPaymentIntentGetMany = { operation: ['getAll'], resource: ['paymentIntent'] };

export const paymentIntentGetManyFields: INodeProperties[] = getManyFields(
	showOnlyForPaymentIntentGetMany,
	[
		queryFilter({
			displayName: 'Customer ID',
			name: 'customer_id',
			type: 'string',
			default: '',
			placeholder: 'e.g. cus_1JA7UDDQG3800',
		}),
		queryFilter({
			displayName: 'Merchant Order ID',
			name: 'merchant_order_id',
			type: 'string',
			default: '',
			placeholder: 'e.g. ORD-1001',
		}),
		queryFilter({
			displayName: 'Status',
			name: 'status',
			type: 'options',
			// UseePay spells the cancelled status both `cancelled` (webhooks, SDK) and `canceled`
			// (Cancel response); the filter sends `cancelled`, an expression can send the other.
			options: [
				{ name: 'Cancelled', value: 'cancelled' },
				{ name: 'Failed', value: 'failed' },
				{ name: 'Pending', value: 'pending' },
				{ name: 'Requires Capture', value: 'requires_capture' },
				{ name: 'Requires Customer Action', value: 'requires_customer_action' },
				{ name: 'Requires Payment Method', value: 'requires_payment_method' },
				{ name: 'Succeeded', value: 'succeeded' },
			],
			default: 'succeeded',
		}),
	],
	'payment intents',
);
