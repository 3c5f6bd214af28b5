/**
 * Every endpoint of the reference (test/reference/useepay-api.json) is
 * answered with 200 by the emulator, given valid ids and bodies.
 */
import reference from '../reference/useepay-api.json';
import { card, orderId, start, type Running } from './helpers';

interface Endpoint {
	resource: string;
	operation: string;
	method: string;
	path: string;
}

const endpoints: Endpoint[] = (reference.endpoints as Endpoint[]).filter((e) => !e.path.includes('UNCERTAIN'));

describe('emulator: every documented endpoint is served', () => {
	let r: Running;
	const ids: Record<string, string> = {};

	beforeAll(async () => {
		r = await start();
		const post = async (path: string, body: Record<string, unknown>) => {
			const res = await r.api.post(path, body);
			if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(res.data)}`);
			return res.data.id as string;
		};
		ids.customer = await post('/api/v1/customers/create', { merchant_customer_id: 'FIX-1', email: 'fix@example.com' });
		ids.paymentMethod = await post('/api/v1/payment_methods/create', {
			type: 'card',
			customer_id: ids.customer,
			card: { number: '4111111111111111', expiry_month: '12', expiry_year: '2030' },
		});
		ids.paymentIntent = await post('/api/v1/payment_intents/create', {
			amount: 10,
			currency: 'USD',
			merchant_order_id: orderId(),
		});
		ids['paymentIntent.cancel'] = await post('/api/v1/payment_intents/create', {
			amount: 10,
			currency: 'USD',
			merchant_order_id: orderId(),
		});
		ids['paymentIntent.capture'] = await post('/api/v1/payment_intents/create', {
			amount: 10,
			currency: 'USD',
			merchant_order_id: orderId(),
			auto_capture: false,
			confirm: true,
			payment_method_data: card('4111111111111111'),
		});
		ids.paid = await post('/api/v1/payment_intents/create', {
			amount: 10,
			currency: 'USD',
			merchant_order_id: orderId(),
			confirm: true,
			payment_method_data: card('4111111111111111'),
		});
		ids.subscription = await post('/api/v1/subscriptions/create', {
			customer_id: ids.customer,
			currency: 'USD',
			recurring: { interval: 'month', interval_count: 1, unit_amount: 9.99 },
		});
		ids['subscription.cancel'] = await post('/api/v1/subscriptions/create', {
			customer_id: ids.customer,
			currency: 'USD',
			recurring: { interval: 'month', interval_count: 1, unit_amount: 9.99 },
		});
		ids.invoice = await post('/api/v1/invoices/create', {
			customer_id: ids.customer,
			currency: 'USD',
			total_amount: 9.99,
		});
		ids.mandate = await post('/api/v1/mandates/create', {
			customer_id: ids.customer,
			customer_acceptance: { type: 'online', accepted_at: '2025-05-01T09:00:00Z' },
		});
		ids.refund = await post('/api/v1/refunds/create', { payment_intent_id: ids.paid, amount: 1 });
		ids.webhook = await post('/api/v1/webhooks/create', {
			url: 'http://127.0.0.1:9/hook',
			events: ['*'],
			status: 'disabled',
		});
		ids.paymentLink = await post('/api/v1/payment_links/create', { amount: 25, currency: 'USD', title: 'Link' });
		ids.checkoutSession = await post('/api/v1/checkout_sessions', checkoutBody());
	});
	afterAll(async () => r.emu.close());

	function checkoutBody() {
		return {
			mode: 'payment',
			ui_mode: 'custom',
			amount: 49,
			currency: 'USD',
			merchant_order_id: orderId(),
			customer_id: ids.customer,
			line_items: [{ quantity: 1, price_data: { product_data: { name: 'Licence' }, unit_amount: 49 } }],
			billing: { first_name: 'Ada', last_name: 'Lovelace', email: 'ada@example.com' },
		};
	}

	/** A valid body for each POST operation. */
	function bodyFor(e: Endpoint): Record<string, unknown> {
		const key = `${e.resource}.${e.operation}`;
		switch (key) {
			case 'paymentIntent.create':
				return { amount: 25.5, currency: 'USD', merchant_order_id: orderId() };
			case 'paymentIntent.confirm':
				return { payment_method_data: card('4111111111111111') };
			case 'customer.create':
				return { merchant_customer_id: `NEW-${orderId()}`, name: 'Jane' };
			case 'subscription.create':
				return {
					customer_id: ids.customer,
					currency: 'USD',
					recurring: { interval: 'week', interval_count: 2, unit_amount: 3 },
				};
			case 'invoice.create':
				return { customer_id: ids.customer, currency: 'USD', total_amount: 5 };
			case 'paymentMethod.create':
				return { type: 'card', card: { number: '4242424242424242', expiry_month: '01', expiry_year: '2032' } };
			case 'paymentMethodSession.retrieve':
				return {
					display_name: 'Shop',
					host: 'shop.example.com',
					merchant_identifier: 'merchant.com.example',
					merchant_id: '500000000000001',
					validationURL: 'https://apple-pay-gateway.apple.com/paymentservices/startSession',
				};
			case 'paymentMethodConfiguration.retrieve':
				return { currency: 'USD', amount: 49, host: 'shop.example.com', merchant_name: 'Shop', os_type: 'WEB' };
			case 'mandate.create':
				return {
					customer_id: ids.customer,
					customer_acceptance: { type: 'online', accepted_at: '2025-05-01T09:00:00Z' },
				};
			case 'refund.create':
				return { payment_intent_id: ids.paid, amount: 1 };
			case 'webhook.create':
				return { url: 'http://127.0.0.1:9/other', events: ['payment_intent.succeeded'], status: 'disabled' };
			case 'paymentLink.create':
				return { amount: 10, currency: 'EUR' };
			case 'checkoutSession.create':
				return checkoutBody();
			default:
				return { metadata: { touched: 'yes' } };
		}
	}

	it('covers every endpoint of the reference', () => {
		expect(endpoints.length).toBeGreaterThanOrEqual(45);
	});

	it.each(endpoints.map((e) => [`${e.method} ${e.path} (${e.resource}.${e.operation})`, e] as const))(
		'%s',
		async (_name, e) => {
			const id = ids[`${e.resource}.${e.operation}`] ?? ids[e.resource] ?? 'none';
			const path = e.path.replace(/\{[^}]+\}/g, encodeURIComponent(id));
			const res = e.method === 'GET' ? await r.api.get(path) : await r.api.post(path, bodyFor(e));
			expect({ status: res.status, body: res.status === 200 ? 'ok' : res.data }).toEqual({ status: 200, body: 'ok' });
			if (e.operation === 'list') expect(res.data).toEqual({ items: expect.any(Array), has_more: expect.any(Boolean) });
			else expect(res.data).toEqual(expect.any(Object));
		},
	);
});
