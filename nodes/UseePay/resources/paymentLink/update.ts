import { byDisplayName, updateFields } from '../../shared/fields';
import { amountField, currencyField } from '../../shared/money';
import type { OperationSpec } from '../../shared/resource';
import { paymentLinkFields } from './shared';

export const update: OperationSpec = {
	name: 'Update',
	value: 'update',
	action: 'Update a payment link',
	description: 'Update a payment link',
	method: 'POST',
	path: '/api/v1/payment_links/{paymentLinkId}',
	body: { collection: 'updateFields' },
	// Every create field, amount and currency included, is optional.
	fields: [updateFields([amountField(), ...paymentLinkFields, currencyField()].sort(byDisplayName))],
};
