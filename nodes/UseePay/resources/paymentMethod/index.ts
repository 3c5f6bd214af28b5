import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/operations';
import { paymentMethodCreateFields } from './create';
import { paymentMethodGetFields } from './get';
import { paymentMethodGetManyFields } from './getAll';
import { paymentMethodUpdateFields } from './update';

const showOnlyForPaymentMethods = { resource: ['paymentMethod'] };

/**
 * Payment methods (stored cards). UseePay's reference pages for them were still "Developing", so
 * paths and fields follow its conventions and demo (see the API reference §1). The Apple Pay
 * merchant session and payment method configuration endpoints are browser-checkout helpers and
 * are left out on purpose.
 */
export const paymentMethodDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForPaymentMethods },
		options: [
			operation({
				name: 'Create',
				value: 'create',
				action: 'Create a payment method',
				description: 'Store a payment method',
				method: 'POST',
				path: '/api/v1/payment_methods/create',
				body: { required: ['type', 'card'], collection: 'additionalFields' },
			}),
			operation({
				name: 'Get',
				value: 'get',
				action: 'Get a payment method',
				description: 'Retrieve a payment method',
				method: 'GET',
				path: '/api/v1/payment_methods/{paymentMethodId}',
			}),
			operation({
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many payment methods',
				description: 'List payment methods, newest first',
				method: 'GET',
				path: '/api/v1/payment_methods',
				list: true,
			}),
			operation({
				name: 'Update',
				value: 'update',
				action: 'Update a payment method',
				description: 'Update a payment method',
				method: 'POST',
				path: '/api/v1/payment_methods/{paymentMethodId}',
				body: { collection: 'updateFields' },
			}),
		],
		default: 'create',
	},
	...paymentMethodCreateFields,
	...paymentMethodGetFields,
	...paymentMethodGetManyFields,
	...paymentMethodUpdateFields,
];
