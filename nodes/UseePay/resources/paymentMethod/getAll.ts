import { getManyOperation, idFilter, queryFilter } from '../../shared/getMany';
import { CUSTOMER_ID_EXAMPLE } from '../../shared/fields';
import { paymentMethodTypeOptions } from './shared';

export const getMany = getManyOperation(
	'payment methods',
	'List payment methods, newest first',
	'/api/v1/payment_methods',
	[
		idFilter('customer_id', 'Customer ID', CUSTOMER_ID_EXAMPLE),
		queryFilter({
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: paymentMethodTypeOptions,
			default: 'card',
		}),
	],
);
