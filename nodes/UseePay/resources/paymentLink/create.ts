import type { INodeProperties } from 'n8n-workflow';

import { amountField, currencyField } from '../../shared/money';
import { paymentLinkCreateOptionalFields } from './shared';

const showOnlyForPaymentLinkCreate = { operation: ['create'], resource: ['paymentLink'] };

export const paymentLinkCreateFields: INodeProperties[] = [
	currencyField({ required: true, displayOptions: { show: showOnlyForPaymentLinkCreate } }),
	amountField({ required: true, displayOptions: { show: showOnlyForPaymentLinkCreate } }),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForPaymentLinkCreate },
		options: paymentLinkCreateOptionalFields,
	},
];
