import { additionalFields, textField } from '../../shared/fields';
import { customerIdLocator } from '../../shared/locators';
import { amountField, currencyField } from '../../shared/money';
import type { OperationSpec } from '../../shared/resource';
import { invoiceFields } from './shared';

export const create: OperationSpec = {
	name: 'Create',
	value: 'create',
	action: 'Create an invoice',
	description: 'Create an invoice',
	method: 'POST',
	path: '/api/v1/invoices/create',
	body: { required: ['customer_id', 'currency', 'total_amount'], collection: 'additionalFields' },
	fields: [
		customerIdLocator('The customer to bill'),
		currencyField({ required: true }),
		amountField({ displayName: 'Total Amount', name: 'total_amount', required: true }),
		additionalFields([
			...invoiceFields,
			textField('subscription_id', 'Subscription ID', {
				placeholder: 'e.g. sub_1JBPC9HT80000',
				description: 'The subscription this invoice bills',
			}),
		]),
	],
};
