import type { INodeProperties } from 'n8n-workflow';

import { billingField, customerIdField, extraFieldsField, metadataField } from '../../shared/fields';

export const paymentMethodTypeOptions = [{ name: 'Card', value: 'card' }];

/** The optional payment method fields, shared by Create (Additional Fields) and Update (Update Fields). */
export const paymentMethodFields: INodeProperties[] = [
	billingField(),
	customerIdField('The customer the payment method is attached to'),
	extraFieldsField,
	metadataField,
];
