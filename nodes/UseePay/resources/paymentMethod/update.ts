import type { INodeProperties } from 'n8n-workflow';

import { paymentMethodFields, paymentMethodLocator } from './shared';

const showOnlyForPaymentMethodUpdate = { operation: ['update'], resource: ['paymentMethod'] };

export const paymentMethodUpdateFields: INodeProperties[] = [
	{ ...paymentMethodLocator, displayOptions: { show: showOnlyForPaymentMethodUpdate } },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForPaymentMethodUpdate },
		options: paymentMethodFields,
	},
];
