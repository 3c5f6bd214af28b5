import { additionalFields, extraFieldsField, metadataField, textField } from '../../shared/fields';
import { idempotencyKeyField } from '../../shared/idempotencyKey';
import { locatorField } from '../../shared/locators';
import { amountField, currencyField } from '../../shared/money';
import type { OperationSpec } from '../../shared/resource';

export const reasonField = textField('reason', 'Reason', {
	placeholder: 'e.g. Customer returned the item',
	description: 'Why the payment is refunded (free text)',
});

export const create: OperationSpec = {
	name: 'Create',
	value: 'create',
	// The action is also the AI tool's description ("<action> in UseePay").
	action: 'Create a refund (moves money: repeat only with Idempotency Key)',
	description: 'Refund a succeeded payment, fully or partly. Moves money: at most once per Idempotency Key.',
	method: 'POST',
	path: '/api/v1/refunds/create',
	body: { required: ['payment_intent_id'], collection: 'additionalFields' },
	fields: [
		locatorField('paymentIntent', {
			name: 'payment_intent_id',
			displayName: 'Payment Intent',
			placeholder: 'e.g. 1012500000000000001',
			description: 'The succeeded payment to refund',
		}),
		idempotencyKeyField,
		additionalFields([
			amountField({
				description:
					'Decimal amount to refund, in major units of the currency. Leave it out to refund the full payment.',
			}),
			currencyField({ description: 'Three-letter ISO 4217 code of the refund, normally the payment currency' }),
			extraFieldsField,
			metadataField,
			reasonField,
		]),
	],
};
