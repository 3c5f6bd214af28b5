import type { INodeParameters, INodeProperties } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { UseePay } from '../../nodes/UseePay/UseePay.node';
import { runUseePay } from '../support/n8n';
import type { Recorder } from '../../tools/lib/recorder';
import { startRecorder } from '../../tools/lib/recorder';

/**
 * Add Field → Address opens the Address fields at once (one level, not Add Field → Address →
 * Add Address): the editor gives a field added to a collection its default, so an object group
 * inside Additional/Update Fields defaults to its open `details` group. At the top level an
 * object group stays closed (`{}`): it would show an optional object's fields unasked.
 */
const { description } = new UseePay();
const { properties } = description;

const isSingleObject = (p: INodeProperties) => p.type === 'fixedCollection' && p.typeOptions?.multipleValues === false;
const groupsInCollections = properties
	.filter((p) => p.type === 'collection')
	.flatMap((p) => (p.options as INodeProperties[]).filter(isSingleObject));

describe('object groups added from Add Field open with their fields', () => {
	it('every object group inside Additional/Update Fields defaults to its open details group', () => {
		expect(groupsInCollections.length).toBeGreaterThan(5);
		expect(
			groupsInCollections.filter((g) => JSON.stringify(g.default) !== '{"details":{}}').map((g) => g.name),
		).toEqual([]);
		const topLevel = properties.filter(isSingleObject);
		expect(topLevel.filter((g) => JSON.stringify(g.default) !== '{}').map((g) => g.name)).toEqual([]);
	});

	it('the open, still empty Address survives mapping another field (the editor recomputes without defaults)', () => {
		const parameters = NodeHelpers.getNodeParameters(
			properties,
			{
				resource: 'customer',
				operation: 'update',
				customerId: { __rl: true, mode: 'id', value: 'cus_1' },
				updateFields: { address: { details: {} }, email: '={{ $json.email }}' },
			},
			false,
			false,
			{ typeVersion: 1 },
			description,
		) as INodeParameters;
		expect(parameters.updateFields).toEqual({ address: { details: {} }, email: '={{ $json.email }}' });
	});

	describe('on the wire', () => {
		let api: Recorder;
		beforeEach(async () => {
			api = await startRecorder(() => ({ status: 200, body: { id: 'cus_1', email: 'ada@example.com' } }));
		});
		afterEach(async () => {
			await api.close();
		});

		it('Customer → Update with an added, empty Address sends no address: POST with the email only', async () => {
			const { error } = await runUseePay({
				baseUrl: api.url,
				items: [{ email: 'ada@example.com' }],
				parameters: {
					resource: 'customer',
					operation: 'update',
					customerId: { __rl: true, mode: 'id', value: 'cus_1' },
					updateFields: { address: { details: {} }, email: '={{ $json.email }}' },
				},
			});
			expect(error).toBeUndefined();
			expect(api.requests.map((r) => [r.method, r.path, r.rawBody])).toEqual([
				['POST', '/api/v1/customers/cus_1', '{"email":"ada@example.com"}'],
			]);
		});
	});
});
