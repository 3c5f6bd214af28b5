import { additionalFields, emailField } from '../../shared/fields';
import type { OperationSpec } from '../../shared/resource';
import { customerFields, merchantCustomerIdField } from './shared';

/** Runs as code (writes.ts): a lookup (or the customer index), then Create's or Update's call. */
export const createOrUpdate: OperationSpec = {
	name: 'Create or Update',
	value: 'createOrUpdate',
	action: 'Create or update a customer',
	description:
		'Update the customer with this Merchant Customer ID (or email), or create it: one read of the customer list, then one write per new or changed item',
	fields: [
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
		},
		merchantCustomerIdField(
			'Your own ID for this customer (for example the CRM record ID). Sent when the customer is created.',
		),
		{
			...emailField,
			required: true,
			description: 'The email address to find the customer by; also sent as its email',
			displayOptions: { show: { matchOn: ['email'] } },
		},
		additionalFields(customerFields, { displayName: 'Fields', description: 'Sent on create and on update' }),
	],
};
