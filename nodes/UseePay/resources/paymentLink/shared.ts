import type { INodeProperties } from 'n8n-workflow';

import {
	addressField,
	descriptionField,
	emailField,
	extraFieldsField,
	metadataField,
	orderField,
} from '../../shared/fields';
import { resourceLocator } from '../../shared/locators';
import { amountField, currencyField, CURRENCY_OPTIONS } from '../../shared/money';

/** The payment link picked by Get and Update. */
export const paymentLinkLocator = resourceLocator({
	name: 'paymentLinkId',
	displayName: 'Payment Link',
	searchListMethod: 'searchPaymentLinks',
	placeholder: 'e.g. plk_1JA7UDDQG3800',
});

const collectableOptionsField: INodeProperties = {
	displayName: 'Collectable Options',
	name: 'collectable_options',
	type: 'fixedCollection',
	placeholder: 'Add Collectable Options',
	default: {},
	description: 'Which extra details the hosted page asks the payer for',
	options: [
		{
			displayName: 'Details',
			name: 'details',
			values: [
				{
					displayName: 'Billing Address',
					name: 'billing_address',
					type: 'boolean',
					default: false,
					description: 'Whether to ask the payer for a billing address',
				},
				{
					displayName: 'Message',
					name: 'message',
					type: 'boolean',
					default: false,
					description: 'Whether to ask the payer for a free-text message',
				},
				{
					displayName: 'Phone Number',
					name: 'phone_number',
					type: 'boolean',
					default: false,
					description: 'Whether to ask the payer for a phone number',
				},
				{
					displayName: 'Reference',
					name: 'reference',
					type: 'boolean',
					default: false,
					description: 'Whether to ask the payer for a reference',
				},
				{
					displayName: 'Shipping Address',
					name: 'shipping_address',
					type: 'boolean',
					default: false,
					description: 'Whether to ask the payer for a shipping address',
				},
			],
		},
	],
};

/** `customer`: an inline customer, instead of an existing Customer ID. */
// candidate for shared/fields.ts (inline customer; note UseePay names the phone `phone_number` here)
const inlineCustomerField: INodeProperties = {
	displayName: 'Customer',
	name: 'customer',
	type: 'fixedCollection',
	placeholder: 'Add Customer',
	default: {},
	description: 'The payer, when not an existing customer (use Customer ID for one)',
	options: [
		{
			displayName: 'Details',
			name: 'details',
			values: [
				addressField(),
				emailField,
				{ displayName: 'First Name', name: 'first_name', type: 'string', default: '' },
				{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
				{
					displayName: 'Phone Number',
					name: 'phone_number',
					type: 'string',
					default: '',
					placeholder: 'e.g. +14155550100',
				},
			],
		},
	],
};

/** `order`: what the payer is paying for, shown on the hosted page. */
const order: INodeProperties = { ...orderField(), description: 'The order shown on the hosted payment page' };

/** The optional fields Create and Update share. */
const paymentLinkOptionalFields: INodeProperties[] = [
	collectableOptionsField,
	inlineCustomerField,
	{
		displayName: 'Customer ID',
		name: 'customer_id',
		type: 'string',
		default: '',
		placeholder: 'e.g. cus_1KX0CUSTOMER0',
		description: 'An existing customer who pays through the link',
	},
	{ ...descriptionField, description: 'Shown to the payer' },
	extraFieldsField,
	metadataField,
	order,
	{
		displayName: 'Reference',
		name: 'reference',
		type: 'string',
		default: '',
		placeholder: 'e.g. INV-1001',
		description: 'Your own reference for the link',
	},
	{
		displayName: 'Reusable',
		name: 'reusable',
		type: 'boolean',
		default: false,
		description: 'Whether the link can be paid more than once (off makes a single-use link)',
	},
	{
		displayName: 'Supported Currencies',
		name: 'supported_currencies',
		type: 'multiOptions',
		options: CURRENCY_OPTIONS,
		default: [],
		description: 'The currencies the payer may choose from',
	},
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		default: '',
		placeholder: 'e.g. Invoice 1001',
		description: 'Shown to the payer',
	},
];

/** Create: Additional Fields (amount and currency are top-level and required). */
export const paymentLinkCreateOptionalFields: INodeProperties[] = paymentLinkOptionalFields;

/** Update: Update Fields (every create field, amount and currency included, is optional). */
export const paymentLinkUpdateOptionalFields: INodeProperties[] = [
	amountField(),
	...paymentLinkOptionalFields,
	currencyField(),
].sort((a, b) => a.displayName.localeCompare(b.displayName));

// UNCERTAIN: UseePay documents no payment link status values; `active` is the one seen.
export const paymentLinkStatusOptions = [
	{ name: 'Active', value: 'active' },
	{ name: 'Inactive', value: 'inactive' },
];
