import type { INodeProperties } from 'n8n-workflow';

import {
	collectionMethodField,
	daysUntilDueField,
	descriptionField,
	extraFieldsField,
	metadataField,
	textField,
} from '../../shared/fields';

/** The optional invoice fields, shared by Create (Additional Fields) and Update (Update Fields). */
export const invoiceFields: INodeProperties[] = [
	collectionMethodField,
	daysUntilDueField,
	descriptionField,
	extraFieldsField,
	textField('footer', 'Footer', { description: 'Text printed at the bottom of the invoice' }),
	metadataField,
];
