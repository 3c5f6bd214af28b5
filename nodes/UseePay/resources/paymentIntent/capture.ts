import { additionalFields, extraFieldsField } from '../../shared/fields';
import { amountField } from '../../shared/money';
import type { OperationSpec } from '../../shared/resource';

export const capture: OperationSpec = {
	name: 'Capture',
	value: 'capture',
	action: 'Capture a payment intent (moves money; safe to repeat)',
	description:
		'Capture the funds of a payment intent that requires capture. A captured one is returned, not captured again.',
	method: 'POST',
	path: '/api/v1/payment_intents/{paymentIntentId}/capture',
	body: { collection: 'additionalFields' },
	fields: [
		additionalFields([
			amountField({
				description:
					'Decimal amount to capture, in major units of the currency. Leave it out to capture the full amount.',
			}),
			extraFieldsField,
		]),
	],
};
