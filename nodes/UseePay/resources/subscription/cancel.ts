import { additionalFields, extraFieldsField, optionsOf } from '../../shared/fields';
import type { OperationSpec } from '../../shared/resource';

/** Why a customer left: UseePay's cancellation feedback values. */
const CANCELLATION_FEEDBACK =
	'customer_service low_quality missing_features other switched_service too_complex too_expensive unused'.split(' ');

export const cancel: OperationSpec = {
	name: 'Cancel',
	value: 'cancel',
	action: 'Cancel a subscription',
	description: 'Cancel a subscription',
	method: 'POST',
	path: '/api/v1/subscriptions/{subscriptionId}/cancel',
	body: { collection: 'additionalFields' },
	fields: [
		additionalFields([
			{
				displayName: 'Cancel At Period End',
				name: 'cancel_at_period_end',
				type: 'boolean',
				default: false,
				description: 'Whether to cancel at the end of the current billing period instead of now',
			},
			{
				displayName: 'Cancellation Details',
				name: 'cancellation_details',
				type: 'collection',
				placeholder: 'Add Detail',
				default: {},
				description: 'Why the subscription is cancelled',
				options: [
					{ displayName: 'Comment', name: 'comment', type: 'string', default: '' },
					{
						displayName: 'Feedback',
						name: 'feedback',
						type: 'options',
						options: optionsOf(...CANCELLATION_FEEDBACK),

						default: 'other',
					},
				],
			},
			extraFieldsField,
			{
				displayName: 'Invoice Now',
				name: 'invoice_now',
				type: 'boolean',
				default: false,
				description: 'Whether to invoice pending usage right away',
			},
			{
				displayName: 'Prorate',
				name: 'prorate',
				type: 'boolean',
				default: false,
				description: 'Whether to prorate the current billing period',
			},
		]),
	],
};
