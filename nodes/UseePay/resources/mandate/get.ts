import type { INodeProperties } from 'n8n-workflow';

import { mandateLocator } from './shared';

const showOnlyForMandateGet = { operation: ['get'], resource: ['mandate'] };

export const mandateGetFields: INodeProperties[] = [
	{ ...mandateLocator, displayOptions: { show: showOnlyForMandateGet } },
];
