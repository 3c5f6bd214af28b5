import type { INodeProperties } from 'n8n-workflow';

import { customerFields } from './shared';

const showOnlyForCustomerCreate = { operation: ['create'], resource: ['customer'] };

export const customerCreateFields: INodeProperties[] = [
	{
		displayName: 'Merchant Customer ID',
		name: 'merchant_customer_id',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. CRM-00042',
		description: 'Your own ID for this customer (for example the CRM record ID)',
		displayOptions: { show: showOnlyForCustomerCreate },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForCustomerCreate },
		options: customerFields,
	},
];
