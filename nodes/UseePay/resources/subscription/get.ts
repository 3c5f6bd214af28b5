import type { INodeProperties } from 'n8n-workflow';

import { subscriptionLocator } from './shared';

const showOnlyForSubscriptionGet = { operation: ['get'], resource: ['subscription'] };

export const subscriptionGetFields: INodeProperties[] = [
	{ ...subscriptionLocator, displayOptions: { show: showOnlyForSubscriptionGet } },
];
