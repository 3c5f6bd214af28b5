import type { INodeProperties } from 'n8n-workflow';

import {
	contactField,
	customerIdField,
	descriptionField,
	extraFieldsField,
	metadataField,
	objectField,
	orderField,
	textField,
} from '../../shared/fields';
import { CURRENCY_OPTIONS } from '../../shared/money';

/** Whether the hosted page asks the payer for one more detail. */
const asks = (name: string, displayName: string, what: string): INodeProperties => ({
	displayName,
	name,
	type: 'boolean',
	default: false,
	description: `Whether to ask the payer for ${what}`,
});

const collectableOptionsField = objectField(
	'collectable_options',
	'Collectable Options',
	[
		asks('billing_address', 'Billing Address', 'a billing address'),
		asks('message', 'Message', 'a free-text message'),
		asks('phone_number', 'Phone Number', 'a phone number'),
		asks('reference', 'Reference', 'a reference'),
		asks('shipping_address', 'Shipping Address', 'a shipping address'),
	],
	{ description: 'Which extra details the hosted page asks the payer for' },
);

/** The optional fields Create and Update share (Update adds amount and currency). */
export const paymentLinkFields: INodeProperties[] = [
	collectableOptionsField,
	// UseePay names the phone `phone_number` here.
	contactField('customer', 'Customer', ['address', 'email', 'first_name', 'last_name', 'phone_number'], {
		description: 'The payer, when not an existing customer (use Customer ID for one)',
	}),
	customerIdField('An existing customer who pays through the link'),
	{ ...descriptionField, description: 'Shown to the payer' },
	extraFieldsField,
	metadataField,
	orderField('The order shown on the hosted payment page'),
	textField('reference', 'Reference', { placeholder: 'e.g. INV-1001', description: 'Your own reference for the link' }),
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
	textField('title', 'Title', { placeholder: 'e.g. Invoice 1001', description: 'Shown to the payer' }),
];
