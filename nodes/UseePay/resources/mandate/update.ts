import type { INodeProperties } from 'n8n-workflow';

import { mandateLocator, mandateUpdateOptionalFields } from './shared';

const showOnlyForMandateUpdate = { operation: ['update'], resource: ['mandate'] };

export const mandateUpdateFields: INodeProperties[] = [
	{ ...mandateLocator, displayOptions: { show: showOnlyForMandateUpdate } },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForMandateUpdate },
		options: mandateUpdateOptionalFields,
	},
];
