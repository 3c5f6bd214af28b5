import type { INodeProperties } from 'n8n-workflow';

import {
	addressField,
	descriptionField,
	emailField,
	extraFieldsField,
	metadataField,
	shippingField,
} from '../../shared/fields';
import { resourceLocator } from '../../shared/locators';

/** The customer picked by Get and Update. */
export const customerLocator = resourceLocator({
	name: 'customerId',
	displayName: 'Customer',
	searchListMethod: 'searchCustomers',
	placeholder: 'e.g. cus_1JA7UDDQG3800',
});

/** The optional customer fields, shared by Create (Additional Fields) and Update (Update Fields). */
export const customerFields: INodeProperties[] = [
	addressField(),
	descriptionField,
	emailField,
	extraFieldsField,
	{ displayName: 'First Name', name: 'first_name', type: 'string', default: '' },
	{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
	metadataField,
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		description: 'Full name or business name',
	},
	{ displayName: 'Phone', name: 'phone', type: 'string', default: '', placeholder: 'e.g. +14155550100' },
	shippingField(),
];
