import type { INodeProperties } from 'n8n-workflow';

import { getManyFields, queryFilter } from '../../shared/pagination';

const showOnlyForInvoiceGetMany = { operation: ['getAll'], resource: ['invoice'] };

export const invoiceGetManyFields: INodeProperties[] = getManyFields(
	showOnlyForInvoiceGetMany,
	[
		queryFilter({
			displayName: 'Customer ID',
			name: 'customer_id',
			type: 'string',
			default: '',
			placeholder: 'e.g. cus_1JA7UDDQG3800',
		}),
		queryFilter({
			displayName: 'Status',
			name: 'status',
			type: 'options',
			// UseePay spells the cancelled status both `cancelled` (webhooks) and `canceled`; the
			// filter sends `cancelled`, an expression can send the other.
			options: [
				{ name: 'Cancelled', value: 'cancelled' },
				{ name: 'Draft', value: 'draft' },
				{ name: 'Open', value: 'open' },
				{ name: 'Paid', value: 'paid' },
				{ name: 'Payment Failed', value: 'payment_failed' },
				{ name: 'Uncollectible', value: 'uncollectible' },
				{ name: 'Void', value: 'void' },
			],
			default: 'open',
		}),
		queryFilter({
			displayName: 'Subscription ID',
			name: 'subscription_id',
			type: 'string',
			default: '',
			placeholder: 'e.g. sub_1JBPC9HT80000',
		}),
	],
	'invoices',
);
