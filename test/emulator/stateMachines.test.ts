import { card, orderId, start, type Running } from './helpers';

describe('emulator: state machines', () => {
	let r: Running;
	beforeEach(async () => {
		r = await start();
	});
	afterEach(async () => r.emu.close());

	const createPi = async (extra: Record<string, unknown> = {}) =>
		r.api.post('/api/v1/payment_intents/create', {
			amount: 25.5,
			currency: 'USD',
			merchant_order_id: orderId(),
			...extra,
		});

	describe('payment intents', () => {
		it('starts in requires_payment_method with the documented bookkeeping fields', async () => {
			const res = await createPi();
			expect(res.status).toBe(200);
			expect(res.data).toMatchObject({
				amount: 25.5,
				currency: 'USD',
				status: 'requires_payment_method',
				auto_capture: true,
				captured_amount: null,
				code: null,
				source: null,
				message: null,
				merchant_no: expect.any(String),
				app_id: expect.any(String),
			});
			expect(res.data.id).toMatch(/^pi_/);
			expect(res.data.create_at).toMatch(/Z$/);
			expect(res.data.modify_at).toBe(res.data.create_at);
			const got = await r.api.get(`/api/v1/payment_intents/${res.data.id}`);
			expect(got.data).toEqual(res.data);
		});

		it('manual capture: confirm -> requires_capture -> capture (partial) -> succeeded', async () => {
			const pi = (await createPi({ auto_capture: false })).data;
			const confirmed = await r.api.post(`/api/v1/payment_intents/${pi.id}/confirm`, {
				payment_method_data: card('4111111111111111'),
			});
			expect(confirmed.data.status).toBe('requires_capture');
			expect(confirmed.data.payment_method).toEqual({ type: 'card', card: { brand: 'visa', last4: '1111' } });
			const tooMuch = await r.api.post(`/api/v1/payment_intents/${pi.id}/capture`, { amount: 30 });
			expect(tooMuch.status).toBe(400);
			expect(tooMuch.data.source).toBe('amount');
			const captured = await r.api.post(`/api/v1/payment_intents/${pi.id}/capture`, { amount: 20 });
			expect(captured.data).toMatchObject({ status: 'succeeded', captured_amount: 20 });
			const again = await r.api.post(`/api/v1/payment_intents/${pi.id}/capture`, {});
			expect(again.status).toBe(400);
			expect(again.data).toMatchObject({ code: 'invalid_argument', source: 'status' });
		});

		it('honours payment_method_options.card.auto_capture', async () => {
			const res = await createPi({
				payment_method_options: { type: 'card', card: { auto_capture: false } },
				payment_method_data: card('4111111111111111'),
				confirm: true,
			});
			expect(res.data).toMatchObject({ status: 'requires_capture', auto_capture: false });
		});

		it('auto capture: create with confirm=true succeeds immediately', async () => {
			const res = await createPi({ payment_method_data: card('4242424242424242'), confirm: true });
			expect(res.data).toMatchObject({ status: 'succeeded', captured_amount: 25.5, confirm: true });
		});

		it('cancel from requires_payment_method, but not twice', async () => {
			const pi = (await createPi()).data;
			const res = await r.api.post(`/api/v1/payment_intents/${pi.id}/cancel`, {
				cancellation_reason: 'Order canceled',
			});
			expect(res.data).toMatchObject({ status: 'cancelled', cancellation_reason: 'Order canceled' });
			expect(res.data.cancelled_at).toMatch(/Z$/);
			const again = await r.api.post(`/api/v1/payment_intents/${pi.id}/cancel`, {});
			expect(again.status).toBe(400);
			expect(again.data).toMatchObject({ code: 'invalid_argument', source: 'status' });
			expect((await r.api.get('/api/v1/payment_intents', { params: { status: 'canceled' } })).data.items).toHaveLength(
				1,
			);
		});

		it('cancel from requires_capture; succeeded cannot be cancelled', async () => {
			const pi = (await createPi({ auto_capture: false, payment_method_data: card('4111111111111111'), confirm: true }))
				.data;
			expect((await r.api.post(`/api/v1/payment_intents/${pi.id}/cancel`, {})).data.status).toBe('cancelled');
			const paid = (await createPi({ payment_method_data: card('4111111111111111'), confirm: true })).data;
			const res = await r.api.post(`/api/v1/payment_intents/${paid.id}/cancel`, {});
			expect(res.status).toBe(400);
			expect(res.data.source).toBe('status');
		});

		it('declines cards ending in 0002 with last_payment_error', async () => {
			const pi = (await createPi()).data;
			const res = await r.api.post(`/api/v1/payment_intents/${pi.id}/confirm`, {
				payment_method_data: card('4000000000000002'),
			});
			expect(res.status).toBe(200);
			expect(res.data.status).toBe('failed');
			expect(res.data.last_payment_error).toEqual({
				code: 'card_declined',
				decline_code: 'insufficient_funds',
				message: expect.any(String),
				type: 'card_error',
			});
			// a failed PI can be confirmed again with another card
			const retry = await r.api.post(`/api/v1/payment_intents/${pi.id}/confirm`, {
				payment_method_data: card('4111111111111111'),
			});
			expect(retry.data).toMatchObject({ status: 'succeeded', last_payment_error: null });
		});

		it('requires customer action (3DS) for cards ending in 3155', async () => {
			const pi = (await createPi()).data;
			const res = await r.api.post(`/api/v1/payment_intents/${pi.id}/confirm`, {
				payment_method_data: card('4000002500003155'),
			});
			expect(res.data.status).toBe('requires_customer_action');
			expect(res.data.next_action.type).toBe('redirect');
			expect(res.data.next_action.redirect.url).toBe(`${r.url}/__emulator/3ds/${pi.id}`);
			const page = await r.raw.get(`/__emulator/3ds/${pi.id}`);
			expect(page.status).toBe(200);
			const done = await r.raw.post(`/__emulator/3ds/${pi.id}`, { result: 'success' });
			expect(done.data).toMatchObject({ status: 'succeeded', next_action: null });
		});

		it('requires a payment method to confirm, and rejects confirming a succeeded PI', async () => {
			const pi = (await createPi()).data;
			const none = await r.api.post(`/api/v1/payment_intents/${pi.id}/confirm`, {});
			expect(none.data).toMatchObject({ code: 'field_required', source: 'payment_method_data' });
			await r.api.post(`/api/v1/payment_intents/${pi.id}/confirm`, { payment_method_data: card('4111111111111111') });
			const twice = await r.api.post(`/api/v1/payment_intents/${pi.id}/confirm`, {
				payment_method_data: card('4111111111111111'),
			});
			expect(twice.data).toMatchObject({ code: 'invalid_argument', source: 'status' });
		});

		it('confirms with a saved payment method', async () => {
			const pm = await r.api.post('/api/v1/payment_methods/create', {
				type: 'card',
				card: { number: '5555555555554444', expiry_month: '12', expiry_year: '2031' },
			});
			expect(pm.data.id).toMatch(/^pm_/);
			expect(pm.data.card).toMatchObject({ brand: 'mastercard', last4: '4444' });
			expect(JSON.stringify(pm.data)).not.toContain('5555555555554444');
			const pi = (await createPi({ payment_method_id: pm.data.id, confirm: true })).data;
			expect(pi).toMatchObject({ status: 'succeeded', payment_method_id: pm.data.id });
		});

		it('updates only before success', async () => {
			const pi = (await createPi()).data;
			const upd = await r.api.post(`/api/v1/payment_intents/${pi.id}`, {
				description: 'Order 1001 (updated)',
				metadata: { note: 'gift' },
			});
			expect(upd.data).toMatchObject({
				description: 'Order 1001 (updated)',
				metadata: { note: 'gift' },
				confirm: false,
			});
			await r.api.post(`/api/v1/payment_intents/${pi.id}/confirm`, { payment_method_data: card('4111111111111111') });
			const late = await r.api.post(`/api/v1/payment_intents/${pi.id}`, { description: 'x' });
			expect(late.status).toBe(400);
		});
	});

	describe('refunds', () => {
		it('refunds succeeded payments up to the captured amount', async () => {
			const pending = (await createPi()).data;
			const early = await r.api.post('/api/v1/refunds/create', { payment_intent_id: pending.id, amount: 1 });
			expect(early.status).toBe(400);
			expect(early.data.code).toBe('invalid_argument');

			const pi = (await createPi({ auto_capture: false, payment_method_data: card('4111111111111111'), confirm: true }))
				.data;
			await r.api.post(`/api/v1/payment_intents/${pi.id}/capture`, { amount: 20 });
			const first = await r.api.post('/api/v1/refunds/create', {
				payment_intent_id: pi.id,
				amount: 12.5,
				reason: 'returned',
			});
			expect(first.status).toBe(200);
			expect(first.data).toMatchObject({
				payment_intent_id: pi.id,
				amount: 12.5,
				currency: 'USD',
				status: 'succeeded',
				reason: 'returned',
			});
			expect(first.data.id).toMatch(/^re_/);
			const over = await r.api.post('/api/v1/refunds/create', { payment_intent_id: pi.id, amount: 7.51 });
			expect(over.status).toBe(400);
			expect(over.data).toMatchObject({ code: 'invalid_argument', source: 'amount' });
			const rest = await r.api.post('/api/v1/refunds/create', { payment_intent_id: pi.id });
			expect(rest.data.amount).toBe(7.5);
			const none = await r.api.post('/api/v1/refunds/create', { payment_intent_id: pi.id, amount: 0.01 });
			expect(none.data.source).toBe('amount');
			expect((await r.api.post('/api/v1/refunds/create', { payment_intent_id: 'pi_missing' })).status).toBe(404);
		});
	});

	describe('subscriptions and invoices', () => {
		const setup = async (email = 'jane@example.com') => {
			const cus = (await r.api.post('/api/v1/customers/create', { merchant_customer_id: `C-${orderId()}`, email }))
				.data;
			const sub = (
				await r.api.post('/api/v1/subscriptions/create', {
					customer_id: cus.id,
					currency: 'USD',
					recurring: { interval: 'month', interval_count: 1, unit_amount: 9.99 },
				})
			).data;
			const inv = (
				await r.api.post('/api/v1/invoices/create', {
					customer_id: cus.id,
					subscription_id: sub.id,
					currency: 'USD',
					total_amount: 9.99,
					collection_method: 'charge_automatically',
				})
			).data;
			return { cus, sub, inv };
		};

		it('pays an open invoice and activates the subscription', async () => {
			const { sub, inv } = await setup();
			expect(sub.status).toBe('incomplete');
			expect(inv).toMatchObject({ status: 'open', total_amount: 9.99, payment_intent: null });
			expect(inv.id).toMatch(/^inv_/);
			const paid = await r.api.post(`/api/v1/invoices/${inv.id}/pay`, {
				mandate_data: { customer_acceptance: { type: 'online', accepted_at: '2024-10-06T10:56:21Z' } },
			});
			expect(paid.status).toBe(200);
			expect(paid.data).toMatchObject({ status: 'paid', message: null });
			const again = await r.api.post(`/api/v1/invoices/${inv.id}/pay`, {});
			expect(again.status).toBe(400);
			expect(again.data.source).toBe('status');
			const s = await r.api.get(`/api/v1/subscriptions/${sub.id}`);
			expect(s.data).toMatchObject({ status: 'active', latest_invoice: inv.id });
			expect(s.data.current_period_end).toMatch(/Z$/);
		});

		it('fails the payment (HTTP 200) when the customer email starts with "fail"', async () => {
			const { inv } = await setup('fail.jane@example.com');
			const res = await r.api.post(`/api/v1/invoices/${inv.id}/pay`, {});
			expect(res.status).toBe(200);
			expect(res.data.status).toBe('payment_failed');
			expect(res.data.message).toEqual(expect.any(String));
		});

		it('fails the payment with a declining payment method', async () => {
			const { inv } = await setup();
			const pm = await r.api.post('/api/v1/payment_methods/create', {
				type: 'card',
				card: { number: '4000000000000002', expiry_month: '01', expiry_year: '2030' },
			});
			const res = await r.api.post(`/api/v1/invoices/${inv.id}/pay`, { payment_method_id: pm.data.id });
			expect(res.data.status).toBe('payment_failed');
			const retry = await r.api.post(`/api/v1/invoices/${inv.id}/pay`, {});
			expect(retry.data.status).toBe('paid');
		});

		it('starts active with a default payment method; cancels once', async () => {
			const cus = (await r.api.post('/api/v1/customers/create', { merchant_customer_id: 'S-1' })).data;
			const pm = (
				await r.api.post('/api/v1/payment_methods/create', {
					type: 'card',
					customer_id: cus.id,
					card: { number: '4111111111111111', expiry_month: '12', expiry_year: '2030' },
				})
			).data;
			const sub = await r.api.post('/api/v1/subscriptions/create', {
				customer_id: cus.id,
				currency: 'USD',
				default_payment_method: pm.id,
				recurring: { interval: 'year', interval_count: 1, unit_amount: '120' },
			});
			expect(sub.data).toMatchObject({ status: 'active', recurring: { unit_amount: 120 } });
			const cancelled = await r.api.post(`/api/v1/subscriptions/${sub.data.id}/cancel`, {});
			expect(cancelled.data.status).toBe('cancelled');
			expect(cancelled.data.canceled_at).toMatch(/Z$/);
			const twice = await r.api.post(`/api/v1/subscriptions/${sub.data.id}/cancel`, {});
			expect(twice.status).toBe(400);
			expect(twice.data).toMatchObject({ code: 'invalid_argument', source: 'status' });
		});
	});

	describe('checkout sessions', () => {
		it('completes through the control endpoint and creates a succeeded PaymentIntent', async () => {
			const cs = await r.api.post('/api/v1/checkout_sessions', {
				mode: 'payment',
				ui_mode: 'custom',
				amount: 49,
				currency: 'USD',
				merchant_order_id: orderId(),
				customer: { name: 'Ada', merchant_customer_id: 'crm-77', email: 'ada@example.com' },
				line_items: [{ quantity: 2, price_data: { product_data: { name: 'Seat' }, unit_amount: 24.5 } }],
				billing: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' },
			});
			expect(cs.status).toBe(200);
			expect(cs.data.customer.id).toMatch(/^cus_/);
			const done = await r.raw.post(`/__emulator/checkout_sessions/${cs.data.id}/complete`, {});
			expect(done.data).toMatchObject({ status: 'complete', payment_status: 'paid' });
			const pi = await r.api.get(`/api/v1/payment_intents/${done.data.payment_intent_id}`);
			expect(pi.data).toMatchObject({ status: 'succeeded', amount: 49 });
			expect((await r.api.get(`/api/v1/checkout_sessions/${cs.data.id}`)).data.status).toBe('complete');
		});
	});
});
