import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import reference from './reference/useepay-api.json';
import { UseePay } from '../nodes/UseePay/UseePay.node';

/** Left out on purpose (README "What we chose"): unknown path, and browser-checkout helpers. */
const NOT_IN_NODE = new Set([
	'POST UNCERTAIN',
	'POST /api/v1/payment_methods/apple_pay/merchant_session',
	'POST /api/v1/payment_method_configurations',
]);

const template = (path: string) => path.replace(/\{[^}]+\}/g, '{}');

function referenceEndpoints(): string[] {
	return reference.endpoints
		.map((endpoint: { method: string; path: string }) => `${endpoint.method} ${template(endpoint.path)}`)
		.filter((endpoint) => !NOT_IN_NODE.has(endpoint) && !endpoint.endsWith('UNCERTAIN'));
}

/** Operation options the node offers, with their resource. */
function operationOptions(): Array<{ resource: string; option: INodePropertyOptions }> {
	const { properties } = new UseePay().description;
	const operations = properties.filter((p: INodeProperties) => p.name === 'operation');
	return operations.flatMap((property) =>
		(property.options as INodePropertyOptions[]).map((option) => ({
			resource: String(property.displayOptions?.show?.resource?.[0]),
			option,
		})),
	);
}

/**
 * Method and path template of every single-call operation, read from its routing (for the
 * operations that run as code, e.g. Customer Create, the routing documents the call they make,
 * from the same endpoints.ts). Operations that make several calls (Create or Update) have no
 * routing and are left out here; see the test below.
 */
function nodeEndpoints(): Array<{ resource: string; operation: string; endpoint: string }> {
	return operationOptions()
		.filter(({ option }) => option.routing !== undefined)
		.map(({ resource, option }) => {
			const request = option.routing?.request ?? {};
			return {
				resource,
				operation: String(option.value),
				endpoint: `${request.method} ${template(String(request.url))}`,
			};
		});
}

describe('the UseePay node covers the API reference', () => {
	it('every endpoint of the reference (test/reference/useepay-api.json) is an operation, and no operation is off the reference', () => {
		const offered = nodeEndpoints().map((op) => op.endpoint);
		expect([...new Set(offered)].sort()).toEqual([...new Set(referenceEndpoints())].sort());
	});

	it('every operation without routing runs as code (customOperations), and every code operation is listed', () => {
		const node = new UseePay();
		const withoutRouting = operationOptions()
			.filter(({ option }) => option.routing === undefined)
			.map(({ resource, option }) => `${resource}.${String(option.value)}`);
		expect(withoutRouting).toEqual(['customer.createOrUpdate']);
		const custom = Object.entries(node.customOperations).flatMap(([resource, ops]) =>
			Object.keys(ops).map((op) => `${resource}.${op}`),
		);
		expect(custom.sort()).toEqual(['customer.create', 'customer.createOrUpdate', 'customer.update']);
		const offered = operationOptions().map(({ resource, option }) => `${resource}.${String(option.value)}`);
		for (const op of custom) expect(offered).toContain(op);
	});

	it('has the operations each resource should have', () => {
		const byResource: Record<string, string[]> = {};
		for (const op of nodeEndpoints()) (byResource[op.resource] ??= []).push(op.operation);
		expect(byResource).toEqual({
			checkoutSession: ['create', 'get'],
			customer: ['create', 'get', 'getAll', 'update'],
			invoice: expect.arrayContaining(['create', 'get', 'getAll', 'pay', 'update']),
			mandate: expect.arrayContaining(['create', 'get', 'getAll', 'update']),
			paymentIntent: expect.arrayContaining(['cancel', 'capture', 'confirm', 'create', 'get', 'getAll', 'update']),
			paymentLink: expect.arrayContaining(['create', 'get', 'getAll', 'update']),
			paymentMethod: expect.arrayContaining(['create', 'get', 'getAll', 'update']),
			refund: expect.arrayContaining(['create', 'get', 'getAll', 'update']),
			subscription: expect.arrayContaining(['cancel', 'create', 'get', 'getAll', 'update']),
			webhook: expect.arrayContaining(['create', 'get', 'getAll', 'update']),
		});
		expect(nodeEndpoints()).toHaveLength(2 + 4 + 5 + 4 + 7 + 4 + 4 + 4 + 5 + 4);
	});
});
