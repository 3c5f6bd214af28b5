import type { INodeProperties } from 'n8n-workflow';

import { card, paymentMethodFields, paymentMethodTypeOptions } from './shared';

const showOnlyForPaymentMethodCreate = { operation: ['create'], resource: ['paymentMethod'] };

export const paymentMethodCreateFields: INodeProperties[] = [
	{
		displayName: 'Type',
		name: 'type',
		type: 'options',
		required: true,
		options: paymentMethodTypeOptions,
		default: 'card',
		description: 'The kind of payment method',
		displayOptions: { show: showOnlyForPaymentMethodCreate },
	},
	{ ...card, required: true, displayOptions: { show: showOnlyForPaymentMethodCreate } },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForPaymentMethodCreate },
		options: paymentMethodFields,
	},
];
