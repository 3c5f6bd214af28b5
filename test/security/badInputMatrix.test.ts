/**
 * A matrix of invalid inputs (IDs, amounts, currencies, emails, metadata
 * keys, JSON) over many operations, routed and code. Each case runs through n8n-core against a
 * recording server and must fail with a clear error (a NodeOperationError naming the field and the item), both
 * stopping and continuing on fail, having sent nothing.
 */
import type { INodeParameters } from 'n8n-workflow';

import { runUseePay } from '../support/n8n';
import type { Recorder } from '../../tools/lib/recorder';
import { startRecorder } from '../../tools/lib/recorder';

interface Case {
	name: string;
	parameters: INodeParameters;
	/** The label the error must name. */
	field: string;
}

const locator = (value: string) => ({ __rl: true, mode: 'id', value });
/** A value as a parameter: the odd numbers (NaN, Infinity) come from expressions, as in a workflow. */
const asParameter = (value: unknown) =>
	typeof value === 'number' && !Number.isFinite(value) ? `={{ ${String(value)} }}` : (value as string);

const BAD_IDS = [
	'.',
	'..',
	'create',
	'Capture',
	'cancel',
	'confirm',
	'pay',
	'cus_1/..',
	'cus_1?status=x',
	'cus_1#x',
	'cus 1',
	'%2e%2e',
	'cus_\ud800',
	'\udc00',
	'cüs_1',
	'x'.repeat(129),
	'../customers',
	' ',
];
const BAD_AMOUNTS = [
	Number.NaN,
	Infinity,
	-Infinity,
	-1,
	0,
	0.001,
	12.345,
	1e21,
	'={{ "ten" }}',
	// Round to 0: refused even where 0 is allowed.
	1e-9,
	'={{ "0.0000000001" }}',
];
/** Too many decimals for USD; fine where the body names no currency (Capture: the payment's own). */
const USD_DECIMALS = [0.001, 12.345];
const BAD_CURRENCIES = ['XXX', 'ZZZ', 'XTS', 'usd', 'US', 'USDD', '123', 'BOV', '={{ "" }}', '={{ 840 }}'];
const BAD_EMAILS = [
	'not-an-email',
	'a@b',
	'@example.com',
	'a b@example.com',
	'a@@example.com',
	'a@example.',
	// Not text: they were sent as they are.
	'={{ 42 }}',
	'={{ { "a": "a@example.com" } }}',
	'={{ ["a@example.com"] }}',
	'={{ true }}',
];
/** Keys that would set a prototype when merged: Extra Fields refuses them, and so does Metadata. */
const UNSAFE_METADATA_KEYS = ['__proto__', 'constructor', 'prototype', ' __proto__ '];
const BAD_JSON = [
	'{',
	'[1]',
	'"text"',
	'42',
	'null',
	"{'a': 1}",
	'{"__proto__": {"x": 1}}',
	'{"a": [{"constructor": 1}]}',
];

const usd = (amount: unknown) => ({ amount: asParameter(amount), currency: 'USD' });
const checkoutBase = {
	resource: 'checkoutSession',
	operation: 'create',
	mode: 'payment',
	ui_mode: 'custom',
	merchant_order_id: 'ORD-1',
	billing: { details: { first_name: 'A', last_name: 'B', email: 'a@example.com' } },
};
const lineItem = (unitAmount: unknown, currency = 'USD') => ({
	items: [{ quantity: 1, price_data: { details: { unit_amount: asParameter(unitAmount), currency } } }],
});

/** Operations that take an ID, and how each puts a bad one in. */
const ID_OPERATIONS: Array<[string, string, (id: string) => INodeParameters]> = [
	['Customer Get', 'Customer ID', (v) => ({ resource: 'customer', operation: 'get', customerId: locator(v) })],
	[
		'Customer Update',
		'Customer ID',
		(v) => ({ resource: 'customer', operation: 'update', customerId: locator(v), updateFields: { name: 'A' } }),
	],
	[
		'Payment Intent Capture',
		'Payment Intent ID',
		(v) => ({ resource: 'paymentIntent', operation: 'capture', paymentIntentId: locator(v) }),
	],
	[
		'Payment Intent Update',
		'Payment Intent ID',
		(v) => ({
			resource: 'paymentIntent',
			operation: 'update',
			paymentIntentId: locator(v),
			updateFields: { description: 'x' },
		}),
	],
	[
		'Webhook Update',
		'Webhook ID',
		(v) => ({ resource: 'webhook', operation: 'update', webhookId: locator(v), updateFields: { status: 'disabled' } }),
	],
	[
		'Subscription Cancel',
		'Subscription ID',
		(v) => ({ resource: 'subscription', operation: 'cancel', subscriptionId: locator(v) }),
	],
	['Invoice Pay', 'Invoice ID', (v) => ({ resource: 'invoice', operation: 'pay', invoiceId: locator(v) })],
	[
		'Refund Create (an ID in the body)',
		'Payment Intent ID',
		(v) => ({ resource: 'refund', operation: 'create', payment_intent_id: locator(v) }),
	],
];

/** [operation, field, build, must the amount be above 0, does the body name the currency]. */
const AMOUNT_OPERATIONS: Array<[string, string, (amount: unknown) => INodeParameters, boolean, boolean]> = [
	[
		'Payment Intent Create',
		'Amount',
		(a) => ({ resource: 'paymentIntent', operation: 'create', ...usd(a), merchant_order_id: 'ORD-1' }),
		true,
		true,
	],
	[
		'Payment Intent Capture',
		'Amount',
		(a) => ({
			resource: 'paymentIntent',
			operation: 'capture',
			paymentIntentId: 'pi_1',
			additionalFields: { amount: asParameter(a) },
		}),
		true,
		false,
	],
	[
		'Refund Create',
		'Amount',
		(a) => ({
			resource: 'refund',
			operation: 'create',
			payment_intent_id: locator('pi_1'),
			additionalFields: { amount: asParameter(a), currency: 'USD' },
		}),
		true,
		true,
	],
	['Payment Link Create', 'Amount', (a) => ({ resource: 'paymentLink', operation: 'create', ...usd(a) }), true, true],
	[
		'Invoice Create',
		'Total Amount',
		(a) => ({
			resource: 'invoice',
			operation: 'create',
			customer_id: locator('cus_1'),
			currency: 'USD',
			total_amount: asParameter(a),
		}),
		true,
		true,
	],
	[
		'Checkout Session Create (a line item)',
		'Unit Amount',
		(a) => ({ ...checkoutBase, ...usd(10), line_items: lineItem(a) }),
		true,
		true,
	],
	[
		'Subscription Create (recurring amount, may be 0)',
		'Unit Amount',
		(a) => ({
			resource: 'subscription',
			operation: 'create',
			customer_id: locator('cus_1'),
			currency: 'USD',
			recurring: { details: { interval: 'month', interval_count: 1, unit_amount: asParameter(a) } },
		}),
		false,
		true,
	],
];

const CURRENCY_OPERATIONS: Array<[string, (currency: string) => INodeParameters]> = [
	[
		'Payment Intent Create',
		(c) => ({ resource: 'paymentIntent', operation: 'create', amount: 10, currency: c, merchant_order_id: 'ORD-1' }),
	],
	['Payment Link Create', (c) => ({ resource: 'paymentLink', operation: 'create', amount: 10, currency: c })],
	[
		'Invoice Create',
		(c) => ({ resource: 'invoice', operation: 'create', customer_id: locator('cus_1'), currency: c, total_amount: 10 }),
	],
	[
		'Subscription Create',
		(c) => ({
			resource: 'subscription',
			operation: 'create',
			customer_id: locator('cus_1'),
			currency: c,
			recurring: { details: { interval: 'month', interval_count: 1, unit_amount: 10 } },
		}),
	],
	['Checkout Session Create', (c) => ({ ...checkoutBase, amount: 10, currency: c, line_items: lineItem(10, 'USD') })],
];

const EMAIL_OPERATIONS: Array<[string, (email: string) => INodeParameters]> = [
	[
		'Customer Create',
		(e) => ({
			resource: 'customer',
			operation: 'create',
			merchant_customer_id: 'CRM-1',
			additionalFields: { email: e },
		}),
	],
	[
		'Customer Update',
		(e) => ({ resource: 'customer', operation: 'update', customerId: locator('cus_1'), updateFields: { email: e } }),
	],
	[
		'Customer Create or Update (match on Email)',
		(e) => ({
			resource: 'customer',
			operation: 'createOrUpdate',
			matchOn: 'email',
			merchant_customer_id: 'CRM-1',
			email: e,
		}),
	],
	[
		'Checkout Session Create (billing)',
		(e) => ({
			...checkoutBase,
			...usd(10),
			line_items: lineItem(10),
			billing: { details: { first_name: 'A', last_name: 'B', email: e } },
		}),
	],
];

const metadata = (key: string) => ({
	entries: [
		{ key: 'order', value: '1' },
		{ key, value: 'x' },
	],
});
const METADATA_OPERATIONS: Array<[string, (key: string) => INodeParameters]> = [
	[
		'Customer Create (code)',
		(k) => ({
			resource: 'customer',
			operation: 'create',
			merchant_customer_id: 'CRM-1',
			additionalFields: { metadata: metadata(k) },
		}),
	],
	[
		'Customer Update (code)',
		(k) => ({
			resource: 'customer',
			operation: 'update',
			customerId: locator('cus_1'),
			updateFields: { metadata: metadata(k) },
		}),
	],
	[
		'Payment Intent Create (routed)',
		(k) => ({
			resource: 'paymentIntent',
			operation: 'create',
			...usd(10),
			merchant_order_id: 'O',
			additionalFields: { metadata: metadata(k) },
		}),
	],
];

const JSON_OPERATIONS: Array<[string, (json: string) => INodeParameters]> = [
	[
		'Customer Create',
		(j) => ({
			resource: 'customer',
			operation: 'create',
			merchant_customer_id: 'CRM-1',
			additionalFields: { extraFields: j },
		}),
	],
	[
		'Customer Update',
		(j) => ({
			resource: 'customer',
			operation: 'update',
			customerId: locator('cus_1'),
			updateFields: { extraFields: j },
		}),
	],
	[
		'Payment Intent Create',
		(j) => ({
			resource: 'paymentIntent',
			operation: 'create',
			...usd(10),
			merchant_order_id: 'O',
			additionalFields: { extraFields: j },
		}),
	],
	[
		'Webhook Update',
		(j) => ({ resource: 'webhook', operation: 'update', webhookId: locator('wh_1'), updateFields: { extraFields: j } }),
	],
];

const shown = (value: unknown) => (typeof value === 'string' ? JSON.stringify(value.slice(0, 20)) : String(value));

const CASES: Case[] = [
	...ID_OPERATIONS.flatMap(([operation, field, build]) =>
		BAD_IDS.map((id) => ({ name: `${operation}: ID ${shown(id)}`, field, parameters: build(id) })),
	),
	...AMOUNT_OPERATIONS.flatMap(([operation, field, build, positive, currencyKnown]) =>
		BAD_AMOUNTS.filter(
			(amount) => (positive || amount !== 0) && (currencyKnown || !USD_DECIMALS.includes(amount as number)),
		).map((amount) => ({
			name: `${operation}: amount ${shown(amount)}`,
			field,
			parameters: build(amount),
		})),
	),
	...CURRENCY_OPERATIONS.flatMap(([operation, build]) =>
		BAD_CURRENCIES.map((currency) => ({
			name: `${operation}: currency ${shown(currency)}`,
			field: 'Currency',
			parameters: build(currency),
		})),
	),
	...EMAIL_OPERATIONS.flatMap(([operation, build]) =>
		BAD_EMAILS.map((email) => ({
			name: `${operation}: email ${shown(email)}`,
			field: 'Email',
			parameters: build(email),
		})),
	),
	...METADATA_OPERATIONS.flatMap(([operation, build]) =>
		UNSAFE_METADATA_KEYS.map((key) => ({
			name: `${operation}: metadata key ${shown(key)}`,
			field: 'Metadata',
			parameters: build(key),
		})),
	),
	...JSON_OPERATIONS.flatMap(([operation, build]) =>
		BAD_JSON.map((json) => ({
			name: `${operation}: Extra Fields ${shown(json)}`,
			field: 'Extra Fields (JSON)',
			parameters: build(json),
		})),
	),
];

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('bad input matrix: a clear error naming field and item, and no request', () => {
	let api: Recorder;

	beforeAll(async () => {
		api = await startRecorder(() => ({ status: 200, body: { id: 'obj_1', items: [], has_more: false } }));
	});

	beforeEach(() => {
		api.requests.length = 0;
	});

	afterAll(async () => {
		await api.close();
	});

	it('covers at least 150 cases over at least 8 operations', () => {
		const operations = new Set(CASES.map((c) => `${String(c.parameters.resource)}.${String(c.parameters.operation)}`));
		expect(CASES.length).toBeGreaterThanOrEqual(150);
		expect(operations.size).toBeGreaterThanOrEqual(8);
	});

	it.each(CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
		const message = new RegExp(`^'${escape(c.field)}' .+ \\[item 0\\]$`);
		const continued = await runUseePay({ baseUrl: api.url, continueOnFail: true, parameters: c.parameters });
		expect(continued.items).toHaveLength(1);
		expect(continued.items[0].error?.name).toBe('NodeOperationError');
		expect(continued.items[0].json.error).toMatch(message);
		const stopped = await runUseePay({ baseUrl: api.url, parameters: c.parameters });
		expect(stopped.error?.message).toMatch(message);
		expect(api.requests).toEqual([]);
	});
});
