import type { BulkRequest, RawResponse, Reconciled } from '../../nodes/UseePay/shared/bulk/client';
import { BulkClient } from '../../nodes/UseePay/shared/bulk/client';
import type { RetryPolicy } from '../../nodes/UseePay/shared/bulk/retry';
import {
	classifyStatus,
	classifyThrown,
	maySendAgain,
	parseRetryAfter,
	retryDelay,
} from '../../nodes/UseePay/shared/bulk/retry';
import { RequestScheduler } from '../../nodes/UseePay/shared/bulk/scheduler';
import { FakeClock } from './fakeClock';

const policy = (overrides: Partial<RetryPolicy> = {}): RetryPolicy => ({
	maxRetries: 5,
	baseDelayMs: 250,
	maxDelayMs: 8000,
	maxRetryAfterMs: 60000,
	random: () => 0.5,
	...overrides,
});

const connectionError = (code: string) =>
	Object.assign(new Error('NodeApiError'), { cause: Object.assign(new Error(code), { code }) });

describe('retry policy', () => {
	it('classifies answers: 429 throttled, 5xx server error, everything else final', () => {
		expect(classifyStatus(429)).toBe('throttled');
		expect(classifyStatus(500)).toBe('server');
		expect(classifyStatus(503)).toBe('server');
		for (const status of [200, 201, 400, 401, 404, 409]) expect(classifyStatus(status)).toBeUndefined();
	});

	it('classifies thrown errors by their code, through causes: reset/timeout ambiguous, refused safe', () => {
		expect(classifyThrown(connectionError('ECONNRESET'))).toEqual({ kind: 'connection', code: 'ECONNRESET' });
		expect(classifyThrown(connectionError('ETIMEDOUT'))).toEqual({ kind: 'connection', code: 'ETIMEDOUT' });
		expect(classifyThrown(connectionError('ECONNREFUSED'))).toEqual({ kind: 'refused', code: 'ECONNREFUSED' });
		expect(classifyThrown(new Error('socket hang up'))).toEqual({ kind: 'connection', code: 'ECONNRESET' });
		expect(classifyThrown(new Error('Credentials not found'))).toBeUndefined();
	});

	it('sends again after a 429 or a refused connection always, after an ambiguous failure only when idempotent', () => {
		expect(maySendAgain('throttled', false)).toBe(true);
		expect(maySendAgain('refused', false)).toBe(true);
		expect(maySendAgain('server', false)).toBe(false);
		expect(maySendAgain('connection', false)).toBe(false);
		expect(maySendAgain('server', true)).toBe(true);
		expect(maySendAgain('connection', true)).toBe(true);
	});

	it('reads Retry-After as seconds or as an HTTP date', () => {
		const now = Date.parse('2026-01-01T00:00:00Z');
		expect(parseRetryAfter('2', now)).toBe(2000);
		expect(parseRetryAfter(['1'], now)).toBe(1000);
		expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:03 GMT', now)).toBe(3000);
		expect(parseRetryAfter(undefined, now)).toBeUndefined();
		expect(parseRetryAfter('soon', now)).toBeUndefined();
	});

	it('backs off exponentially with jitter, capped', () => {
		const low = policy({ random: () => 0 });
		const high = policy({ random: () => 0.999999 });
		expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelay(low, n))).toEqual([125, 250, 500, 1000, 2000, 4000, 4000]);
		expect([1, 2, 3, 4, 5, 6, 7].map((n) => retryDelay(high, n))).toEqual([250, 500, 1000, 2000, 4000, 8000, 8000]);
	});

	it('waits Retry-After when it is longer than the backoff, and gives up on one beyond the limit', () => {
		expect(retryDelay(policy({ random: () => 0 }), 1, 1000)).toBe(1000);
		expect(retryDelay(policy({ random: () => 0.999999 }), 1, 1000)).toBe(1000);
		expect(retryDelay(policy({ random: () => 0.999999 }), 4, 1000)).toBe(2000);
		expect(retryDelay(policy(), 1, 120000)).toBeUndefined();
	});
});

/** A transport that answers from a script: a status (with headers), or an error to throw. */
function scripted(clock: FakeClock, script: Array<number | [number, Record<string, string>] | Error>) {
	const sent: Array<{ request: BulkRequest; at: number }> = [];
	const transport = async (request: BulkRequest): Promise<RawResponse> => {
		sent.push({ request, at: clock.now() });
		const step = script.shift() ?? 200;
		if (step instanceof Error) throw step;
		const [statusCode, headers] = Array.isArray(step) ? step : [step, {}];
		return { statusCode, body: statusCode < 300 ? { id: 'cus_1' } : { code: 'x', message: 'failed' }, headers };
	};
	return { transport, sent };
}

function client(clock: FakeClock, script: Parameters<typeof scripted>[1], retries = 5) {
	const { transport, sent } = scripted(clock, script);
	const scheduler = new RequestScheduler({ maxConcurrent: 5, requestsPerSecond: 1000, clock });
	return { api: new BulkClient(transport, scheduler, policy({ maxRetries: retries }), clock), sent, scheduler };
}

const create: BulkRequest = {
	method: 'POST',
	path: '/api/v1/customers/create',
	body: { merchant_customer_id: 'CRM-1' },
};
const lookup: BulkRequest = { method: 'GET', path: '/api/v1/customers', qs: { merchant_customer_id: 'CRM-1' } };

describe('BulkClient', () => {
	it('retries a 429 after its Retry-After, through the scheduler', async () => {
		const clock = new FakeClock();
		const { api, sent, scheduler } = client(clock, [[429, { 'retry-after': '1' }], 200]);
		const result = await clock.runUntil(api.send(create, { idempotent: false }));
		expect(result.outcome).toMatchObject({ kind: 'answer', statusCode: 200 });
		expect(result.attempts).toBe(2);
		expect(result.ambiguous).toBe(false);
		expect(sent[1].at - sent[0].at).toBeGreaterThanOrEqual(1000);
		expect(scheduler.stats.started).toBe(2);
		expect(scheduler.stats.throttled).toBe(1);
	});

	it('retries reads after 5xx and resets with growing waits, then gives up after Max Retries', async () => {
		const clock = new FakeClock();
		const { api, sent } = client(clock, [500, connectionError('ECONNRESET'), 503, 500], 3);
		const result = await clock.runUntil(api.send(lookup, { idempotent: true }));
		expect(sent).toHaveLength(4);
		expect(result.attempts).toBe(4);
		expect(result.outcome).toMatchObject({ kind: 'failure', failure: 'server', statusCode: 500 });
		expect(clock.sleeps.filter((ms) => ms >= 100)).toEqual([188, 375, 750]);
	});

	it('never re-sends a create after an ambiguous failure without a reconcile', async () => {
		const clock = new FakeClock();
		const { api, sent } = client(clock, [500, 200]);
		const result = await clock.runUntil(api.send(create, { idempotent: false }));
		expect(sent).toHaveLength(1);
		expect(result.outcome).toMatchObject({ kind: 'failure', failure: 'server' });
		expect(result.ambiguous).toBe(true);
	});

	it('looks up before re-sending a create: not there → sent again', async () => {
		const clock = new FakeClock();
		const { api, sent } = client(clock, [connectionError('ECONNRESET'), 200]);
		const reconcile = jest.fn(async (): Promise<Reconciled<string>> => ({ applied: false }));
		const result = await clock.runUntil(api.send(create, { idempotent: false, reconcile }));
		expect(reconcile).toHaveBeenCalledTimes(1);
		expect(sent).toHaveLength(2);
		expect(result.outcome).toMatchObject({ kind: 'answer', statusCode: 200 });
		expect(result.ambiguous).toBe(true);
	});

	it('looks up before re-sending a create: there → that result, no second create', async () => {
		const clock = new FakeClock();
		const { api, sent } = client(clock, [502]);
		const result = await clock.runUntil(
			api.send(create, { idempotent: false, reconcile: async () => ({ applied: true, value: 'cus_made' }) }),
		);
		expect(sent).toHaveLength(1);
		expect(result.outcome).toEqual({ kind: 'reconciled', value: 'cus_made' });
	});

	it('a lookup that cannot tell ends the create with the lookup failure', async () => {
		const clock = new FakeClock();
		const { api, sent } = client(clock, [500]);
		const failed = { kind: 'failure' as const, failure: 'server' as const, statusCode: 503 };
		const result = await clock.runUntil(
			api.send(create, { idempotent: false, reconcile: async () => ({ failed, attempts: 6 }) }),
		);
		expect(sent).toHaveLength(1);
		expect(result.outcome).toBe(failed);
		expect(result.attempts).toBe(7);
	});

	it('a final answer (4xx) and an unknown thrown error are not retried', async () => {
		const clock = new FakeClock();
		const { api, sent } = client(clock, [400, new Error('no credentials')]);
		expect((await clock.runUntil(api.send(lookup, { idempotent: true }))).outcome).toMatchObject({
			kind: 'answer',
			statusCode: 400,
		});
		expect((await clock.runUntil(api.send(lookup, { idempotent: true }))).outcome).toMatchObject({
			kind: 'failure',
			failure: 'error',
		});
		expect(sent).toHaveLength(2);
	});

	it('a Retry-After longer than the policy honours fails at once', async () => {
		const clock = new FakeClock();
		const { api, sent } = client(clock, [[429, { 'retry-after': '3600' }]]);
		const result = await clock.runUntil(api.send(lookup, { idempotent: true }));
		expect(sent).toHaveLength(1);
		expect(result.outcome).toMatchObject({ kind: 'failure', failure: 'throttled', retryAfterMs: 3600000 });
	});
});
