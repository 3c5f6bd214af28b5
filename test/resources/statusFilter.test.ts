/**
 * Status filters: UseePay spells a cancelled object both `cancelled` (webhook event names) and
 * `canceled` (its one real answer sample, the PHP SDK). Every Status filter offers `canceled`
 * and sends `canceled` for either spelling (a workflow saved with `cancelled`, an expression).
 */
import type { INodeProperties } from 'n8n-workflow';

import { UseePay } from '../../nodes/UseePay/UseePay.node';
import { runUseePay } from '../support/n8n';
import type { Recorder } from '../../tools/lib/recorder';
import { startRecorder } from '../../tools/lib/recorder';

const resources: Array<[string, string]> = [
	['paymentIntent', '/api/v1/payment_intents'],
	['invoice', '/api/v1/invoices'],
	['subscription', '/api/v1/subscriptions'],
];

describe('Status filters accept both spellings of cancelled and send `canceled`', () => {
	let api: Recorder;
	beforeEach(async () => {
		api = await startRecorder(() => ({ status: 200, body: { items: [{ id: 'obj_1' }], has_more: false } }));
	});
	afterEach(async () => {
		await api.close();
	});

	it.each(
		resources.flatMap(([resource, path]) =>
			['canceled', 'cancelled', '={{ "cancelled" }}'].map((value) => [resource, value, path]),
		),
	)('%s Get Many with Status %s → status=canceled', async (resource, status, path) => {
		const { error } = await runUseePay({
			baseUrl: api.url,
			parameters: { resource, operation: 'getAll', returnAll: false, limit: 5, filters: { status } },
		});
		expect(error).toBeUndefined();
		expect(api.requests.map((r) => [r.method, r.path, r.query])).toEqual([
			['GET', path, { status: 'canceled', page_num: '0', page_size: '5' }],
		]);
	});

	it('the Status options offer `canceled`, never `cancelled`, and other values are sent as they are', async () => {
		const statusOptions = (resource: string) => {
			const filters = new UseePay().description.properties.find(
				(p) => p.name === 'filters' && p.displayOptions?.show?.resource?.includes(resource),
			) as INodeProperties;
			const status = (filters.options as INodeProperties[]).find((o) => o.name === 'status') as INodeProperties;
			return (status.options as Array<{ value: string }>).map((o) => o.value);
		};
		for (const [resource] of resources) {
			expect(statusOptions(resource)).toContain('canceled');
			expect(statusOptions(resource)).not.toContain('cancelled');
		}
		await runUseePay({
			baseUrl: api.url,
			parameters: { resource: 'invoice', operation: 'getAll', returnAll: false, limit: 5, filters: { status: 'paid' } },
		});
		expect(api.requests[0].query.status).toBe('paid');
	});

	it('a UseePay whose objects say `cancelled` (exact filter): asked for again as `cancelled`, remembered', async () => {
		const stored = [
			{ id: 'pi_1', status: 'cancelled' },
			{ id: 'pi_2', status: 'succeeded' },
		];
		api.setResponder((request) => ({
			status: 200,
			body: { items: stored.filter((pi) => pi.status === request.query.status), has_more: false },
		}));
		const getCanceled = async () =>
			await runUseePay({
				baseUrl: api.url,
				parameters: {
					resource: 'paymentIntent',
					operation: 'getAll',
					returnAll: true,
					filters: { status: 'canceled' },
				},
			});
		const first = await getCanceled();
		expect(first.items.map((i) => i.json.id)).toEqual(['pi_1']);
		// canceled: page_num 0 empty (and page 1, in case pages count from 1), then cancelled.
		expect(api.requests.map((r) => [r.query.status, r.query.page_num])).toEqual([
			['canceled', '0'],
			['canceled', '1'],
			['cancelled', '0'],
		]);
		api.requests.splice(0);
		expect((await getCanceled()).items.map((i) => i.json.id)).toEqual(['pi_1']);
		expect(api.requests.map((r) => [r.query.status, r.query.page_num])).toEqual([['cancelled', '0']]);
	});
});
