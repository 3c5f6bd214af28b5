import type { INodeProperties } from 'n8n-workflow';

import { extraFieldsField, metadataField } from '../../shared/fields';
import { resourceLocator } from '../../shared/locators';
import { amountField, currencyField } from '../../shared/money';
import { reasonField } from './shared';

const showOnlyForRefundCreate = { operation: ['create'], resource: ['refund'] };

export const refundCreateFields: INodeProperties[] = [
	{
		...resourceLocator({
			name: 'payment_intent_id',
			displayName: 'Payment Intent',
			searchListMethod: 'searchPaymentIntents',
			placeholder: 'e.g. 1012500000000000001',
		}),
		description: 'The succeeded payment to refund',
		displayOptions: { show: showOnlyForRefundCreate },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForRefundCreate },
		options: [
			amountField({
				description:
					'Decimal amount to refund, in major units of the currency. Leave it out to refund the full payment.',
			}),
			currencyField({ description: 'Three-letter ISO 4217 code of the refund, normally the payment currency' }),
			extraFieldsField,
			metadataField,
			reasonField,
		],
	},
];
