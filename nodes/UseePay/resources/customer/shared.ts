import type { INodeProperties } from 'n8n-workflow';

import { contactParts, descriptionField, extraFieldsField, metadataField, shippingField } from '../../shared/fields';

/** The optional customer fields: Create's Additional Fields, Update's Update Fields, Create or Update's Fields. */
export const customerFields: INodeProperties[] = [
	...contactParts('address'),
	descriptionField,
	...contactParts('email'),
	extraFieldsField,
	...contactParts('first_name', 'last_name'),
	metadataField,
	...contactParts('name', 'phone'),
	shippingField(),
];

/** Merchant Customer ID, the key CRM syncs match customers on. */
export function merchantCustomerIdField(description: string): INodeProperties {
	return {
		displayName: 'Merchant Customer ID',
		name: 'merchant_customer_id',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. CRM-00042',
		description,
	};
}
