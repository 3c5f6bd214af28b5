import type { INodeProperties } from 'n8n-workflow';

import { getManyFields, queryFilter } from '../../shared/pagination';
import { paymentLinkStatusOptions } from './shared';

const showOnlyForPaymentLinkGetMany = { operation: ['getAll'], resource: ['paymentLink'] };

export const paymentLinkGetManyFields: INodeProperties[] = getManyFields(
	showOnlyForPaymentLinkGetMany,
	[
		queryFilter({
			displayName: 'Status',
			name: 'status',
			type: 'options',
			options: paymentLinkStatusOptions,
			default: 'active',
		}),
	],
	'payment links',
);
