import type { INodeProperties } from 'n8n-workflow';

import { paymentLinkLocator, paymentLinkUpdateOptionalFields } from './shared';

const showOnlyForPaymentLinkUpdate = { operation: ['update'], resource: ['paymentLink'] };

export const paymentLinkUpdateFields: INodeProperties[] = [
	{ ...paymentLinkLocator, displayOptions: { show: showOnlyForPaymentLinkUpdate } },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForPaymentLinkUpdate },
		options: paymentLinkUpdateOptionalFields,
	},
];
