import type { INodeProperties } from 'n8n-workflow';

import { customerFields, customerLocator } from './shared';

const showOnlyForCustomerUpdate = { operation: ['update'], resource: ['customer'] };

export const customerUpdateFields: INodeProperties[] = [
	{ ...customerLocator, displayOptions: { show: showOnlyForCustomerUpdate } },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForCustomerUpdate },
		options: customerFields,
	},
];
