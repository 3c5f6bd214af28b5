import type { INodeProperties } from 'n8n-workflow';

import { customerLocator } from './shared';

const showOnlyForCustomerGet = { operation: ['get'], resource: ['customer'] };

export const customerGetFields: INodeProperties[] = [
	{ ...customerLocator, displayOptions: { show: showOnlyForCustomerGet } },
];
