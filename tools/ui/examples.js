'use strict';
/**
 * The example workflows run twice, as a user trying them would (part of `npm run test:ui`, on the
 * demo run.js started; n8n on a port other than the default 5678): every example started by hand
 * that needs no outside service (the AI agent example needs an OpenAI model and is left out; the
 * events workflow runs on its trigger, which the dashboard checks fire) succeeds both times, and
 * afterwards no webhook endpoint in the emulator has a failing delivery: nothing an example
 * registered is left for the emulator to retry (it retries a failed delivery for about 2 hours).
 */
const { waitFor } = require('../lib/checks');

/** @param {any} workflow started by hand, and no node needs a service beyond UseePay */
const runsOffline = (workflow) =>
	workflow.nodes.some((/** @type {any} */ node) => node.type === 'n8n-nodes-base.manualTrigger') &&
	!workflow.nodes.some((/** @type {any} */ node) => node.type.startsWith('@n8n/n8n-nodes-langchain.'));

/**
 * The endpoints whose latest attempt for some event failed, with that attempt.
 * @param {any[]} attempts the emulator's delivery log, oldest first
 */
function failingEndpoints(attempts) {
	/** @type {Map<string, any>} the latest attempt per endpoint and event */
	const latest = new Map();
	for (const attempt of attempts) latest.set(`${attempt.endpoint_id} ${attempt.event_id}`, attempt);
	/** @type {Map<string, string>} */
	const failing = new Map();
	for (const attempt of latest.values())
		if (!attempt.ok)
			failing.set(attempt.endpoint_id, `${attempt.url}: ${attempt.name} ${attempt.status ?? attempt.error}`);
	return [...failing.entries()].map(([id, why]) => `${id} (${why})`);
}

/**
 * @param {{demo: any, record: (name: string, ok: boolean, detail?: string) => void}} session
 */
async function examplesTwice({ demo, record }) {
	const runnable = demo.workflows.filter(runsOffline);
	for (const round of [1, 2]) {
		for (const workflow of runnable) {
			const run = await demo.n8n.execute(workflow.id);
			const error = run.output?.data?.resultData?.error?.message;
			record(
				`example "${workflow.name}" succeeds when run a ${round === 1 ? 'first' : 'second'} time`,
				run.status === 'success',
				error || run.status,
			);
		}
	}
	// The lifecycle example registers an endpoint on the n8n that runs it (not a fixed port) and
	// disables it at its end (UseePay has no delete): one per run, none left enabled.
	const registered = [...demo.emulator.store.merchants.values()]
		.flatMap((merchant) => merchant.collections.get('webhooks')?.order ?? [])
		.map((/** @type {any} */ rec) => rec.obj)
		.filter((endpoint) => endpoint.url.endsWith('/webhook/lifecycle-example'));
	record(
		'the lifecycle example registered its endpoint on this n8n each run and disabled it at the end',
		registered.length === 2 &&
			registered.every((e) => e.url === `${demo.n8n.url}/webhook/lifecycle-example` && e.status === 'disabled'),
		registered.map((e) => `${e.url} ${e.status}`).join(', ') || 'none registered',
	);
	// Deliveries still on the wire finish (or fail) first.
	await waitFor('webhook deliveries in flight', async () => demo.emulator.dispatcher.inflight.size === 0, 20000);
	const failing = failingEndpoints(demo.emulator.deliveries());
	record(
		`after ${runnable.map((/** @type {any} */ w) => `"${w.name}"`).join(' and ')} ran twice, no webhook endpoint has a failing delivery`,
		runnable.length >= 2 && failing.length === 0,
		failing.join('; ') || `${demo.emulator.deliveries().length} delivery attempts, all answered 2xx`,
	);
}

module.exports = { examplesTwice, failingEndpoints };
