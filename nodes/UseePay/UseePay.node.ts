import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { USEEPAY_BASE_URL_EXPRESSION } from '../../credentials/UseePayApi.credentials';
import { customerDescription } from './resources/customer';
import { searchList } from './shared/locators';

/**
 * The UseePay node: a declarative node. This file is the table of contents; each resource lives
 * in resources/<resource>/ (index.ts lists its operations, one file per operation's fields),
 * and what all operations share (body building, errors, paging, locators) lives in shared/.
 */
export class UseePay implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UseePay',
		name: 'useePay',
		icon: { light: 'file:../../icons/useepay.svg', dark: 'file:../../icons/useepay.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create and manage customers and payments in UseePay',
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
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [{ name: 'Customer', value: 'customer' }],
				default: 'customer',
			},
			...customerDescription,
		],
	};

	methods = {
		listSearch: {
			searchCustomers: searchList('/api/v1/customers', (customer) =>
				String(customer.name || customer.email || customer.merchant_customer_id || 'Customer'),
			),
		},
	};
}
