import type { INodeProperties } from 'n8n-workflow';

import { customerAcceptance, mandateCreateOptionalFields } from './shared';

const showOnlyForMandateCreate = { operation: ['create'], resource: ['mandate'] };

export const mandateCreateFields: INodeProperties[] = [
	{
		displayName: 'Customer ID',
		name: 'customer_id',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. cus_1KX0CUSTOMER0',
		description: 'The customer the mandate belongs to',
		displayOptions: { show: showOnlyForMandateCreate },
	},
	{ ...customerAcceptance, required: true, displayOptions: { show: showOnlyForMandateCreate } },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForMandateCreate },
		options: mandateCreateOptionalFields,
	},
];
