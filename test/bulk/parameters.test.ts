import type { IDataObject, INodeParameters } from 'n8n-workflow';

import { compileParameter, jsonPathOf } from '../../nodes/UseePay/shared/bulk/parameters';
import { runUseePay } from '../support/n8n';
import type { Recorder } from '../../tools/lib/recorder';
import { startRecorder } from '../../tools/lib/recorder';

describe('plain $json reads resolved without the expression engine', () => {
	it('recognises only plain property reads of $json', () => {
		expect(jsonPathOf('={{ $json.name }}')).toEqual(['name']);
		expect(jsonPathOf('={{$json.address.city}}')).toEqual(['address', 'city']);
		expect(jsonPathOf('={{ $json["first name"].x }}')).toEqual(['first name', 'x']);
		expect(jsonPathOf("={{ $json['a-b'] }}")).toEqual(['a-b']);
		for (const other of [
			'={{ $json.name.toUpperCase() }}',
			'={{ $json.a + 1 }}',
			'={{ ($json.name) }}',
			'=CRM-{{ $json.id }}',
			'={{ $("Node").item.json.id }}',
			'={{ $json }}',
			'{{ $json.name }}',
		]) {
			expect(jsonPathOf(other)).toBeUndefined();
		}
	});

	it('compiles literals and plain reads, and gives up on anything else', () => {
		const resolve = compileParameter({
			a: '={{ $json.x }}',
			b: 'text',
			c: { details: { d: 3, e: ['={{ $json.y }}'] } },
		});
		expect(resolve?.({ x: 1, y: 'why' })).toEqual({ a: 1, b: 'text', c: { details: { d: 3, e: ['why'] } } });
		expect(compileParameter({ a: '={{ $json.x + 1 }}' })).toBeUndefined();
	});

	describe('gives the bodies n8n expressions give, through n8n-core', () => {
		let api: Recorder;
		beforeAll(async () => {
			api = await startRecorder((request) => ({
				status: 200,
				body: request.method === 'GET' ? { items: [], has_more: false } : { id: 'cus_1' },
			}));
		});
		afterAll(async () => {
			await api.close();
		});

		const inputs: IDataObject[] = [
			{
				id: 'CRM-1',
				name: 'Ada',
				phone: 4155550100,
				city: 'London',
				meta: { tier: 'gold' },
				tags: ['a', 'b'],
				'first name': 'Ada',
			},
			{ id: 'CRM-2', name: '', phone: null, city: 'Paris', meta: {}, 'first name': 'Grace' },
			{ id: 'CRM-3', name: 'Zhang', nested: { deeper: { value: 'deep' } }, flag: true },
			{ id: 'CRM-4', name: 'No phone', short: 'abc' },
			{ id: 42, name: 123, address: 'not an object' },
		];

		/** `wrap` turns `$json.x` into an expression n8n must evaluate itself, same value. */
		const parameters = (wrap: (path: string) => string): INodeParameters => ({
			resource: 'customer',
			operation: 'createOrUpdate',
			merchant_customer_id: wrap('$json.id'),
			additionalFields: {
				name: wrap('$json.name'),
				phone: wrap('$json.phone'),
				first_name: wrap('$json["first name"]'),
				last_name: wrap('$json.nested.deeper.value'),
				description: wrap('$json.short.length'),
				address: { details: { city: wrap('$json.city'), line1: wrap('$json.address.line1') } },
				metadata: {
					entries: [
						{ key: 'tier', value: wrap('$json.meta.tier') },
						{ key: 'flag', value: wrap('$json.flag') },
					],
				},
				extraFields: '{"locale":"en"}',
			},
			options: { requestsPerSecond: 1000 },
		});

		async function bodies(wrap: (path: string) => string) {
			api.requests.length = 0;
			const { items, error } = await runUseePay({
				baseUrl: api.url,
				items: inputs,
				continueOnFail: true,
				parameters: parameters(wrap),
			});
			expect(error).toBeUndefined();
			const posts = api.requests.filter((r) => r.method === 'POST').map((r) => r.rawBody);
			return { posts: posts.sort(), items: items.map((i) => i.json) };
		}

		it('same request bodies and outputs as n8n evaluating the same expressions', async () => {
			const fast = await bodies((path) => `={{ ${path} }}`);
			const engine = await bodies((path) => `={{ (${path}) }}`);
			expect(fast.posts.length).toBeGreaterThanOrEqual(4);
			expect(fast).toEqual(engine);
		});
	});
});
