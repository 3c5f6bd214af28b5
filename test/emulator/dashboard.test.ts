/**
 * The emulator dashboard (emulator/dashboard.js) through HTTP: the page and its files with a strict
 * CSP, the state it draws, its actions run through the API's own routes (events included), and the
 * control plane's protections on its calls.
 */
import { startRecorder, type Recorder } from '../../tools/lib/recorder';
import { APP_ID, MERCHANT, start, waitUntil, type Running } from './helpers';

const JSON_TYPE = { 'content-type': 'application/json' };
const CSP =
	"default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

describe('emulator dashboard', () => {
	let running: Running;
	let receiver: Recorder;
	beforeAll(async () => {
		running = await start({
			timeScale: 1000,
			merchants: [{ merchantNo: MERCHANT, apiKey: 'UseePay_SK_mine', appId: APP_ID }],
		});
		receiver = await startRecorder(() => ({ status: 200, body: { ok: true } }));
	});
	afterAll(async () => {
		await running.emu.close();
		await receiver.close();
	});

	const action = (body: Record<string, unknown>) =>
		running.raw.post('/__emulator/dashboard/action', { merchant_no: MERCHANT, ...body }, { headers: JSON_TYPE });

	it.each([
		['/', 'text/html', '<script src="/__emulator/dashboard/app.js" defer></script>'],
		['/__emulator/dashboard/app.js', 'text/javascript', "call('GET', '/__emulator/dashboard/state')"],
		['/__emulator/dashboard/style.css', 'text/css', 'font:'],
		['/__emulator/dashboard/icon.svg', 'image/svg+xml', '<svg'],
	])('serves %s as %s with a strict Content-Security-Policy', async (path, type, excerpt) => {
		const answer = await running.raw.get(path, { responseType: 'text' });
		expect(answer.status).toBe(200);
		expect(answer.headers['content-type']).toBe(`${type}; charset=utf-8`);
		expect(answer.headers['content-security-policy']).toBe(CSP);
		expect(answer.headers['x-content-type-options']).toBe('nosniff');
		expect(answer.data).toContain(excerpt);
	});

	it('the page has no inline script or style (the CSP would block them)', async () => {
		const page = (await running.raw.get('/', { responseType: 'text' })).data as string;
		expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
		expect(page).not.toMatch(/<style|\sstyle=|\son[a-z]+=/);
	});

	it('creates, confirms and refunds a payment as the API does, and the events reach the endpoint', async () => {
		const endpoint = await running.api.post(
			'/api/v1/webhooks/create',
			{ url: `${receiver.url}/hook`, events: ['payment_intent.succeeded', 'refund.succeeded'] },
			{ headers: { 'x-api-key': 'UseePay_SK_mine' } },
		);
		expect(endpoint.status).toBe(200);
		const created = await action({ action: 'create_payment', amount: 12.5, currency: 'USD' });
		expect(created.status).toBe(200);
		expect(created.data).toMatchObject({ amount: 12.5, currency: 'USD', status: 'requires_payment_method' });
		const confirmed = await action({ action: 'confirm', id: created.data.id, card: '4111111111111111' });
		expect(confirmed.data).toMatchObject({ id: created.data.id, status: 'succeeded' });
		const refund = await action({ action: 'refund', id: created.data.id });
		expect(refund.data).toMatchObject({ payment_intent_id: created.data.id, amount: 12.5, status: 'succeeded' });
		const delivered = await receiver.waitFor(2);
		expect(delivered.map((r) => (r.body as { name: string }).name)).toEqual([
			'payment_intent.succeeded',
			'refund.succeeded',
		]);

		const state = (await running.raw.get('/__emulator/dashboard/state')).data;
		expect(state.credentials).toEqual({
			base_url: running.url,
			merchants: [{ merchant_no: MERCHANT, api_key: 'UseePay_SK_mine', app_id: APP_ID }],
			any_merchant_api_key: 'UseePay_SK_emulator',
		});
		const mine = state.merchants[MERCHANT];
		expect(mine.payment_intents.map((p: { id: string; status: string }) => [p.id, p.status])).toEqual([
			[created.data.id, 'succeeded'],
		]);
		expect(mine.refunds.map((r: { id: string }) => r.id)).toEqual([refund.data.id]);
		expect(mine.webhooks.map((w: { id: string }) => w.id)).toEqual([endpoint.data.id]);
		expect(
			state.deliveries.map((d: { name: string; status: number; next_retry_at: string | null }) => [
				d.name,
				d.status,
				d.next_retry_at,
			]),
		).toEqual([
			['refund.succeeded', 200, null],
			['payment_intent.succeeded', 200, null],
		]);
		expect(state.retry_schedule_ms.slice(0, 3)).toEqual([1, 5, 10]); // 1 s, 5 s, 10 s at timeScale 1000
	});

	it('a delivery that fails shows when it is retried', async () => {
		running.emu.reset();
		const failing = await startRecorder(() => ({ status: 500, body: {} }));
		try {
			await running.api.post(
				'/api/v1/webhooks/create',
				{ url: `${failing.url}/hook`, events: ['payment_intent.succeeded'] },
				{ headers: { 'x-api-key': 'UseePay_SK_mine' } },
			);
			running.emu.setConfig({ timeScale: 1 }); // first retry after 1 s: still pending when read
			const sent = await running.raw.post(
				'/__emulator/events',
				{ merchant_no: MERCHANT, name: 'payment_intent.succeeded', data: { id: 'pi_1' } },
				{ headers: JSON_TYPE },
			);
			expect(sent.status).toBe(200);
			await failing.waitFor(1);
			await waitUntil(() => running.emu.deliveries().length >= 1);
			const [attempt] = (await running.raw.get('/__emulator/dashboard/state')).data.deliveries;
			expect(attempt).toMatchObject({ status: 500, ok: false, attempt: 1, next_retry_in_ms: 1000 });
			expect(Date.parse(attempt.next_retry_at) - Date.parse(attempt.time)).toBe(1000 + attempt.duration_ms);
		} finally {
			running.emu.reset();
			await failing.close();
		}
	});

	it('refuses what the state machine refuses, an unknown action and a missing id', async () => {
		const created = await action({ action: 'create_payment', amount: 3, currency: 'USD' });
		const capture = await action({ action: 'capture', id: created.data.id });
		expect(capture.status).toBe(400);
		expect(capture.data.message).toMatch(/only requires_capture can be captured/);
		const unknown = await action({ action: 'delete_everything' });
		expect(unknown.status).toBe(400);
		expect(unknown.data).toMatchObject({ source: 'action' });
		const toString = await action({ action: 'toString' });
		expect(toString.status).toBe(400);
		const noId = await action({ action: 'confirm' });
		expect(noId.status).toBe(400);
		expect(noId.data).toMatchObject({ code: 'field_required', source: 'id' });
	});

	it.each([
		['a web page posting JSON', { origin: 'https://evil.example', ...JSON_TYPE }, 403],
		['a form post', { 'content-type': 'application/x-www-form-urlencoded' }, 415],
		['a page on a name resolving to 127.0.0.1 (DNS rebinding)', { host: 'evil.example', ...JSON_TYPE }, 403],
	])('its action refuses %s (the control plane protections)', async (_what, headers, status) => {
		const before = running.emu.store.merchants.get(MERCHANT)?.collections.get('payment_intents')?.order.length ?? 0;
		const answer = await running.raw.post(
			'/__emulator/dashboard/action',
			JSON.stringify({ action: 'create_payment', merchant_no: MERCHANT, amount: 1, currency: 'USD' }),
			{ headers },
		);
		expect(answer.status).toBe(status);
		expect(running.emu.store.merchants.get(MERCHANT)?.collections.get('payment_intents')?.order.length ?? 0).toBe(
			before,
		);
	});

	it('the page itself is refused to a DNS-rebinding host', async () => {
		expect((await running.raw.get('/', { headers: { host: 'evil.example' } })).status).toBe(403);
	});
});
