import { createVerify } from 'crypto';
import { answerInTurn, startRecorder } from '../../tools/lib/recorder';
import { card, orderId, start, waitUntil, MERCHANT, APP_ID, type Running } from './helpers';

import type { Recorder } from '../../tools/lib/recorder';

const verify = (payload: string | Buffer, signature: string, publicKeyPem: string) =>
	createVerify('RSA-SHA256').update(payload).verify(publicKeyPem, signature, 'base64');

describe('emulator: webhook deliveries', () => {
	let r: Running;
	let rec: Recorder;
	let publicKey: string;

	beforeEach(async () => {
		r = await start({ timeScale: 1000 });
		rec = await startRecorder();
		const pk = await r.raw.get('/__emulator/public-key', { responseType: 'text' });
		expect(pk.status).toBe(200);
		publicKey = pk.data as string;
		expect(publicKey).toContain('-----BEGIN PUBLIC KEY-----');
	});
	afterEach(async () => {
		await r.emu.close();
		await rec.close();
	});

	const hook = async (body: Record<string, unknown>) => {
		const res = await r.api.post('/api/v1/webhooks/create', { url: `${rec.url}/hook`, ...body });
		expect(res.status).toBe(200);
		return res.data;
	};

	it('creates endpoints with the documented defaults', async () => {
		const h = await hook({ events: ['payment_intent.succeeded'] });
		expect(h).toMatchObject({
			status: 'enabled',
			secret: null,
			api_version: '2026-04',
			events: ['payment_intent.succeeded'],
		});
		expect(h.id).toMatch(/^wek_/);
	});

	it('delivers signed JSON envelopes that verify against the served public key', async () => {
		await hook({ events: ['payment_intent.succeeded'] });
		const pi = await r.api.post('/api/v1/payment_intents/create', {
			amount: 10,
			currency: 'USD',
			merchant_order_id: orderId(),
			confirm: true,
			payment_method_data: card('4111111111111111'),
		});
		const [got] = await rec.waitFor(1);
		expect(got.method).toBe('POST');
		expect(got.path).toBe('/hook');
		expect(got.headers['content-type']).toBe('application/json');
		expect(got.headers).toMatchObject({ merchant_no: MERCHANT, app_id: APP_ID, api_version: '2026-04' });
		const envelope = JSON.parse(got.rawBody);
		expect(envelope.id).toMatch(/^evt_[0-9a-f]{32}$/);
		expect(envelope.name).toBe('payment_intent.succeeded');
		expect(envelope.data).toMatchObject({ id: pi.data.id, status: 'succeeded', amount: 10 });
		const sign = got.headers.sign as string;
		expect(verify(got.bytes, sign, publicKey)).toBe(true);
		const tampered = Buffer.from(got.bytes);
		tampered[tampered.length - 2] ^= 1;
		expect(verify(tampered, sign, publicKey)).toBe(false);
		await waitUntil(() => r.emu.deliveries().length === 1);
		expect(r.emu.deliveries()[0]).toMatchObject({
			event_id: envelope.id,
			name: 'payment_intent.succeeded',
			status: 200,
			attempt: 1,
		});
		// only the subscribed event was delivered (created was not)
		expect(rec.requests).toHaveLength(1);
	});

	it('uses the form format (data=<urlencoded JSON>) for old api versions, signing the JSON text', async () => {
		await hook({ events: ['*'], api_version: '2024-10-10' });
		const emitted = await r.raw.post('/__emulator/events', {
			merchant_no: MERCHANT,
			name: 'refund.succeeded',
			data: { id: 're_1', amount: 12.5 },
		});
		expect(emitted.status).toBe(200);
		const [got] = await rec.waitFor(1);
		expect(got.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(got.headers.api_version).toBe('2024-10-10');
		expect(got.rawBody.startsWith('data=')).toBe(true);
		const json = new URLSearchParams(got.rawBody).get('data') as string;
		expect(JSON.parse(json)).toEqual({
			id: emitted.data.id,
			name: 'refund.succeeded',
			data: { id: 're_1', amount: 12.5 },
		});
		expect(verify(json, got.headers.sign as string, publicKey)).toBe(true);
		expect(verify(json.replace('12.5', '13.5'), got.headers.sign as string, publicKey)).toBe(false);
	});

	it('retries non-2xx answers on the (time-scaled) schedule', async () => {
		rec.setResponder(answerInTurn(500));
		await hook({ events: ['*'] });
		const ev = await r.raw.post('/__emulator/events', {
			merchant_no: MERCHANT,
			name: 'payment_intent.created',
			data: { id: 'pi_x' },
		});
		const got = await rec.waitFor(2);
		expect(got.map((g) => g.status)).toEqual([500, 200]);
		expect(got[0].rawBody).toBe(got[1].rawBody);
		await waitUntil(async () => (await r.raw.get('/__emulator/deliveries')).data.items.length === 2);
		const log = (await r.raw.get('/__emulator/deliveries', { params: { event_id: ev.data.id } })).data.items;
		expect(log.map((d: { attempt: number; status: number }) => [d.attempt, d.status])).toEqual([
			[1, 500],
			[2, 200],
		]);
		expect(log[0].next_retry_in_ms).toBe(1); // 1 s / 1000
		expect(log[1].next_retry_in_ms).toBeNull();
		expect(log[0]).toMatchObject({ event_id: ev.data.id, name: 'payment_intent.created', url: `${rec.url}/hook` });
	});

	it('retries connection errors too', async () => {
		const dead = await startRecorder();
		const deadUrl = dead.url;
		await dead.close();
		await r.api.post('/api/v1/webhooks/create', { url: `${deadUrl}/gone`, events: ['*'] });
		await r.raw.post('/__emulator/events', { merchant_no: MERCHANT, name: 'invoice.paid', data: {} });
		await waitUntil(() => r.emu.deliveries().length >= 3);
		const [first, second] = r.emu.deliveries();
		expect(first).toMatchObject({ attempt: 1, status: null, ok: false });
		expect(first.error).toEqual(expect.any(String));
		expect(second.attempt).toBe(2);
	});

	it('redelivers the same event id and body on request', async () => {
		await hook({ events: ['*'] });
		const ev = await r.raw.post('/__emulator/events', {
			merchant_no: MERCHANT,
			name: 'invoice.paid',
			data: { id: 'inv_1' },
		});
		await rec.waitFor(1);
		const again = await r.raw.post('/__emulator/deliveries/redeliver', { event_id: ev.data.id });
		expect(again.data).toEqual({ event_id: ev.data.id, endpoints: 1 });
		const got = await rec.waitFor(2);
		expect(got[1].rawBody).toBe(got[0].rawBody);
		expect(got[1].headers.sign).toBe(got[0].headers.sign);
		expect((await r.raw.post('/__emulator/deliveries/redeliver', { event_id: 'evt_unknown' })).status).toBe(404);
	});

	it('skips disabled endpoints, other merchants and unsubscribed events', async () => {
		const h = await hook({ events: ['refund.succeeded'] });
		await r.api.post(`/api/v1/webhooks/${h.id}`, { status: 'disabled' });
		const other = await startRecorder();
		try {
			await r.api.post('/api/v1/webhooks/create', { url: `${other.url}/x`, events: ['invoice.paid'] });
			await r.raw.post('/__emulator/events', { merchant_no: MERCHANT, name: 'refund.succeeded', data: {} });
			await r.raw.post('/__emulator/events', { merchant_no: 'SOMEONE-ELSE', name: 'invoice.paid', data: {} });
			await r.raw.post('/__emulator/events', { merchant_no: MERCHANT, name: 'invoice.paid', data: { n: 1 } });
			const got = await other.waitFor(1);
			expect(JSON.parse(got[0].rawBody).data).toEqual({ n: 1 });
			await waitUntil(() => r.emu.deliveries().length === 1);
			expect(rec.requests).toHaveLength(0);
			expect(other.requests).toHaveLength(1);
		} finally {
			await other.close();
		}
	});

	it('emits the documented events for state changes', async () => {
		await hook({ events: ['*'] });
		const pi = (
			await r.api.post('/api/v1/payment_intents/create', {
				amount: 8,
				currency: 'USD',
				merchant_order_id: orderId(),
				auto_capture: false,
			})
		).data;
		await r.api.post(`/api/v1/payment_intents/${pi.id}/confirm`, { payment_method_data: card('4111111111111111') });
		await r.api.post(`/api/v1/payment_intents/${pi.id}/capture`, {});
		await r.api.post('/api/v1/refunds/create', { payment_intent_id: pi.id });
		const got = await rec.waitFor(5);
		const names = got.map((g) => JSON.parse(g.rawBody).name).sort();
		expect(names).toEqual(
			[
				'payment_intent.created',
				'payment_intent.requires_capture',
				'payment_intent.succeeded',
				'refund.received',
				'refund.succeeded',
			].sort(),
		);
		const received = got.map((g) => JSON.parse(g.rawBody)).find((e) => e.name === 'refund.received');
		expect(received.data.status).toBe('received');
		const ids = new Set(got.map((g) => JSON.parse(g.rawBody).id));
		expect(ids.size).toBe(5);
	});

	it('emits nothing when a request fails validation', async () => {
		await hook({ events: ['*'] });
		const res = await r.api.post('/api/v1/payment_intents/create', {
			amount: -1,
			currency: 'USD',
			merchant_order_id: 'x',
		});
		expect(res.status).toBe(400);
		expect((await r.raw.get('/__emulator/events')).data.items).toHaveLength(0);
	});
});
