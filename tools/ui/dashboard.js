'use strict';
/**
 * The emulator's dashboard in the browser, part of `npm run test:ui` (run.js calls it with the
 * demo it started): the page loads under its strict CSP without a violation and shows the
 * credential values of the demo merchant; from it a payment intent is created, confirmed with the
 * succeeding test card and refunded, and the published "log payment events" workflow runs once
 * for each event it listens to (payment_intent.succeeded, refund.succeeded), as n8n's executions
 * show.
 */
const { EXAMPLE } = require('../lib/fixtures');

/**
 * @param {{page: import('playwright-core').Page, demo: any, record: (name: string, ok: boolean, detail?: string) => void, shot: (name: string) => Promise<void>}} session
 */
async function dashboardChecks({ page, demo, record, shot }) {
	const consoleErrors = /** @type {string[]} */ ([]);
	page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text().slice(0, 200)));
	const before = await demo.session.executionCount(EXAMPLE.events);
	const answer = await page.goto(`${demo.emulatorUrl}/`);
	record(
		'the emulator dashboard answers at / with a Content-Security-Policy',
		answer?.status() === 200 && /default-src 'none'/.test(answer.headers()['content-security-policy'] || ''),
		`${answer?.status()} ${answer?.headers()['content-security-policy']}`,
	);
	const values = page.getByTestId('credential');
	await values.getByText(demo.merchant.apiKey, { exact: true }).waitFor({ state: 'visible' });
	const credentialText = (await values.innerText()).replace(/\s+/g, ' ');
	const expected = [demo.emulatorUrl, demo.merchant.merchantNo, demo.merchant.apiKey, demo.merchant.appId];
	record(
		"the dashboard shows the demo merchant's credential values (base URL, merchant number, API key, App ID)",
		expected.every((value) => credentialText.includes(value)),
		credentialText,
	);

	await page.getByTestId('new-payment').getByRole('button', { name: 'Create payment intent' }).click();
	const row = page.getByTestId('payment_intents').locator('tbody tr').first();
	await row.getByText('requires_payment_method').waitFor({ state: 'visible' });
	const paymentId = String(await row.getAttribute('data-id'));
	await row.getByRole('button', { name: 'Confirm' }).click();
	await page.getByTestId('payment_intents').locator(`tr[data-id="${paymentId}"]`).getByText('succeeded').waitFor();
	record('the dashboard confirms the payment intent with the succeeding test card', true, paymentId);
	await page
		.getByTestId('payment_intents')
		.locator(`tr[data-id="${paymentId}"]`)
		.getByRole('button', { name: 'Refund' })
		.click();
	const refundRow = page.getByTestId('refunds').locator('tbody tr').filter({ hasText: paymentId });
	await refundRow.getByText('succeeded').waitFor({ state: 'visible' });
	record('the dashboard refunds it in full', true, (await refundRow.innerText()).replace(/\s+/g, ' '));

	// Both events reach the published trigger: two more executions, each about one of them (its id).
	const runs = await demo.session.finishedExecutions(EXAMPLE.events, before + 2);
	const newest = runs.slice(0, runs.length - before);
	/** @type {Map<string, string>} event id -> name, of the events this payment's actions emitted */
	const emitted = new Map(
		demo.emulator
			.deliveries()
			.filter((/** @type {any} */ d) => ['payment_intent.succeeded', 'refund.succeeded'].includes(d.name))
			.map((/** @type {any} */ d) => [d.event_id, d.name]),
	);
	const seen = [];
	for (const run of newest) {
		const detail = JSON.stringify((await demo.session.rest('GET', `/rest/executions/${run.id}`)).json);
		const events = [...emitted].filter(([id]) => detail.includes(id)).map(([, name]) => name);
		seen.push(`${run.status}:${events.join('+') || 'no event of this payment'}:${detail.includes(paymentId)}`);
	}
	record(
		'"UseePay: log payment events" ran once for the payment and once for the refund, each about this payment',
		seen.sort().join(' ') === 'success:payment_intent.succeeded:true success:refund.succeeded:true',
		seen.join(' '),
	);
	await page.getByTestId('deliveries').getByText('refund.succeeded').first().waitFor({ state: 'visible' });
	const deliveriesText = (await page.getByTestId('deliveries').innerText()).replace(/\s+/g, ' ');
	record(
		'the dashboard lists both deliveries to the trigger as delivered',
		(deliveriesText.match(/HTTP 200, delivered/g) || []).length >= 2,
		deliveriesText.slice(0, 300),
	);
	await shot('08-emulator-dashboard.png');
	record(
		'the dashboard ran without console errors (no CSP violation)',
		consoleErrors.length === 0,
		consoleErrors.join(' | ') || 'none',
	);
}

module.exports = { dashboardChecks };
