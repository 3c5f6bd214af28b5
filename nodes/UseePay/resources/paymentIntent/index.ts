import type { INodeProperties } from 'n8n-workflow';

import { surfaceDomainFailure } from '../../shared/errors';
import { operation } from '../../shared/operations';
import { paymentIntentCancelFields } from './cancel';
import { paymentIntentCaptureFields } from './capture';
import { paymentIntentConfirmFields } from './confirm';
import { paymentIntentCreateFields } from './create';
import { paymentIntentGetFields } from './get';
import { paymentIntentGetManyFields } from './getAll';
import { paymentIntentUpdateFields } from './update';

const showOnlyForPaymentIntents = { resource: ['paymentIntent'] };

export const paymentIntentDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForPaymentIntents },
		options: [
			operation({
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel a payment intent',
				description: 'Cancel a payment intent, releasing funds authorised but not captured',
				method: 'POST',
				path: '/api/v1/payment_intents/{paymentIntentId}/cancel',
				body: { collection: 'additionalFields' },
			}),
			operation({
				name: 'Capture',
				value: 'capture',
				action: 'Capture a payment intent',
				description: 'Capture the funds of a payment intent that requires capture',
				method: 'POST',
				path: '/api/v1/payment_intents/{paymentIntentId}/capture',
				body: { collection: 'additionalFields' },
				postReceive: [surfaceDomainFailure],
			}),
			operation({
				name: 'Confirm',
				value: 'confirm',
				action: 'Confirm a payment intent',
				description: 'Confirm a payment intent: try to pay it',
				method: 'POST',
				path: '/api/v1/payment_intents/{paymentIntentId}/confirm',
				body: { collection: 'additionalFields' },
				postReceive: [surfaceDomainFailure],
			}),
			operation({
				name: 'Create',
				value: 'create',
				action: 'Create a payment intent',
				description: 'Create a payment intent',
				method: 'POST',
				path: '/api/v1/payment_intents/create',
				body: { required: ['amount', 'currency', 'merchant_order_id'], collection: 'additionalFields' },
				postReceive: [surfaceDomainFailure],
			}),
			operation({
				name: 'Get',
				value: 'get',
				action: 'Get a payment intent',
				description: 'Retrieve a payment intent',
				method: 'GET',
				path: '/api/v1/payment_intents/{paymentIntentId}',
			}),
			operation({
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many payment intents',
				description: 'List payment intents',
				method: 'GET',
				path: '/api/v1/payment_intents',
				list: true,
			}),
			operation({
				name: 'Update',
				value: 'update',
				action: 'Update a payment intent',
				description: 'Update a payment intent without confirming it',
				method: 'POST',
				path: '/api/v1/payment_intents/{paymentIntentId}',
				body: { collection: 'updateFields' },
			}),
		],
		default: 'create',
	},
	...paymentIntentCancelFields,
	...paymentIntentCaptureFields,
	...paymentIntentConfirmFields,
	...paymentIntentCreateFields,
	...paymentIntentGetFields,
	...paymentIntentGetManyFields,
	...paymentIntentUpdateFields,
];
