import type { INodeProperties } from 'n8n-workflow';

import { extraFieldsField, metadataField } from '../../shared/fields';
import { reasonField, refundLocator } from './shared';

const showOnlyForRefundUpdate = { operation: ['update'], resource: ['refund'] };

export const refundUpdateFields: INodeProperties[] = [
	{ ...refundLocator, displayOptions: { show: showOnlyForRefundUpdate } },
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: showOnlyForRefundUpdate },
		options: [extraFieldsField, metadataField, reasonField],
	},
];
