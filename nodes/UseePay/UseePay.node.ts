import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { USEEPAY_BASE_URL_EXPRESSION } from '../../credentials/UseePayApi.credentials';
import { checkoutSession } from './resources/checkoutSession';
import { customer } from './resources/customer';
import { invoice } from './resources/invoice';
import { mandate } from './resources/mandate';
import { paymentIntent } from './resources/paymentIntent';
import { paymentLink } from './resources/paymentLink';
import { paymentMethod } from './resources/paymentMethod';
import { refund } from './resources/refund';
import { subscription } from './resources/subscription';
import { webhook } from './resources/webhook';
import type { UseePayResource } from './shared/resource';
import { customOperationsOf, listSearchOf, resourceProperties, resourceSelector } from './shared/resource';

/**
 * Every resource of the node, in the order the Resource list shows them. Each lives in
 * resources/<resource>/ (index.ts: its operations, locator and list); the node's properties, its
 * `customOperations` and its list searches are all derived from this list.
 */
export const RESOURCES: UseePayResource[] = [
	checkoutSession,
	customer,
	invoice,
	mandate,
	paymentIntent,
	paymentLink,
	paymentMethod,
	refund,
	subscription,
	webhook,
];

/**
 * The UseePay node: a declarative node. A hybrid: operations with a `run` (the customer writes a
 * CRM sync sends by the thousand) are `customOperations`, code that n8n runs instead of routing
 * for that resource and operation, with a request scheduler and retry policy (shared/bulk/).
 * Everything else is routed.
 */
export class UseePay implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UseePay',
		name: 'useePay',
		icon: { light: 'file:../../icons/useepay.svg', dark: 'file:../../icons/useepay.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create and manage customers, payments, subscriptions and more in UseePay',
		defaults: { name: 'UseePay' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'useePayApi', required: true }],
		requestDefaults: {
			baseURL: USEEPAY_BASE_URL_EXPRESSION,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
			// UseePay's error body {code, source, message} is read by throwOnUseePayError.
			ignoreHttpStatusErrors: true,
		},
		properties: [resourceSelector(RESOURCES, 'customer'), ...RESOURCES.flatMap(resourceProperties)],
	};

	customOperations = customOperationsOf(RESOURCES);

	methods = {
		// "From List" of every resource locator: a page of the resource's list, filtered here.
		listSearch: listSearchOf(RESOURCES),
	};
}
