/**
 * The trigger as an attacker meets it: every delivery that is not a genuine, new event of this
 * merchant is refused with a 4xx (never a 500, which UseePay would retry for hours) and runs
 * nothing. Replays of a genuine event are the exception by design: UseePay's own retries look
 * exactly like them and need a 2xx, so they are answered 200 "duplicate delivery" and not run
 * (recentEvents.test.ts).
 */
import { generateKeyPairSync } from 'crypto';
import type { IDataObject } from 'n8n-workflow';

import { MAX_EVENT_DEPTH } from '../../nodes/UseePayTrigger/delivery';
import { forgetLedgers } from '../../nodes/UseePayTrigger/recentEvents';
import type { Answer } from './delivery';
import { deliver, eventJson, MERCHANT, newEventId, ran, sign } from './delivery';

const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
const ecKeys = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const pemOf = (key: typeof stranger.publicKey) => key.export({ type: 'spki', format: 'pem' }).toString();
const FORM = 'application/x-www-form-urlencoded';

beforeEach(() => forgetLedgers());

function expectRefused(answer: Answer) {
	expect(answer.statusCode).toBeGreaterThanOrEqual(400);
	expect(answer.statusCode).toBeLessThan(500);
	expect(ran(answer)).toBe(false);
}

describe('forged, tampered and wrongly signed deliveries', () => {
	it.each([
		['no signature', (body: string) => ({ body, headers: {} })],
		['an empty signature', (body: string) => ({ body, headers: { sign: '' } })],
		['a signature that is not Base64', (body: string) => ({ body, headers: { sign: '%%%not base64%%%' } })],
		['a signature of another text', (body: string) => ({ body, headers: { sign: sign('{}') } })],
		[
			'a body changed after signing',
			(body: string) => ({ body: body.replace('10', '99'), headers: { sign: sign(body) } }),
		],
		['a signature by another key', (body: string) => ({ body, headers: { sign: sign(body, stranger.privateKey) } })],
		['a signature header repeated as a list', (body: string) => ({ body, headers: { sign: [sign(body), 'x'] } })],
	])('%s: 401, nothing runs', async (_name, make) => {
		const answer = await deliver(make(eventJson()));
		expect(answer.statusCode).toBe(401);
		expectRefused(answer);
	});

	it('a credential holding an EC key verifies nothing (401)', async () => {
		const body = eventJson();
		expectRefused(await deliver({ body, headers: { sign: sign(body) }, publicKey: pemOf(ecKeys.publicKey) }));
	});
});

describe('content-type confusion: the payload format comes from the node and the signed bytes', () => {
	const evilId = 'evt_ffffffffffffffffffffffffffffffff';
	const evil = JSON.stringify({ id: evilId, name: 'payment_intent.succeeded', data: { id: 'pi_evil', amount: 1e6 } });
	/** A JSON event UseePay really signed, with text the attacker chose (an order description). */
	const genuine = eventJson('payment_intent.succeeded', newEventId(), {
		description: `x&data=${encodeURIComponent(evil)}&y=`,
	});

	it('a signed JSON delivery re-sent as a form runs the signed event, never the one inside it (JSON node)', async () => {
		const answer = await deliver({ body: genuine, headers: { sign: sign(genuine), 'content-type': FORM } });
		expect(answer.statusCode).toBe(200);
		expect(answer.result.workflowData?.[0][0].json.id).toBe(JSON.parse(genuine).id);
		expect(JSON.stringify(answer.result.workflowData?.[0][0].json.data)).not.toMatch(/pi_evil"/);
	});

	it('the same swap against a node set to the form format: 4xx, nothing runs', async () => {
		const answer = await deliver({
			body: genuine,
			headers: { sign: sign(genuine), 'content-type': FORM },
			options: { apiVersion: '2024-10-10' },
		});
		expectRefused(answer);
	});

	it('a form body with a second field beside the signed `data` is refused', async () => {
		const json = eventJson();
		const body = `data=${encodeURIComponent(json)}&data=${encodeURIComponent(evil)}`;
		const answer = await deliver({
			body,
			headers: { sign: sign(body), 'content-type': FORM },
			options: { apiVersion: '2024-10-10' },
		});
		expectRefused(answer);
	});

	it('a form delivery sent with a JSON content type is still read as the form the node expects', async () => {
		const json = eventJson();
		const answer = await deliver({
			body: `data=${encodeURIComponent(json)}`,
			headers: { sign: sign(json), 'content-type': 'application/json' },
			options: { apiVersion: '2024-12-21' },
		});
		expect(answer.result.workflowData?.[0][0].json.id).toBe(JSON.parse(json).id);
	});
});

describe('cross-merchant deliveries (shared signing keys)', () => {
	it('a signed event of another merchant is refused although the header names ours', async () => {
		const body = eventJson('payment_intent.succeeded', newEventId(), { merchant_no: '500000000000999' });
		const answer = await deliver({ body, headers: { sign: sign(body), merchant_no: MERCHANT } });
		expect(answer.statusCode).toBe(401);
		expectRefused(answer);
	});

	it('a signed event of ours with a header naming another merchant is refused', async () => {
		const body = eventJson();
		expectRefused(await deliver({ body, headers: { sign: sign(body), merchant_no: '500000000000999' } }));
	});
});

describe('null, malformed and huge bodies', () => {
	it.each([
		['null', 'null'],
		['a number', '42'],
		['a string', '"evt"'],
		['an array', '[{"id":"evt_1","name":"payment_intent.succeeded"}]'],
		['an empty object', '{}'],
		['an id that is not a string', '{"id":1,"name":"payment_intent.succeeded","data":{}}'],
		['an empty id', '{"id":"","name":"payment_intent.succeeded","data":{}}'],
		['no name', '{"id":"evt_1","data":{}}'],
		['data that is not an object', '{"id":"evt_1","name":"payment_intent.succeeded","data":"x"}'],
		['data that is a list', '{"id":"evt_1","name":"payment_intent.succeeded","data":[]}'],
		['data that is null, with a merchant header of another merchant', null],
		['broken JSON', '{"id":"evt_1",'],
		['an empty body', ''],
		['bytes that are not UTF-8', Buffer.from([0xff, 0xfe, 0x00, 0x7b])],
	])('signed %s: 4xx, never 500, nothing runs', async (_name, body) => {
		const text = body ?? '{"id":"evt_2","name":"payment_intent.succeeded","data":null}';
		const headers: IDataObject = { sign: sign(text) };
		if (body === null) headers.merchant_no = '1';
		expectRefused(await deliver({ body: text, headers }));
	});

	it('a 10 MB unsigned body: 401 without trying to parse it', async () => {
		expectRefused(await deliver({ body: Buffer.alloc(10 * 1024 * 1024, 0x7b), headers: { sign: sign('x') } }));
	});

	it('a 2 MB signed event is a genuine event and runs', async () => {
		const body = eventJson('payment_intent.succeeded', newEventId(), { description: 'x'.repeat(2 * 1024 * 1024) });
		expect(ran(await deliver({ body, headers: { sign: sign(body) } }))).toBe(true);
	});

	it('an event with a null `data` for an event type that carries none still runs (only the merchant check skips)', async () => {
		const body = JSON.stringify({ id: newEventId(), name: 'payment_intent.succeeded', data: null });
		expect(ran(await deliver({ body, headers: { sign: sign(body) } }))).toBe(true);
	});
});

describe('events whose name or shape reaches into JavaScript itself', () => {
	it.each(['__proto__.x', 'constructor.created', 'toString.x', 'hasOwnProperty.created', '__proto__'])(
		'Confirm With UseePay on a signed event named %s: 422, no UseePay call, nothing runs',
		async (name) => {
			const body = JSON.stringify({ id: newEventId(), name, data: { id: 'pi_1', merchant_no: MERCHANT } });
			const answer = await deliver({ body, headers: { sign: sign(body) }, options: { confirmWithUseePay: true } });
			expect(answer.statusCode).toBe(422);
			expect(answer.apiCalls).toEqual([]);
			expectRefused(answer);
		},
	);

	/** A signed event whose `data` nests `levels` objects (the envelope is one more). */
	const nested = (levels: number) => {
		const data = `${'{"a":'.repeat(levels - 1)}{"id":"pi_1"}${'}'.repeat(levels - 1)}`;
		return `{"id":"${newEventId()}","name":"payment_intent.succeeded","data":${data}}`;
	};

	it.each([
		['100,000 levels', 100_000],
		[`MAX_EVENT_DEPTH + 1 levels`, MAX_EVENT_DEPTH + 1],
	])('a signed event nested %s deep: 400 like any other body that is no event, nothing runs', async (_name, depth) => {
		const body = nested(depth - 1);
		const answer = await deliver({ body, headers: { sign: sign(body) } });
		expect(answer.statusCode).toBe(400);
		expect(answer.body).toEqual({ message: 'Body is not a UseePay event' });
		expectRefused(answer);
	});

	it('a signed event nested exactly MAX_EVENT_DEPTH (64) levels deep runs', async () => {
		expect(MAX_EVENT_DEPTH).toBe(64);
		const body = nested(MAX_EVENT_DEPTH - 1);
		expect(ran(await deliver({ body, headers: { sign: sign(body) } }))).toBe(true);
	});

	it.each([
		['a number', 42],
		['an object', { pem: 'x' }],
		['a list', ['MIIB']],
		['true', true],
	])('a credential whose public key is %s: 401 saying the key is not usable, never 500', async (_name, key) => {
		const body = eventJson();
		const answer = await deliver({ body, headers: { sign: sign(body) }, credentials: { webhookSignatureCert: key } });
		expect(answer.statusCode).toBe(401);
		expect(answer.body).toEqual({ message: "The credential's UseePay Public Key is not usable: it is not text" });
		expectRefused(answer);
	});
});
