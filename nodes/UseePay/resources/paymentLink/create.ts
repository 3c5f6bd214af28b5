import { additionalFields } from '../../shared/fields';
import { amountField, currencyField } from '../../shared/money';
import type { OperationSpec } from '../../shared/resource';
import { paymentLinkFields } from './shared';

export const create: OperationSpec = {
	name: 'Create',
	value: 'create',
	action: 'Create a payment link',
	description: 'Create a payment link',
	method: 'POST',
	path: '/api/v1/payment_links/create',
	body: { required: ['amount', 'currency'], collection: 'additionalFields' },
	fields: [currencyField({ required: true }), amountField({ required: true }), additionalFields(paymentLinkFields)],
};
