import type { IDataObject, INodeParameters } from 'n8n-workflow';

import {
	customerCreateOrUpdateWith,
	customerCreateWith,
	customerUpdateWith,
} from '../../nodes/UseePay/resources/customer/writes';
import { UseePay } from '../../nodes/UseePay/UseePay.node';
import { drive } from '../support/clockDriver';
import type { RunOptions } from '../support/n8n';
import { runUseePay } from '../support/n8n';
import type { Recorder } from '../../tools/lib/recorder';
import { startRecorder } from '../../tools/lib/recorder';
import { FakeClock } from './fakeClock';

/**
 * The customer writes under a fake clock (deterministic: every wait, backoff or Retry-After,
 * takes no real time and happens when the test says), through n8n-core against a scripted
 * UseePay: what is sent after an unclear failure, with Max Retries 0, and when the run is stopped.
 */
class UseePayOnFakeClock extends UseePay {
	constructor(clock: FakeClock) {
		super();
		this.customOperations = {
			customer: {
				create: customerCreateWith(clock),
				createOrUpdate: customerCreateOrUpdateWith(clock),
				update: customerUpdateWith(clock),
			},
		};
	}
}

const row = { crm_id: 'CRM-7', name: 'Ada', email: 'ada@example.com' };
const parameters = (operation: string, options: IDataObject = {}): INodeParameters => ({
	resource: 'customer',
	operation,
	merchant_customer_id: '={{ $json.crm_id }}',
	additionalFields: { name: '={{ $json.name }}', email: '={{ $json.email }}' },
	options: { requestsPerSecond: 50, ...options },
});

describe('customer writes on a fake clock: unclear failures, Max Retries 0, Stop', () => {
	let api: Recorder;
	let clock: FakeClock;

	beforeEach(async () => {
		clock = new FakeClock();
		api = await startRecorder();
	});

	afterEach(async () => {
		await api.close();
	});

	const run = async (options: Omit<RunOptions, 'baseUrl'>) =>
		await drive(clock, runUseePay({ baseUrl: api.url, nodeType: new UseePayOnFakeClock(clock), ...options }));

	const wire = () =>
		api.requests.map(
			(r) => `${r.method} ${r.path}${r.query.merchant_customer_id ? ` ?${r.query.merchant_customer_id}` : ''}`,
		);

	/** UseePay with `stored` customers: creates answered by `onCreate`, lookups and updates as UseePay does. */
	function useePay(stored: IDataObject[], onCreate: (body: IDataObject) => { status?: number; drop?: boolean }) {
		api.setResponder((request) => {
			const body = request.body as IDataObject;
			if (request.method === 'GET') {
				const items = stored.filter((c) => c.merchant_customer_id === request.query.merchant_customer_id);
				return { status: 200, body: { items, has_more: false } };
			}
			if (request.path === '/api/v1/customers/create') {
				const answer = onCreate(body);
				if (answer.drop || (answer.status ?? 200) < 300) stored.push({ id: 'cus_new', ...body });
				return answer.drop ? { drop: true } : { status: answer.status ?? 200, body: { id: 'cus_new', ...body } };
			}
			const customer = stored.find((c) => request.path.endsWith(`/${String(c.id)}`)) as IDataObject;
			Object.assign(customer, body);
			return { status: 200, body: customer };
		});
	}

	it('Create or Update: a 500 on the create, then a customer found with other data → the row is sent as an update', async () => {
		// Someone else created CRM-7 between our lookup and our create; UseePay answered our create 500.
		const stored: IDataObject[] = [];
		let creates = 0;
		useePay(stored, () => {
			creates++;
			stored.push({ id: 'cus_other', merchant_customer_id: 'CRM-7', name: 'Someone else' });
			return { status: 500 };
		});
		const { items, error } = await run({ items: [row], parameters: parameters('createOrUpdate') });
		expect(error).toBeUndefined();
		expect(creates).toBe(1);
		expect(wire()).toEqual([
			'GET /api/v1/customers ?CRM-7',
			'POST /api/v1/customers/create',
			'GET /api/v1/customers ?CRM-7',
			'POST /api/v1/customers/cus_other',
		]);
		expect(api.requests[3].body).toEqual({ name: 'Ada', email: 'ada@example.com' });
		expect(items[0].json).toMatchObject({ id: 'cus_other', name: 'Ada', action: 'updated' });
	});

	it('Create or Update: a lost answer, then the customer found with the row’s data → created, nothing sent again', async () => {
		const stored: IDataObject[] = [];
		useePay(stored, () => ({ drop: true }));
		const { items, error } = await run({ items: [row], parameters: parameters('createOrUpdate') });
		expect(error).toBeUndefined();
		expect(wire()).toEqual([
			'GET /api/v1/customers ?CRM-7',
			'POST /api/v1/customers/create',
			'GET /api/v1/customers ?CRM-7',
		]);
		expect(items[0].json).toMatchObject({ id: 'cus_new', name: 'Ada', action: 'created' });
	});

	it('Create: a 500, then a customer found with other data → already_exists, not the old customer as a success', async () => {
		const stored: IDataObject[] = [{ id: 'cus_old', merchant_customer_id: 'CRM-7', name: 'Old' }];
		useePay(stored, () => ({ status: 500 }));
		const { items, error } = await run({
			items: [row],
			continueOnFail: true,
			parameters: parameters('create'),
		});
		expect(error).toBeUndefined();
		expect(wire()).toEqual(['POST /api/v1/customers/create', 'GET /api/v1/customers ?CRM-7']);
		expect(items[0].json).toMatchObject({ code: 'already_exists', source: 'merchant_customer_id' });
		expect(stored).toEqual([{ id: 'cus_old', merchant_customer_id: 'CRM-7', name: 'Old' }]);
	});

	it('Max Retries 0: a create whose answer was lost is looked up once, and found, it is done', async () => {
		const stored: IDataObject[] = [];
		useePay(stored, () => ({ drop: true }));
		const { items, error } = await run({ items: [row], parameters: parameters('create', { maxRetries: 0 }) });
		expect(error).toBeUndefined();
		expect(wire()).toEqual(['POST /api/v1/customers/create', 'GET /api/v1/customers ?CRM-7']);
		expect(items[0].json).toMatchObject({ id: 'cus_new', merchant_customer_id: 'CRM-7', name: 'Ada' });
	});

	it('Max Retries 0: a 500 on the create, looked up and not found → the row fails, nothing sent again', async () => {
		useePay([], () => ({ status: 500 }));
		const { items } = await run({
			items: [row],
			continueOnFail: true,
			parameters: parameters('create', { maxRetries: 0 }),
		});
		expect(wire()).toEqual(['POST /api/v1/customers/create', 'GET /api/v1/customers ?CRM-7']);
		expect(items[0].json).toMatchObject({ httpCode: '500' });
	});

	it('Update: 5xx until the retries run out: the item says the update may have gone through and how to check', async () => {
		api.setResponder(() => ({ status: 500, body: { code: 'service_unavailable', source: null, message: 'busy' } }));
		const { items } = await run({
			items: [row],
			continueOnFail: true,
			parameters: {
				resource: 'customer',
				operation: 'update',
				customerId: { __rl: true, mode: 'id', value: 'cus_1' },
				updateFields: { name: 'Ada' },
				options: { requestsPerSecond: 50, maxRetries: 1 },
			},
		});
		expect(wire()).toEqual(['POST /api/v1/customers/cus_1', 'POST /api/v1/customers/cus_1']);
		expect(items[0].json.error).toBe(
			'UseePay had a server problem: busy (gave up after 2 attempts). The update may have gone through: ' +
				'run Customer → Get for cus_1 to see; sending it again is safe, it sets the same fields.',
		);
	});

	it('Stop during a 30 s Retry-After: the run returns within 1 s, and its error names no item', async () => {
		api.setResponder(() => ({ status: 429, headers: { 'retry-after': '30' }, body: { code: 'rate_limited' } }));
		const stop = new AbortController();
		let stoppedAt = Infinity;
		const result = await drive(
			clock,
			runUseePay({
				baseUrl: api.url,
				nodeType: new UseePayOnFakeClock(clock),
				items: [row, { ...row, crm_id: 'CRM-8' }],
				parameters: parameters('create'),
				stop: stop.signal,
			}),
			{
				onTurn: () => {
					// Both creates wait out their Retry-After: now press Stop.
					const waiting = (clock.nextWakeUp ?? 0) - clock.now() >= 29000;
					if (waiting && api.requests.length === 2 && !stop.signal.aborted) {
						stoppedAt = clock.now();
						stop.abort();
					}
				},
				deadline: () => stoppedAt + 1000,
			},
		);
		expect(stop.signal.aborted).toBe(true);
		expect(clock.now() - stoppedAt).toBeLessThan(1000);
		expect(api.requests).toHaveLength(2);
		expect(result.error?.message).toBe('The execution was cancelled');
	});
});
