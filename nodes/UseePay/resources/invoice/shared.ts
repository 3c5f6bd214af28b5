import type { INodeProperties } from 'n8n-workflow';

import {
	collectionMethodField,
	daysUntilDueField,
	descriptionField,
	extraFieldsField,
	metadataField,
} from '../../shared/fields';
import { resourceLocator } from '../../shared/locators';

/** The invoice picked by Get, Update and Pay. */
export const invoiceLocator = resourceLocator({
	name: 'invoiceId',
	displayName: 'Invoice',
	searchListMethod: 'searchInvoices',
	placeholder: 'e.g. inv_1JBQRUTEC0000',
});

/** The optional invoice fields, shared by Create (Additional Fields) and Update (Update Fields). */
export const invoiceFields: INodeProperties[] = [
	collectionMethodField,
	daysUntilDueField,
	descriptionField,
	extraFieldsField,
	{
		displayName: 'Footer',
		name: 'footer',
		type: 'string',
		default: '',
		description: 'Text printed at the bottom of the invoice',
	},
	metadataField,
];
