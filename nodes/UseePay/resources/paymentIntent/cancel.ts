import { additionalFields, extraFieldsField, textField } from '../../shared/fields';
import type { OperationSpec } from '../../shared/resource';

export const cancel: OperationSpec = {
	name: 'Cancel',
	value: 'cancel',
	action: 'Cancel a payment intent',
	description: 'Cancel a payment intent, releasing funds authorised but not captured',
	method: 'POST',
	path: '/api/v1/payment_intents/{paymentIntentId}/cancel',
	body: { collection: 'additionalFields' },
	fields: [
		additionalFields([
			textField('cancellation_reason', 'Cancellation Reason', { placeholder: 'e.g. Order canceled' }),
			extraFieldsField,
		]),
	],
};
