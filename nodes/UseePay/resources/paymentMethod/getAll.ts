import { getManyOperation, idFilter, queryFilter } from '../../shared/getMany';
import { paymentMethodTypeOptions } from './shared';

export const getMany = getManyOperation(
	'payment methods',
	'List payment methods, newest first',
	'/api/v1/payment_methods',
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
);
