import type { INodeProperties } from 'n8n-workflow';

import { getManyFields, idFilter, queryFilter } from '../../shared/pagination';
import { paymentMethodTypeOptions } from './shared';

const showOnlyForPaymentMethodGetMany = { operation: ['getAll'], resource: ['paymentMethod'] };

export const paymentMethodGetManyFields: INodeProperties[] = getManyFields(
	showOnlyForPaymentMethodGetMany,
	[
		idFilter('customer_id', 'Customer ID', 'cus_1KX0CUSTOMER0'),
		queryFilter({
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: paymentMethodTypeOptions,
			default: 'card',
		}),
	],
	'payment methods',
);
