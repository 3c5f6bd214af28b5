import type { INodeProperties } from 'n8n-workflow';

import { amountField, currencyField } from '../../shared/money';
import { billingField, checkoutSessionOptionalFields, lineItemsField } from './shared';

const showOnlyForCheckoutSessionCreate = { operation: ['create'], resource: ['checkoutSession'] };

export const checkoutSessionCreateFields: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		required: true,
		options: [
			{ name: 'Payment', value: 'payment', description: 'A one-off payment' },
			{
				name: 'Subscription',
				value: 'subscription',
				description:
					'A recurring subscription (set Recurring on each line item, Subscription Data and Collection Method)',
			},
		],
		default: 'payment',
		displayOptions: { show: showOnlyForCheckoutSessionCreate },
	},
	{
		displayName: 'UI Mode',
		name: 'ui_mode',
		type: 'options',
		required: true,
		options: [{ name: 'Custom', value: 'custom', description: 'You render the payment form with UseePay.js' }],
		default: 'custom',
		displayOptions: { show: showOnlyForCheckoutSessionCreate },
	},
	currencyField({ required: true, displayOptions: { show: showOnlyForCheckoutSessionCreate } }),
	amountField({
		required: true,
		typeOptions: { minValue: 0.001, numberPrecision: 3 },
		default: 0.01,
		description:
			'Total in major units of the currency (e.g. 25.50 for USD 25.50); must equal the sum of the line items',
		displayOptions: { show: showOnlyForCheckoutSessionCreate },
	}),
	{
		displayName: 'Merchant Order ID',
		name: 'merchant_order_id',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. ORD-2025-0001',
		description: 'Your own unique order ID (up to 64 characters)',
		displayOptions: { show: showOnlyForCheckoutSessionCreate },
	},
	{ ...lineItemsField, required: true, displayOptions: { show: showOnlyForCheckoutSessionCreate } },
	{ ...billingField, required: true, displayOptions: { show: showOnlyForCheckoutSessionCreate } },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForCheckoutSessionCreate },
		options: checkoutSessionOptionalFields,
	},
];
