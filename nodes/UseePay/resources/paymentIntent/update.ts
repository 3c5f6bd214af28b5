import {
	descriptionField,
	deviceDataField,
	extraFieldsField,
	metadataField,
	orderField,
	paymentMethodOptionsField,
} from '../../shared/fields';
import { amountField, currencyField } from '../../shared/money';
import { updateOperation } from '../../shared/resource';
import { customerId, inlineCustomerField, merchantOrderIdField, returnUrlField } from './shared';

export const update = updateOperation(
	'a payment intent',
	'/api/v1/payment_intents/{paymentIntentId}',
	[
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
	],
	'Update a payment intent without confirming it',
);
