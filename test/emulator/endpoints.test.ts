/**
 * Every endpoint of the reference (test/reference/useepay-api.json) and every operation of the node
 * has an emulator route, and every route answers 200 given valid ids and bodies. The endpoints come
 * from the reference; the fixtures below (objects to act on, bodies) are only what a valid call
 * needs beyond that, and each names an endpoint of the reference.
 */
import reference from '../reference/useepay-api.json';
import { Router } from '../../emulator/router';
import { RESOURCES } from '../../nodes/UseePay/UseePay.node';
import { card, orderId, start, type Running } from './helpers';

interface Endpoint {
	resource: string;
	operation: string;
	method: string;
	path: string;
}

const RECIPE = 'see docs/DEVELOPMENT.md, Adding an operation';

const endpoints: Endpoint[] = (reference.endpoints as Endpoint[]).filter((e) => !e.path.includes('UNCERTAIN'));

const template = (path: string) => path.replace(/\{[^}]+\}/g, '{}');

/** Every endpoint the emulator must serve: the reference's, and the node's operations (resources/*). */
function requiredEndpoints(): Array<{ what: string; method: string; path: string }> {
	const fromNode = RESOURCES.flatMap((resource) =>
		resource.operations
			.filter((op) => op.path !== undefined)
			.map((op) => ({
				what: `the node's ${resource.value}.${op.value}`,
				method: String(op.method),
				path: String(op.path),
			})),
	);
	const fromReference = endpoints.map((e) => ({ what: `the reference's ${e.resource}.${e.operation}`, ...e }));
	return [...fromReference, ...fromNode];
}

describe('emulator: every operation has a route', () => {
	const router = new Router();

	it('every endpoint of the reference and every operation of the node is routed', () => {
		const missing = requiredEndpoints()
			.filter(({ method, path }) => !router.match(method, path.replace(/\{[^}]+\}/g, 'x')))
			.map(({ what, method, path }) => `${what} (${method} ${path}) has no emulator route: ${RECIPE}`);
		expect(missing).toEqual([]);
	});

	it('every route of the emulator is an endpoint of the reference (or a listed extra)', () => {
		// UseePay documents no list of checkout sessions; the emulator has one (emulator/README.md), the node does not.
		const EXTRAS = ['GET /api/v1/checkout_sessions'];
		const documented = new Set([...endpoints.map((e) => `${e.method} ${template(e.path)}`), ...EXTRAS]);
		const offReference = router.list().filter(({ method, path }) => !documented.has(`${method} ${template(path)}`));
		expect(offReference).toEqual([]);
	});
});

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

	/** A valid body for each POST endpoint that needs more than the default (an update of metadata). */
	const BODIES: Record<string, () => Record<string, unknown>> = {
		'paymentIntent.create': () => ({ amount: 25.5, currency: 'USD', merchant_order_id: orderId() }),
		'paymentIntent.confirm': () => ({ payment_method_data: card('4111111111111111') }),
		'customer.create': () => ({ merchant_customer_id: `NEW-${orderId()}`, name: 'Jane' }),
		'subscription.create': () => ({
			customer_id: ids.customer,
			currency: 'USD',
			recurring: { interval: 'week', interval_count: 2, unit_amount: 3 },
		}),
		'invoice.create': () => ({ customer_id: ids.customer, currency: 'USD', total_amount: 5 }),
		'paymentMethod.create': () => ({
			type: 'card',
			card: { number: '4242424242424242', expiry_month: '01', expiry_year: '2032' },
		}),
		'paymentMethodSession.retrieve': () => ({
			display_name: 'Shop',
			host: 'shop.example.com',
			merchant_identifier: 'merchant.com.example',
			merchant_id: '500000000000001',
			validationURL: 'https://apple-pay-gateway.apple.com/paymentservices/startSession',
		}),
		'paymentMethodConfiguration.retrieve': () => ({
			currency: 'USD',
			amount: 49,
			host: 'shop.example.com',
			merchant_name: 'Shop',
			os_type: 'WEB',
		}),
		'mandate.create': () => ({
			customer_id: ids.customer,
			customer_acceptance: { type: 'online', accepted_at: '2025-05-01T09:00:00Z' },
		}),
		'refund.create': () => ({ payment_intent_id: ids.paid, amount: 1 }),
		'webhook.create': () => ({
			url: 'http://127.0.0.1:9/other',
			events: ['payment_intent.succeeded'],
			status: 'disabled',
		}),
		'paymentLink.create': () => ({ amount: 10, currency: 'EUR' }),
		'checkoutSession.create': () => checkoutBody(),
	};
	const DEFAULT_BODY = { metadata: { touched: 'yes' } };

	const keyOf = (e: Endpoint) => `${e.resource}.${e.operation}`;

	/** What to do about a failed call: the emulator lacks the route, or this file a fixture. */
	function hint(e: Endpoint, status: number, body: { message?: unknown }): string {
		if (status === 404 && String(body?.message).startsWith('No such endpoint')) return `no emulator route: ${RECIPE}`;
		if (status === 400 && e.method === 'POST' && !BODIES[keyOf(e)])
			return `add a valid body for ${keyOf(e)} to BODIES in test/emulator/endpoints.test.ts`;
		return '';
	}

	it('every fixture names an endpoint of the reference (none is left over from a renamed or removed one)', () => {
		const keys = new Set(endpoints.map(keyOf));
		const resources = new Set(endpoints.map((e) => e.resource));
		const stale = [
			...Object.keys(BODIES).filter((key) => !keys.has(key)),
			...Object.keys(ids).filter((key) => (key.includes('.') ? !keys.has(key) : !resources.has(key) && key !== 'paid')),
		];
		expect(stale).toEqual([]);
	});

	it.each(endpoints.map((e) => [`${e.method} ${e.path} (${keyOf(e)})`, e] as const))('%s', async (_name, e) => {
		const id = ids[keyOf(e)] ?? ids[e.resource];
		if (e.path.includes('{') && id === undefined)
			throw new Error(`no ${e.resource} to call ${keyOf(e)} on: add one to beforeAll in this file (${RECIPE})`);
		const path = e.path.replace(/\{[^}]+\}/g, encodeURIComponent(id ?? ''));
		const body = (BODIES[keyOf(e)] ?? (() => DEFAULT_BODY))();
		const res = e.method === 'GET' ? await r.api.get(path) : await r.api.post(path, body);
		const answer =
			res.status === 200 ? 'ok' : `${res.status} ${JSON.stringify(res.data)} ${hint(e, res.status, res.data)}`;
		expect(answer).toBe('ok');
		if (e.operation === 'list') expect(res.data).toEqual({ items: expect.any(Array), has_more: expect.any(Boolean) });
		else expect(res.data).toEqual(expect.any(Object));
	});
});
