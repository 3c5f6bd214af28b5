'use strict';
/**
 * The emulator dashboard in the browser (served by emulator/dashboard.js): reads
 * /__emulator/dashboard/state every 2 s and draws it; its buttons call the control plane with
 * JSON. Everything is drawn with textContent (no HTML from data), as the page's CSP expects.
 */

/** @typedef {Record<string, any>} Obj */

/** @type {Obj|null} the last state read */
let current = null;

/** @param {string} id */
const byId = (id) => /** @type {HTMLElement} */ (document.getElementById(id));

/**
 * An element with text or children.
 * @param {string} tag
 * @param {Record<string, string>} [attributes]
 * @param {Array<Node|string>} [children]
 */
function el(tag, attributes = {}, children = []) {
	const node = document.createElement(tag);
	for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
	for (const child of children) node.append(child);
	return node;
}

/**
 * A control-plane call with a JSON body; the answer's JSON, or an Error with its message.
 * @param {string} method
 * @param {string} path
 * @param {unknown} [body]
 */
async function call(method, path, body) {
	const response = await fetch(path, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const answer = await response.json().catch(() => ({}));
	if (!response.ok) throw new Error(answer.message || `HTTP ${response.status}`);
	return answer;
}

/** @param {string} text @param {boolean} ok */
function say(text, ok) {
	const status = byId('status');
	status.textContent = text;
	status.className = ok ? 'ok' : 'bad';
}

/**
 * Runs a button's call, says how it went, redraws.
 * @param {string} what
 * @param {() => Promise<Obj>} run
 * @param {(answer: Obj) => string} [describe]
 */
async function act(what, run, describe = (answer) => answer.status || 'done') {
	try {
		const answer = await run();
		say(`${what}: ${describe(answer)}`, true);
	} catch (error) {
		say(`${what} failed: ${error instanceof Error ? error.message : error}`, false);
	}
	await load();
}

/** The merchant chosen in the header. */
const merchant = () => /** @type {HTMLSelectElement} */ (byId('merchant')).value;

/**
 * @param {string} action
 * @param {Obj} [input]
 */
const dashboardAction = (action, input = {}) =>
	call('POST', '/__emulator/dashboard/action', { action, merchant_no: merchant(), ...input });

/**
 * A table of objects; `buttons` gives each row its buttons.
 * @param {string} containerId
 * @param {Obj[]} rows
 * @param {Array<[string, (row: Obj) => unknown]>} columns heading and value
 * @param {(row: Obj) => HTMLElement[]} [buttons]
 */
function table(containerId, rows, columns, buttons) {
	const container = byId(containerId);
	if (!rows.length) {
		container.replaceChildren(el('p', { class: 'empty' }, ['none yet']));
		return;
	}
	const head = el('tr', {}, [...columns.map(([heading]) => el('th', {}, [heading])), ...(buttons ? [el('th')] : [])]);
	const body = rows.map((row) =>
		el('tr', { 'data-id': String(row.id ?? '') }, [
			...columns.map(([, value]) => {
				const shown = value(row);
				return el('td', { class: 'mono' }, [shown === null || shown === undefined ? '' : String(shown)]);
			}),
			...(buttons ? [el('td', {}, buttons(row))] : []),
		]),
	);
	container.replaceChildren(el('table', {}, [el('thead', {}, [head]), el('tbody', {}, body)]));
}

/**
 * @param {string} label
 * @param {() => void} onClick
 */
function button(label, onClick) {
	const node = el('button', { type: 'button' }, [label]);
	node.addEventListener('click', onClick);
	return node;
}

/** @param {Obj} pi a payment intent: the buttons its status allows */
function paymentButtons(pi) {
	const id = pi.id;
	const card = () => /** @type {HTMLSelectElement} */ (byId('card')).value;
	const buttons = [];
	if (['requires_payment_method', 'failed'].includes(pi.status))
		buttons.push(button('Confirm', () => act(`confirm ${id}`, () => dashboardAction('confirm', { id, card: card() }))));
	if (pi.status === 'requires_capture')
		buttons.push(button('Capture', () => act(`capture ${id}`, () => dashboardAction('capture', { id }))));
	if (['requires_payment_method', 'requires_customer_action', 'requires_capture'].includes(pi.status))
		buttons.push(button('Cancel', () => act(`cancel ${id}`, () => dashboardAction('cancel', { id }))));
	if (pi.status === 'succeeded')
		buttons.push(
			button('Refund', () =>
				act(
					`refund ${id}`,
					() => dashboardAction('refund', { id }),
					(r) => `${r.id} ${r.status}`,
				),
			),
		);
	if (pi.status === 'requires_customer_action' && pi.next_action?.redirect?.url)
		buttons.push(el('a', { href: pi.next_action.redirect.url, target: '_blank' }, ['3-D Secure page']));
	return buttons;
}

/** @param {string} iso */
const time = (iso) => (iso ? new Date(iso).toLocaleTimeString() : '');

/** @param {Obj} attempt the state of one delivery attempt, in words */
function deliveryResult(attempt) {
	const answer = attempt.status === null ? attempt.error : `HTTP ${attempt.status}`;
	if (attempt.ok) return `${answer}, delivered`;
	return attempt.next_retry_at ? `${answer}, retry at ${time(attempt.next_retry_at)}` : `${answer}, no retry left`;
}

/** @param {Obj} state */
function drawCredential(state) {
	const { credentials } = state;
	const configured = credentials.merchants.find((/** @type {Obj} */ m) => m.merchant_no === merchant());
	/** @type {Array<[string, string]>} */
	const values = [
		['Base URL', credentials.base_url],
		['Merchant Number', merchant() || '(any number)'],
		[
			'API Key',
			configured ? configured.api_key : (credentials.any_merchant_api_key ?? '(this merchant is not accepted)'),
		],
		['App ID', configured?.app_id || 'any non-empty value, e.g. www.pay.com'],
	];
	byId('credential-values').replaceChildren(
		...values.flatMap(([term, value]) => [el('dt', {}, [term]), el('dd', {}, [value])]),
	);
}

/** @param {Obj} state */
function drawMerchants(state) {
	const select = /** @type {HTMLSelectElement} */ (byId('merchant'));
	const numbers = [
		...new Set([
			...state.credentials.merchants.map((/** @type {Obj} */ m) => m.merchant_no),
			...Object.keys(state.merchants),
		]),
	];
	const chosen = select.value || numbers[0] || '';
	if (select.options.length !== numbers.length || Array.from(select.options).some((o, i) => o.value !== numbers[i]))
		select.replaceChildren(...numbers.map((n) => el('option', { value: n }, [n])));
	select.value = chosen;
}

/** @param {Obj} state */
function draw(state) {
	drawMerchants(state);
	drawCredential(state);
	const objects = state.merchants[merchant()] || {};
	table(
		'payment_intents',
		objects.payment_intents || [],
		[
			['id', (r) => r.id],
			['status', (r) => r.status],
			['amount', (r) => `${r.amount} ${r.currency}`],
			['order', (r) => r.merchant_order_id],
			['created', (r) => time(r.create_at)],
		],
		paymentButtons,
	);
	table('refunds', objects.refunds || [], [
		['id', (r) => r.id],
		['payment intent', (r) => r.payment_intent_id],
		['amount', (r) => `${r.amount} ${r.currency ?? ''}`],
		['status', (r) => r.status],
	]);
	table('customers', objects.customers || [], [
		['id', (r) => r.id],
		['name', (r) => [r.first_name, r.last_name].filter(Boolean).join(' ') || r.name],
		['email', (r) => r.email],
		['merchant customer id', (r) => r.merchant_customer_id],
	]);
	table('subscriptions', objects.subscriptions || [], [
		['id', (r) => r.id],
		['customer', (r) => r.customer_id],
		['status', (r) => r.status],
	]);
	const endpointIds = new Set((objects.webhooks || []).map((/** @type {Obj} */ e) => e.id));
	const attempts = state.deliveries.filter((/** @type {Obj} */ d) => endpointIds.has(d.endpoint_id));
	table('webhooks', objects.webhooks || [], [
		['id', (r) => r.id],
		['url', (r) => r.url],
		['events', (r) => (r.events || []).join(', ')],
		['status', (r) => r.status],
		[
			'last delivery',
			(r) => {
				const last = attempts.find((/** @type {Obj} */ d) => d.endpoint_id === r.id);
				return last ? `${last.name}: ${deliveryResult(last)}` : '';
			},
		],
	]);
	table(
		'deliveries',
		attempts,
		[
			['time', (r) => time(r.time)],
			['event', (r) => `${r.name} ${r.event_id}`],
			['endpoint', (r) => r.url],
			['attempt', (r) => (r.redelivery ? `${r.attempt} (redelivery)` : r.attempt)],
			['result', deliveryResult],
		],
		(r) => [
			button('Redeliver', () =>
				act(
					`redeliver ${r.event_id}`,
					() => call('POST', '/__emulator/deliveries/redeliver', { event_id: r.event_id, endpoint_id: r.endpoint_id }),
					(a) => `sent to ${a.endpoints} endpoint(s)`,
				),
			),
		],
	);
	const schedule = state.retry_schedule_ms.map((/** @type {number} */ ms) =>
		ms >= 1000 ? `${ms / 1000} s` : `${ms} ms`,
	);
	byId('schedule').textContent =
		`A failed delivery is retried after ${schedule.slice(0, 6).join(', ')}, … (${schedule.length} retries in all); ${state.pending_retries} retries pending now.`;
}

/** Reads the state and draws it. */
async function load() {
	try {
		current = await call('GET', '/__emulator/dashboard/state');
		draw(/** @type {Obj} */ (current));
	} catch (error) {
		say(`cannot read the emulator's state: ${error instanceof Error ? error.message : error}`, false);
	}
}

/** The forms and the lists that do not change: cards, event names. */
async function setUp() {
	await load();
	if (!current) return;
	const cards = /** @type {HTMLSelectElement} */ (byId('card'));
	cards.replaceChildren(
		...current.test_cards.map((/** @type {Obj} */ c) =>
			el('option', { value: c.number }, [`${c.number} (${c.outcome})`]),
		),
	);
	const eventForm = /** @type {HTMLFormElement} */ (byId('send-event'));
	const names = /** @type {HTMLSelectElement} */ (eventForm.elements.namedItem('name'));
	names.replaceChildren(...current.event_names.map((/** @type {string} */ n) => el('option', { value: n }, [n])));
	eventForm.addEventListener('submit', (event) => {
		event.preventDefault();
		const data = /** @type {HTMLTextAreaElement} */ (eventForm.elements.namedItem('data')).value;
		act(
			`send ${names.value}`,
			async () => {
				const parsed = JSON.parse(data || '{}');
				return call('POST', '/__emulator/events', { merchant_no: merchant(), name: names.value, data: parsed });
			},
			(answer) => `event ${answer.id} sent`,
		);
	});
	const paymentForm = /** @type {HTMLFormElement} */ (byId('new-payment'));
	paymentForm.addEventListener('submit', (event) => {
		event.preventDefault();
		const field = (/** @type {string} */ name) =>
			/** @type {HTMLInputElement} */ (paymentForm.elements.namedItem(name)).value;
		act(
			'create payment intent',
			() => dashboardAction('create_payment', { amount: Number(field('amount')), currency: field('currency') }),
			(pi) => `${pi.id} ${pi.status}`,
		);
	});
	byId('merchant').addEventListener('change', () => current && draw(current));
	setInterval(load, 2000);
}

setUp();
