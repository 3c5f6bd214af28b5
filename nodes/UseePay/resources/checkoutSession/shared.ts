import type { INodeProperties } from 'n8n-workflow';

import {
	addressField,
	billingIntervalFields,
	emailField,
	extraFieldsField,
	metadataField,
	shippingField,
} from '../../shared/fields';
import { resourceLocator } from '../../shared/locators';
import { amountField } from '../../shared/money';

/** The checkout session picked by Get. */
export const checkoutSessionLocator = resourceLocator({
	name: 'checkoutSessionId',
	displayName: 'Checkout Session',
	searchListMethod: 'searchCheckoutSessions',
	placeholder: 'e.g. cs_1JA7UDDQG3800',
});

/**
 * `line_items`: one `items` row per line (body.ts turns an `items` group into a JSON array), each
 * `{quantity, price_data: {product_data: {name, desc}, unit_amount, currency, recurring}}`.
 * `recurring` is a collection, not a fixedCollection, so that its optional numbers
 * (total_billing_cycles, unit_amount) are left out unless added: a fixedCollection would send 0.
 */
// candidate for shared/fields.ts (line items with price data)
export const lineItemsField: INodeProperties = {
	displayName: 'Line Items',
	name: 'line_items',
	type: 'fixedCollection',
	placeholder: 'Add Line Item',
	typeOptions: { multipleValues: true },
	default: {},
	description: 'What the customer pays for. The amount must equal the sum of quantity × unit amount.',
	options: [
		{
			displayName: 'Line Item',
			name: 'items',
			values: [
				{
					displayName: 'Price Data',
					name: 'price_data',
					type: 'fixedCollection',
					placeholder: 'Add Price Data',
					default: {},
					options: [
						{
							displayName: 'Details',
							name: 'details',
							values: [
								{
									displayName: 'Currency',
									name: 'currency',
									type: 'string',
									default: '',
									placeholder: 'e.g. USD',
									description: 'Three-letter ISO 4217 code; defaults to the session currency',
								},
								{
									displayName: 'Product Data',
									name: 'product_data',
									type: 'fixedCollection',
									placeholder: 'Add Product Data',
									default: {},
									options: [
										{
											displayName: 'Details',
											name: 'details',
											values: [
												{ displayName: 'Description', name: 'desc', type: 'string', default: '' },
												{
													displayName: 'Name',
													name: 'name',
													type: 'string',
													default: '',
													placeholder: 'e.g. Annual licence',
												},
											],
										},
									],
								},
								{
									displayName: 'Recurring',
									name: 'recurring',
									type: 'collection',
									placeholder: 'Add Recurring Field',
									default: {},
									description:
										'How the line item recurs; required when Mode is Subscription (add Interval and Interval Count)',
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
								},
								amountField({
									displayName: 'Unit Amount',
									name: 'unit_amount',
									typeOptions: { minValue: 0.001, numberPrecision: 3 },
									default: 0.01,
									description: 'Price of one unit in major units of the currency, e.g. 25.50 for USD 25.50',
								}),
							],
						},
					],
				},
				{
					displayName: 'Quantity',
					name: 'quantity',
					type: 'number',
					typeOptions: { minValue: 1 },
					default: 1,
				},
			],
		},
	],
};

const addressDetailsNote = 'Line 1, City, State, Postcode and Country are required by UseePay';

/** `billing`: the payer's billing details. */
// candidate for shared/fields.ts (billing with first/last name and date of birth)
export const billingField: INodeProperties = {
	displayName: 'Billing',
	name: 'billing',
	type: 'fixedCollection',
	placeholder: 'Add Billing Details',
	default: {},
	description: 'The payer. First Name, Last Name and Email are required by UseePay.',
	options: [
		{
			displayName: 'Details',
			name: 'details',
			values: [
				{ ...addressField(), description: addressDetailsNote },
				{
					displayName: 'Date of Birth',
					name: 'date_of_birth',
					type: 'string',
					default: '',
					placeholder: 'e.g. 1990-12-31',
					description: 'As YYYY-MM-DD',
				},
				emailField,
				{ displayName: 'First Name', name: 'first_name', type: 'string', default: '' },
				{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
				{ displayName: 'Phone', name: 'phone', type: 'string', default: '', placeholder: 'e.g. +14155550100' },
			],
		},
	],
};

/** `customer`: an inline customer, instead of an existing Customer ID. */
// candidate for shared/fields.ts (inline customer)
const inlineCustomerField: INodeProperties = {
	displayName: 'Customer',
	name: 'customer',
	type: 'fixedCollection',
	placeholder: 'Add Customer',
	default: {},
	description:
		'The customer, when Customer ID is not set. Name, Merchant Customer ID and Email or Phone are required by UseePay.',
	options: [
		{
			displayName: 'Details',
			name: 'details',
			values: [
				emailField,
				{
					displayName: 'ID',
					name: 'id',
					type: 'string',
					default: '',
					placeholder: 'e.g. cus_1KX0CUSTOMER0',
					description: 'UseePay ID of an existing customer',
				},
				{
					displayName: 'Merchant Customer ID',
					name: 'merchant_customer_id',
					type: 'string',
					default: '',
					placeholder: 'e.g. CRM-00042',
					description: 'Your own ID for this customer',
				},
				{ displayName: 'Name', name: 'name', type: 'string', default: '' },
				{ displayName: 'Phone', name: 'phone', type: 'string', default: '', placeholder: 'e.g. +14155550100' },
			],
		},
	],
};

const subscriptionDataField: INodeProperties = {
	displayName: 'Subscription Data',
	name: 'subscription_data',
	type: 'fixedCollection',
	placeholder: 'Add Subscription Data',
	default: {},
	description:
		'Used when Mode is Subscription (UseePay requires it there: without an introductory price it is sent as an empty object)',
	options: [
		{
			displayName: 'Details',
			name: 'details',
			values: [
				{
					displayName: 'Discount Period Config',
					name: 'discount_period_config',
					type: 'fixedCollection',
					placeholder: 'Add Introductory Price',
					default: {},
					description: 'An introductory price for the first periods',
					options: [
						{
							displayName: 'Details',
							name: 'details',
							values: [
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
						},
					],
				},
			],
		},
	],
};

/** The optional checkout session fields of Create (Additional Fields). */
export const checkoutSessionOptionalFields: INodeProperties[] = [
	{
		displayName: 'Collection Method',
		name: 'collection_method',
		type: 'options',
		options: [{ name: 'Auto Charge', value: 'auto_charge' }],
		default: 'auto_charge',
		description: 'How subscription invoices are paid; required (Auto Charge) when Mode is Subscription',
	},
	inlineCustomerField,
	{
		displayName: 'Customer ID',
		name: 'customer_id',
		type: 'string',
		default: '',
		placeholder: 'e.g. cus_1KX0CUSTOMER0',
		description: 'An existing customer; if set, Customer is not needed',
	},
	extraFieldsField,
	metadataField,
	{
		displayName: 'Payment Method Types',
		name: 'payment_method_types',
		type: 'multiOptions',
		options: [
			{ name: 'Apple Pay', value: 'apple_pay' },
			{ name: 'Card', value: 'card' },
			{ name: 'Google Pay', value: 'google_pay' },
		],
		default: [],
		description: 'The payment methods the customer may use',
	},
	shippingField(),
	subscriptionDataField,
];
