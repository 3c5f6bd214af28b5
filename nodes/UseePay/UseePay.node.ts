import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { USEEPAY_BASE_URL_EXPRESSION } from '../../credentials/UseePayApi.credentials';
import * as resources from './resources';
import type { UseePayResource } from './shared/resource';
import { customOperationsOf, listSearchOf, resourceProperties, resourceSelector } from './shared/resource';
import { subtitleOf } from './shared/subtitle';

/**
 * Every resource of the node (resources/index.ts), in the order the Resource list shows them:
 * alphabetical by name, as n8n lists options.
 */
export const RESOURCES: UseePayResource[] = Object.values(resources).sort((a, b) =>
	a.displayName.localeCompare(b.displayName),
);

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
		// "Create or Update: Customer": the operation's and the resource's names (shared/subtitle.ts).
		subtitle: subtitleOf(RESOURCES),
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
