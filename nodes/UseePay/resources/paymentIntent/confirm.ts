import {
	additionalFields,
	deviceDataField,
	extraFieldsField,
	paymentMethodDataField,
	paymentMethodOptionsField,
} from '../../shared/fields';
import type { OperationSpec } from '../../shared/resource';
import { paymentMethodId, returnUrlField } from './shared';

export const confirm: OperationSpec = {
	name: 'Confirm',
	value: 'confirm',
	action: 'Confirm a payment intent (charges it; safe to repeat)',
	description: 'Confirm a payment intent: try to pay it. A paid one is returned, not charged again.',
	method: 'POST',
	path: '/api/v1/payment_intents/{paymentIntentId}/confirm',
	body: { collection: 'additionalFields' },
	fields: [
		additionalFields(
			[
				deviceDataField(),
				extraFieldsField,
				paymentMethodDataField(),
				paymentMethodId,
				paymentMethodOptionsField(),
				returnUrlField,
			],
			{
				description:
					'Pay with a Payment Method ID or with Payment Method Data, unless the payment intent already has one',
			},
		),
	],
};
