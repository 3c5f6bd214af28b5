import type { INodeProperties } from 'n8n-workflow';

import { operation } from '../../shared/operations';
import { checkoutSessionCreateFields } from './create';
import { checkoutSessionGetFields } from './get';

const showOnlyForCheckoutSessions = { resource: ['checkoutSession'] };

/** Checkout sessions: a payment (or subscription) the customer completes with UseePay.js. */
export const checkoutSessionDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: showOnlyForCheckoutSessions },
		options: [
			operation({
				name: 'Create',
				value: 'create',
				action: 'Create a checkout session',
				description: 'Create a checkout session; hand its client_secret to UseePay.js',
				method: 'POST',
				// No `/create` suffix here, unlike the other resources.
				path: '/api/v1/checkout_sessions',
				body: {
					required: ['mode', 'ui_mode', 'amount', 'currency', 'merchant_order_id', 'line_items', 'billing'],
					collection: 'additionalFields',
					// UseePay answers 400 "subscription_data required for subscription mode" without it; its SDK sends {}.
					complete: (body) =>
						body.mode === 'subscription' && body.subscription_data === undefined
							? { ...body, subscription_data: {} }
							: body,
				},
			}),
			operation({
				name: 'Get',
				value: 'get',
				action: 'Get a checkout session',
				description: 'Retrieve a checkout session',
				method: 'GET',
				path: '/api/v1/checkout_sessions/{checkoutSessionId}',
			}),
		],
		default: 'create',
	},
	...checkoutSessionCreateFields,
	...checkoutSessionGetFields,
];
