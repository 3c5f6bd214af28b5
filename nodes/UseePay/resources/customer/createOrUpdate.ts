import type { INodeProperties } from 'n8n-workflow';

import { customerFields } from './shared';

const show = { operation: ['createOrUpdate'], resource: ['customer'] };

export const customerCreateOrUpdateFields: INodeProperties[] = [
	{
		displayName: 'Match On',
		name: 'matchOn',
		type: 'options',
		options: [
			{
				name: 'Merchant Customer ID',
				value: 'merchant_customer_id',
				description: 'Your own ID for the customer (e.g. the CRM record ID): unique per merchant',
			},
			{
				name: 'Email',
				value: 'email',
				description: 'The customer with this email address (case-insensitive); fails the item when several have it',
			},
		],
		default: 'merchant_customer_id',
		description: 'How an existing UseePay customer is recognised: found ones are updated, others created',
		displayOptions: { show },
	},
	{
		displayName: 'Merchant Customer ID',
		name: 'merchant_customer_id',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. CRM-00042',
		description: 'Your own ID for this customer (for example the CRM record ID). Sent when the customer is created.',
		displayOptions: { show },
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
		description: 'The email address to find the customer by; also sent as its email',
		displayOptions: { show: { ...show, matchOn: ['email'] } },
	},
	{
		displayName: 'Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Sent on create and on update',
		displayOptions: { show },
		options: customerFields,
	},
];
