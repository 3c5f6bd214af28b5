import {
	descriptionField,
	deviceDataField,
	extraFieldsField,
	metadataField,
	orderField,
	paymentMethodOptionsField,
	updateFields,
} from '../../shared/fields';
import { amountField, currencyField } from '../../shared/money';
import type { OperationSpec } from '../../shared/resource';
import { customerId, inlineCustomerField, merchantOrderIdField, returnUrlField } from './shared';

export const update: OperationSpec = {
	name: 'Update',
	value: 'update',
	action: 'Update a payment intent',
	description: 'Update a payment intent without confirming it',
	method: 'POST',
	path: '/api/v1/payment_intents/{paymentIntentId}',
	body: { collection: 'updateFields' },
	fields: [
		updateFields([
			amountField(),
			currencyField(),
			inlineCustomerField(),
			customerId,
			descriptionField,
			deviceDataField(),
			extraFieldsField,
			merchantOrderIdField,
			metadataField,
			orderField(),
			paymentMethodOptionsField(),
			returnUrlField,
		]),
	],
};
