import type { INodeProperties } from 'n8n-workflow';

import { paymentMethodLocator } from './shared';

const showOnlyForPaymentMethodGet = { operation: ['get'], resource: ['paymentMethod'] };

export const paymentMethodGetFields: INodeProperties[] = [
	{ ...paymentMethodLocator, displayOptions: { show: showOnlyForPaymentMethodGet } },
];
