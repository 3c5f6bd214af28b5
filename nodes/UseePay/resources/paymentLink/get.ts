import type { INodeProperties } from 'n8n-workflow';

import { paymentLinkLocator } from './shared';

const showOnlyForPaymentLinkGet = { operation: ['get'], resource: ['paymentLink'] };

export const paymentLinkGetFields: INodeProperties[] = [
	{ ...paymentLinkLocator, displayOptions: { show: showOnlyForPaymentLinkGet } },
];
