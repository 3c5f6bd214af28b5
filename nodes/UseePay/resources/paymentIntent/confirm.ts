import { surfaceDomainFailure } from '../../../shared/errors';
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
	action: 'Confirm a payment intent',
	description: 'Confirm a payment intent: try to pay it',
	method: 'POST',
	path: '/api/v1/payment_intents/{paymentIntentId}/confirm',
	body: { collection: 'additionalFields' },
	postReceive: [surfaceDomainFailure],
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
