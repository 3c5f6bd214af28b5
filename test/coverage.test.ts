import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import reference from './reference/useepay-api.json';
import { RESOURCES, UseePay } from '../nodes/UseePay/UseePay.node';

/** Left out on purpose (README "What we chose"): unknown path, and browser-checkout helpers. */
const NOT_IN_NODE = new Set([
	'POST UNCERTAIN',
	'POST /api/v1/payment_methods/apple_pay/merchant_session',
	'POST /api/v1/payment_method_configurations',
]);

const template = (path: string) => path.replace(/\{[^}]+\}/g, '{}');

/** The reference's operation names in the node's words (n8n's convention: Get, Get Many). */
const NODE_OPERATION: Record<string, string> = { retrieve: 'get', list: 'getAll' };

/** The reference's endpoints the node should offer, as `resource.operation` (node words) → method and path. */
function referenceOperations(): Array<{ key: string; resource: string; endpoint: string }> {
	return reference.endpoints
		.map((e: { resource: string; operation: string; method: string; path: string }) => ({
			key: `${e.resource}.${NODE_OPERATION[e.operation] ?? e.operation}`,
			resource: e.resource,
			endpoint: `${e.method} ${template(e.path)}`,
		}))
		.filter(({ endpoint }) => !NOT_IN_NODE.has(endpoint) && !endpoint.endsWith('UNCERTAIN'));
}

const referenceEndpoints = () => referenceOperations().map(({ endpoint }) => endpoint);

/** Every operation spec of the node's resources (resources/<resource>/index.ts), with its resource. */
const operations = () => RESOURCES.flatMap((resource) => resource.operations.map((op) => ({ resource, op })));

/**
 * Method and path template of every single-call operation, read from its spec: the routing of a
 * routed operation is made from it, and an operation that runs as code (e.g. Customer Create)
 * sends it. Operations that make several calls (Create or Update) have none; see below.
 */
function nodeEndpoints(): Array<{ resource: string; operation: string; endpoint: string }> {
	return operations()
		.filter(({ op }) => op.path !== undefined)
		.map(({ resource, op }) => ({
			resource: resource.value,
			operation: op.value,
			endpoint: `${op.method} ${template(String(op.path))}`,
		}));
}

/** The Operation options of the node's description, with their resource. */
function operationOptions(): Array<{ resource: string; option: INodePropertyOptions }> {
	const { properties } = new UseePay().description;
	return properties
		.filter((p: INodeProperties) => p.name === 'operation')
		.flatMap((property) =>
			(property.options as INodePropertyOptions[]).map((option) => ({
				resource: String(property.displayOptions?.show?.resource?.[0]),
				option,
			})),
		);
}

describe('the UseePay node covers the API reference', () => {
	it('every endpoint of the reference (test/reference/useepay-api.json) is an operation, and no operation is off the reference', () => {
		const offered = nodeEndpoints().map((op) => op.endpoint);
		expect([...new Set(offered)].sort()).toEqual([...new Set(referenceEndpoints())].sort());
	});

	it('every operation without routing runs as code (customOperations), and every code operation is listed', () => {
		const node = new UseePay();
		const withoutEndpoint = operations()
			.filter(({ op }) => op.path === undefined)
			.map(({ resource, op }) => `${resource.value}.${op.value}`);
		expect(withoutEndpoint).toEqual(['customer.createOrUpdate']);
		const custom = Object.entries(node.customOperations).flatMap(([resource, ops]) =>
			Object.keys(ops).map((op) => `${resource}.${op}`),
		);
		// The operations that run as code are those whose spec has code (resources/<resource>/index.ts).
		const withCode = operations()
			.filter(({ op }) => op.run !== undefined)
			.map(({ resource, op }) => `${resource.value}.${op.value}`);
		expect(custom.sort()).toEqual(withCode.sort());
		expect(custom).toContain('customer.createOrUpdate');
		const offered = operationOptions().map(({ resource, option }) => `${resource}.${String(option.value)}`);
		for (const op of custom) expect(offered).toContain(op);
	});

	it('each endpoint of the reference is the operation of the same resource and name, with its method and path', () => {
		const offered = Object.fromEntries(nodeEndpoints().map((op) => [`${op.resource}.${op.operation}`, op.endpoint]));
		const expected = Object.fromEntries(referenceOperations().map(({ key, endpoint }) => [key, endpoint]));
		expect(offered).toEqual(expected);
	});

	it("each resource's Operation options (the node description) are its reference operations, plus Create or Update", () => {
		const group = (keys: string[]) => {
			const byResource: Record<string, string[]> = {};
			for (const key of keys) (byResource[key.split('.')[0]] ??= []).push(key.split('.')[1]);
			for (const operations of Object.values(byResource)) operations.sort();
			return byResource;
		};
		const described = operationOptions().map(({ resource, option }) => `${resource}.${String(option.value)}`);
		const fromReference = referenceOperations().map(({ key }) => key);
		expect(group(described)).toEqual(group([...fromReference, 'customer.createOrUpdate']));
		// The reference lists every resource the node has, and the node every resource of the reference.
		expect(Object.keys(group(described)).sort()).toEqual(RESOURCES.map((r) => r.value).sort());
	});
});

describe('the node is derived from its resources', () => {
	it('a routed operation routes its spec; an operation that runs as code has no routing, only its code', () => {
		const node = new UseePay();
		const options = new Map(operationOptions().map(({ resource, option }) => [`${resource}.${option.value}`, option]));
		for (const { resource, op } of operations()) {
			const option = options.get(`${resource.value}.${op.value}`);
			if (op.run) {
				expect(option?.routing).toBeUndefined();
				expect(node.customOperations[resource.value][op.value]).toBe(op.run);
			} else {
				expect(option?.routing?.request).toEqual({ method: op.method, url: op.path });
			}
		}
	});

	it('every From List mode names a list search the node has', () => {
		const node = new UseePay();
		const methods: string[] = [];
		const collect = (value: unknown): void => {
			if (Array.isArray(value)) value.forEach(collect);
			else if (value && typeof value === 'object') {
				const { searchListMethod } = value as { searchListMethod?: unknown };
				if (typeof searchListMethod === 'string') methods.push(searchListMethod);
				Object.values(value).forEach(collect);
			}
		};
		collect(node.description.properties);
		expect(methods.length).toBeGreaterThan(RESOURCES.length);
		expect([...new Set(methods)].sort()).toEqual(Object.keys(node.methods.listSearch).sort());
	});

	it("an operation on one object shows that resource's locator first", () => {
		const { properties } = new UseePay().description;
		for (const { resource, op } of operations().filter(({ op }) => op.path?.includes('{'))) {
			const shown = properties.filter(
				(p) =>
					p.displayOptions?.show?.resource?.[0] === resource.value &&
					p.displayOptions?.show?.operation?.includes(op.value),
			);
			expect(shown[0]).toMatchObject({ name: `${resource.value}Id`, type: 'resourceLocator' });
		}
	});
});
