import type { INodeProperties } from 'n8n-workflow';

import { CUSTOMER_ID_EXAMPLE } from './common';
import { objectField, textField } from './kit';

/**
 * People and places: addresses, customers given inline, billing and shipping contacts. UseePay
 * reuses the same parts under several names (a customer's `phone`, a payment link customer's
 * `phone_number` ...), so each part is defined once here and a contact is the list of its parts.
 */

export const emailField: INodeProperties = textField('email', 'Email', { placeholder: 'name@email.com' });

/** The lines of an address (the customer's; an order's shipping spells the country `country_code`). */
const ADDRESS_PARTS = {
	city: textField('city', 'City'),
	country: textField('country', 'Country', {
		placeholder: 'e.g. US',
		description: 'Two-letter ISO 3166-1 country code',
	}),
	country_code: textField('country_code', 'Country Code', {
		placeholder: 'e.g. US',
		description: 'Two-letter ISO 3166-1 country code',
	}),
	line1: textField('line1', 'Line 1', { placeholder: 'e.g. 1 Main Street' }),
	line2: textField('line2', 'Line 2'),
	postcode: textField('postcode', 'Postcode'),
	state: textField('state', 'State'),
};

const PERSON_PARTS = {
	date_of_birth: textField('date_of_birth', 'Date of Birth', {
		placeholder: 'e.g. 1990-12-31',
		description: 'As YYYY-MM-DD',
	}),
	email: emailField,
	first_name: textField('first_name', 'First Name'),
	id: textField('id', 'ID', {
		placeholder: `e.g. ${CUSTOMER_ID_EXAMPLE}`,
		description: 'UseePay ID of an existing customer',
	}),
	last_name: textField('last_name', 'Last Name'),
	merchant_customer_id: textField('merchant_customer_id', 'Merchant Customer ID', {
		placeholder: 'e.g. CRM-00042',
		description: 'Your own ID for this customer',
	}),
	name: textField('name', 'Name', { description: 'Full name or business name' }),
	phone: textField('phone', 'Phone', { placeholder: 'e.g. +14155550100' }),
	phone_number: textField('phone_number', 'Phone Number', { placeholder: 'e.g. +14155550100' }),
	shipping_method: textField('shipping_method', 'Shipping Method', { placeholder: 'e.g. express' }),
};

export type ContactPart = keyof typeof ADDRESS_PARTS | keyof typeof PERSON_PARTS | 'address';

/** The parts, by wire name (`address` is the customer's address object). */
export function contactParts(...names: ContactPart[]): INodeProperties[] {
	return names.map((name) => (name === 'address' ? addressField() : { ...ADDRESS_PARTS, ...PERSON_PARTS }[name]));
}

/**
 * A contact object made of parts (and, where UseePay nests one differently, a field of its own),
 * listed in label order: an address, a customer given inline, a billing or shipping contact.
 */
export function contactField(
	name: string,
	displayName: string,
	parts: Array<ContactPart | INodeProperties>,
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	const values = parts.map((part) => (typeof part === 'string' ? contactParts(part)[0] : part));
	return objectField(name, displayName, values, extra);
}

/** An address: line 1 and 2, city, state, postcode and country. */
export function addressField(): INodeProperties {
	return contactField('address', 'Address', ['city', 'country', 'line1', 'line2', 'postcode', 'state']);
}

/** A customer's shipping contact. */
export function shippingField(): INodeProperties {
	return contactField('shipping', 'Shipping', [
		'address',
		'first_name',
		'last_name',
		'name',
		'phone',
		'shipping_method',
	]);
}

/** A billing contact: name, email, phone and address. */
export function billingField(): INodeProperties {
	return contactField('billing', 'Billing', ['address', 'email', 'first_name', 'last_name', 'name', 'phone']);
}

/** An order's shipping: UseePay spells it differently from a customer's (`country_code`, `phone_number`). */
export function orderShippingField(): INodeProperties {
	const address = contactField('address', 'Address', ['city', 'country_code', 'line1', 'postcode', 'state']);
	return contactField('shipping', 'Shipping', [address, 'first_name', 'last_name', 'phone_number', 'shipping_method']);
}
