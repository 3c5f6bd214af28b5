import type { INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { UseePay } from '../../nodes/UseePay/UseePay.node';

/**
 * What the editor does to the parameters whenever one of them changes (a field mapped by drag and
 * drop, a value typed): it recomputes them all with NodeHelpers.getNodeParameters. An object
 * group the user has just added and not filled yet (Address, Shipping) must survive that.
 */
const { description } = new UseePay();
const { properties } = description;

/** As the editor recomputes the parameters it keeps after a change: without defaults. */
function recomputed(parameters: INodeParameters): INodeParameters {
	const node = { typeVersion: 1 };
	return NodeHelpers.getNodeParameters(properties, parameters, false, false, node, description) as INodeParameters;
}

const objectGroups = properties
	.filter((p: INodeProperties) => p.type === 'collection')
	.flatMap((p) => (p.options as INodeProperties[]).filter((o) => o.type === 'fixedCollection'))
	.filter((o) => !o.typeOptions?.multipleValues);

describe('object groups (Address, Shipping …) in the editor', () => {
	it('an empty Address added to Update Fields survives mapping another field', () => {
		const parameters = recomputed({
			resource: 'customer',
			operation: 'update',
			customerId: { __rl: true, mode: 'id', value: 'cus_1' },
			updateFields: { address: {}, email: '={{ $json.email }}' },
		});
		expect(parameters.updateFields).toEqual({ address: {}, email: '={{ $json.email }}' });
	});

	it('every single-object group says it is single-valued (n8n drops an empty one otherwise)', () => {
		expect(objectGroups.length).toBeGreaterThan(5);
		expect(objectGroups.filter((group) => group.typeOptions?.multipleValues !== false).map((g) => g.name)).toEqual([]);
	});
});
