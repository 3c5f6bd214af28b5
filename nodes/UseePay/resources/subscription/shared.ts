import type { INodeProperties } from 'n8n-workflow';

import {
	collectionMethodField,
	daysUntilDueField,
	descriptionField,
	extraFieldsField,
	metadataField,
	orderField,
	textField,
} from '../../shared/fields';

export const defaultPaymentMethodField = textField('default_payment_method', 'Default Payment Method', {
	placeholder: 'e.g. pm_1JA7UDDQG3800',
	description: 'ID of the saved payment method charged automatically',
});

/** The optional fields Create (Additional Fields) and Update (Update Fields) share. */
export const subscriptionFields: INodeProperties[] = [
	collectionMethodField,
	daysUntilDueField,
	defaultPaymentMethodField,
	descriptionField,
	extraFieldsField,
	metadataField,
	orderField(),
];
