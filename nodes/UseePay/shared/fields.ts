import type { INodeProperties } from 'n8n-workflow';

/**
 * Field shapes shared by every resource (addresses, shipping, metadata, the JSON escape hatch).
 * Defined once here; body.ts turns their `details` / `entries` groups into UseePay's objects.
 * Each factory takes the wire name, because UseePay reuses these shapes under several names
 * (address, billing address, shipping address ...).
 */

const addressDetails: INodeProperties[] = [
	{ displayName: 'City', name: 'city', type: 'string', default: '' },
	{
		displayName: 'Country',
		name: 'country',
		type: 'string',
		default: '',
		placeholder: 'e.g. US',
		description: 'Two-letter ISO 3166-1 country code',
	},
	{ displayName: 'Line 1', name: 'line1', type: 'string', default: '', placeholder: 'e.g. 1 Main Street' },
	{ displayName: 'Line 2', name: 'line2', type: 'string', default: '' },
	{ displayName: 'Postcode', name: 'postcode', type: 'string', default: '' },
	{ displayName: 'State', name: 'state', type: 'string', default: '' },
];

export function addressField(name = 'address', displayName = 'Address'): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		placeholder: 'Add Address',
		default: {},
		options: [{ displayName: 'Details', name: 'details', values: addressDetails }],
	};
}

export function shippingField(name = 'shipping', displayName = 'Shipping'): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		placeholder: 'Add Shipping',
		default: {},
		options: [
			{
				displayName: 'Details',
				name: 'details',
				values: [
					addressField(),
					{ displayName: 'First Name', name: 'first_name', type: 'string', default: '' },
					{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
					{
						displayName: 'Shipping Method',
						name: 'shipping_method',
						type: 'string',
						default: '',
						placeholder: 'e.g. express',
					},
				],
			},
		],
	};
}

export const metadataField: INodeProperties = {
	displayName: 'Metadata',
	name: 'metadata',
	type: 'fixedCollection',
	placeholder: 'Add Metadata Item',
	description: 'Your own key/value pairs, stored on the object',
	typeOptions: { multipleValues: true },
	default: {},
	options: [
		{
			displayName: 'Entries',
			name: 'entries',
			values: [
				{ displayName: 'Key', name: 'key', type: 'string', default: '' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};

export const extraFieldsField: INodeProperties = {
	displayName: 'Extra Fields (JSON)',
	name: 'extraFields',
	type: 'json',
	default: '{}',
	description:
		'More body fields as a JSON object, merged last (deeply) into the request. For fields UseePay accepts that this node has no field for.',
};

export const emailField: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'name@email.com',
	default: '',
};

export const descriptionField: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	default: '',
};
