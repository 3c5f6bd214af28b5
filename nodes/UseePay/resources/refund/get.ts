import type { INodeProperties } from 'n8n-workflow';

import { refundLocator } from './shared';

const showOnlyForRefundGet = { operation: ['get'], resource: ['refund'] };

export const refundGetFields: INodeProperties[] = [
	{ ...refundLocator, displayOptions: { show: showOnlyForRefundGet } },
];
