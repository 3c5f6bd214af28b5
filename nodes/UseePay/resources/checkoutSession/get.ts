import type { INodeProperties } from 'n8n-workflow';

import { checkoutSessionLocator } from './shared';

const showOnlyForCheckoutSessionGet = { operation: ['get'], resource: ['checkoutSession'] };

export const checkoutSessionGetFields: INodeProperties[] = [
	{ ...checkoutSessionLocator, displayOptions: { show: showOnlyForCheckoutSessionGet } },
];
