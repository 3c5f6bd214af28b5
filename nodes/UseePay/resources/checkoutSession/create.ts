import type { INodeProperties } from 'n8n-workflow';

import {
	additionalFields,
	addressField,
	billingIntervalFields,
	contactField,
	customerIdField,
	extraFieldsField,
	listField,
	metadataField,
	objectField,
	paymentMethodTypesField,
	shippingField,
	textField,
} from '../../shared/fields';
import { amountField, currencyField } from '../../shared/money';
import type { OperationSpec } from '../../shared/resource';

/** How a line item recurs. A collection, so that its optional numbers are only sent when added. */
const recurring: INodeProperties = {
	displayName: 'Recurring',
	name: 'recurring',
	type: 'collection',
	placeholder: 'Add Recurring Field',
	default: {},
	description: 'How the line item recurs; required when Mode is Subscription (add Interval and Interval Count)',
	options: [
		...billingIntervalFields,
		{
			displayName: 'Total Billing Cycles',
			name: 'total_billing_cycles',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 12,
			description: 'How many periods to bill; leave out for an open-ended subscription',
		},
		amountField({
			displayName: 'Unit Amount',
			name: 'unit_amount',
			description: 'The most that may be charged per period, in major units',
		}),
	],
};

/**
 * `line_items`: one row per line, each `{quantity, price_data: {product_data: {name, desc},
 * unit_amount, currency, recurring}}`.
 */
const lineItems = listField(
	'line_items',
	'Line Items',
	'Line Item',
	[
		objectField('price_data', 'Price Data', [
			textField('currency', 'Currency', {
				placeholder: 'e.g. USD',
				description: 'Three-letter ISO 4217 code; defaults to the session currency',
			}),
			objectField('product_data', 'Product Data', [
				textField('desc', 'Description'),
				textField('name', 'Name', { placeholder: 'e.g. Annual licence' }),
			]),
			recurring,
			amountField({
				displayName: 'Unit Amount',
				name: 'unit_amount',
				typeOptions: { minValue: 0.001, numberPrecision: 3 },
				default: 0.01,
				description: 'Price of one unit in major units of the currency, e.g. 25.50 for USD 25.50',
			}),
		]),
		{ displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { minValue: 1 }, default: 1 },
	],
	{ description: 'What the customer pays for. The amount must equal the sum of quantity × unit amount.' },
);

/** `billing`: the payer. */
const billing = contactField(
	'billing',
	'Billing',
	[
		{ ...addressField(), description: 'Line 1, City, State, Postcode and Country are required by UseePay' },
		'date_of_birth',
		'email',
		'first_name',
		'last_name',
		'phone',
	],
	{
		placeholder: 'Add Billing Details',
		description: 'The payer. First Name, Last Name and Email are required by UseePay.',
	},
);

const subscriptionData = objectField(
	'subscription_data',
	'Subscription Data',
	[
		objectField(
			'discount_period_config',
			'Discount Period Config',
			[
				amountField({
					displayName: 'Discount Period Amount',
					name: 'discount_period_amount',
					description: 'The discounted amount per period, in major units (below the regular price)',
				}),
				{
					displayName: 'Discount Period Count',
					name: 'discount_period_count',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 1,
					description: 'How many initial periods are discounted',
				},
			],
			{ placeholder: 'Add Introductory Price', description: 'An introductory price for the first periods' },
		),
	],
	{
		description:
			'Used when Mode is Subscription (UseePay requires it there: without an introductory price it is sent as an empty object)',
	},
);

const optionalFields: INodeProperties[] = [
	{
		displayName: 'Collection Method',
		name: 'collection_method',
		type: 'options',
		options: [{ name: 'Auto Charge', value: 'auto_charge' }],
		default: 'auto_charge',
		description: 'How subscription invoices are paid; required (Auto Charge) when Mode is Subscription',
	},
	contactField('customer', 'Customer', ['email', 'id', 'merchant_customer_id', 'name', 'phone'], {
		description:
			'The customer, when Customer ID is not set. Name, Merchant Customer ID and Email or Phone are required by UseePay.',
	}),
	customerIdField('An existing customer; if set, Customer is not needed'),
	extraFieldsField,
	metadataField,
	paymentMethodTypesField('The payment methods the customer may use'),
	shippingField(),
	subscriptionData,
];

export const create: OperationSpec = {
	name: 'Create',
	value: 'create',
	action: 'Create a checkout session',
	description: 'Create a checkout session; hand its client_secret to UseePay.js',
	method: 'POST',
	// No `/create` suffix here, unlike the other resources.
	path: '/api/v1/checkout_sessions',
	body: {
		required: ['mode', 'ui_mode', 'amount', 'currency', 'merchant_order_id', 'line_items', 'billing'],
		collection: 'additionalFields',
		// UseePay answers 400 "subscription_data required for subscription mode" without it; its SDK sends {}.
		complete: (body) =>
			body.mode === 'subscription' && body.subscription_data === undefined ? { ...body, subscription_data: {} } : body,
	},
	fields: [
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
		},
		{
			displayName: 'UI Mode',
			name: 'ui_mode',
			type: 'options',
			required: true,
			options: [{ name: 'Custom', value: 'custom', description: 'You render the payment form with UseePay.js' }],
			default: 'custom',
		},
		currencyField({ required: true }),
		amountField({
			required: true,
			typeOptions: { minValue: 0.001, numberPrecision: 3 },
			default: 0.01,
			description:
				'Total in major units of the currency (e.g. 25.50 for USD 25.50); must equal the sum of the line items',
		}),
		textField('merchant_order_id', 'Merchant Order ID', {
			required: true,
			placeholder: 'e.g. ORD-2025-0001',
			description: 'Your own unique order ID (up to 64 characters)',
		}),
		{ ...lineItems, required: true },
		{ ...billing, required: true },
		additionalFields(optionalFields),
	],
};
