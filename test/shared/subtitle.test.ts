import type { INode, INodeParameters, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { RESOURCES, UseePay } from '../../nodes/UseePay/UseePay.node';

/** The canvas subtitle n8n shows for a node with these parameters (the editor evaluates it this way). */
function subtitleFor(parameters: INodeParameters): unknown {
	const nodeTypes = { getByNameAndVersion: () => new UseePay() } as unknown as INodeTypes;
	const node = { id: '1', name: 'UseePay', type: 'useePay', typeVersion: 1, position: [0, 0], parameters } as INode;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(
		node,
		new UseePay().description.subtitle as string,
		'internal',
		{},
	);
}

describe('UseePay node subtitle', () => {
	it.each([
		['customer', 'createOrUpdate', 'Create or Update: Customer'],
		['customer', 'update', 'Update: Customer'],
		['paymentIntent', 'capture', 'Capture: Payment Intent'],
		['checkoutSession', 'get', 'Get: Checkout Session'],
	])('%s.%s reads "%s"', (resource, operation, expected) => {
		expect(subtitleFor({ resource, operation })).toBe(expected);
	});

	it('names every operation of every resource by its display names', () => {
		for (const resource of RESOURCES) {
			for (const op of resource.operations) {
				expect(subtitleFor({ resource: resource.value, operation: op.value })).toBe(
					`${op.name}: ${resource.displayName}`,
				);
			}
		}
	});

	it('shows a value it does not know as it is', () => {
		expect(subtitleFor({ resource: 'customer', operation: 'archive' })).toBe('archive: Customer');
	});
});
