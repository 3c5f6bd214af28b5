import type { INodeProperties } from 'n8n-workflow';

import { paymentIntentLocator } from './shared';

const showOnlyForPaymentIntentGet = { operation: ['get'], resource: ['paymentIntent'] };

export const paymentIntentGetFields: INodeProperties[] = [
	{ ...paymentIntentLocator, displayOptions: { show: showOnlyForPaymentIntentGet } },
];
