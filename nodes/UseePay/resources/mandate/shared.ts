import type { INodeProperties } from 'n8n-workflow';

import { customerAcceptanceField, extraFieldsField, metadataField } from '../../shared/fields';
import { resourceLocator } from '../../shared/locators';

/** The mandate picked by Get and Update. */
export const mandateLocator = resourceLocator({
	name: 'mandateId',
	displayName: 'Mandate',
	searchListMethod: 'searchMandates',
	placeholder: 'e.g. man_1JA7UDDQG3800',
});

/** `customer_acceptance`: how and when the customer agreed to the mandate. */
export const customerAcceptance: INodeProperties = {
	...customerAcceptanceField(),
	description: 'How and when the customer agreed to future merchant-initiated charges',
};

export const paymentIntentIdField: INodeProperties = {
	displayName: 'Payment Intent ID',
	name: 'payment_intent_id',
	type: 'string',
	default: '',
	placeholder: 'e.g. 1012500000000000001',
	description: 'The payment intent the consent was captured with',
};

/** The optional mandate fields of Create (Additional Fields). */
export const mandateCreateOptionalFields: INodeProperties[] = [extraFieldsField, metadataField, paymentIntentIdField];

/** The mandate fields of Update (Update Fields). */
export const mandateUpdateOptionalFields: INodeProperties[] = [customerAcceptance, extraFieldsField, metadataField];
