'use strict';
/**
 * `npm start`: the demo in the foreground until Ctrl-C. Every line says how long the command has
 * run so far (from start.sh's start, npm ci included) and a silent step prints "still …" at least
 * every 20 s (progress.js); the ready screen says what to do first, where the emulator's
 * dashboard is, what was installed where and the one command that removes it.
 */
const path = require('node:path');

const { cacheRoot, npmCacheDir } = require('../lib/runtime');
const { startDemo } = require('./demo');
const { createProgress, duration } = require('./progress');

const DEMO_DIR = process.env.USEEPAY_DEMO_DIR || path.join(cacheRoot(), 'demo');
const progress = createProgress({ name: 'useepay-demo' });
const { log } = progress;

// Ctrl-C before the demo is up: exit, and tools/lib/n8n.js stops an n8n already started.
const exitNow = () => process.exit(130);
process.on('SIGINT', exitNow);
process.on('SIGTERM', exitNow);

/**
 * What the demo put on the machine and the command that removes it; what it leaves, said plainly.
 * @param {{runtime: {cache: string, installed: string[], nodeBin: string, version: string}}} demo
 */
function footprint({ runtime }) {
	const nodeVersion = runtime.nodeBin.match(/node-([\d.]+)/)?.[1] ?? '';
	const installed = runtime.installed.length
		? runtime.installed.map((what) => `installed now: ${what}`)
		: ['(Node.js and n8n were already installed)'];
	const inCache = (/** @type {string} */ dir) => dir.startsWith(`${runtime.cache}${path.sep}`);
	const remove = [runtime.cache, ...[DEMO_DIR, npmCacheDir()].filter((dir) => !inCache(dir))];
	return [
		`Node.js ${nodeVersion} and n8n ${runtime.version} live in ${runtime.cache}, outside the repository:`,
		...installed.map((line) => `  ${line}`),
		`  npm's download cache of these installs and of npm ci: ${npmCacheDir()}`,
		`  demo data (n8n database, packed package): ${DEMO_DIR}`,
		`  remove it all with: rm -rf ${remove.join(' ')}`,
		"  that leaves: node_modules in this clone (npm ci; goes with the clone) and npm's own log",
		'  of each npm command in ~/.npm/_logs (a few small files, npm keeps the last 10).',
	];
}

async function main() {
	const demo = await startDemo({
		dir: DEMO_DIR,
		n8nPort: Number(process.env.N8N_PORT || 5678),
		emulatorPort: Number(process.env.EMULATOR_PORT || 4010),
		brokerPort: Number(process.env.N8N_BROKER_PORT || 5679),
		log,
	});
	let stopping = false;
	const stop = async () => {
		if (stopping) return;
		stopping = true;
		log('stopping n8n and the emulator');
		await demo.stop();
		process.exit(0);
	};
	process.off('SIGINT', exitNow).on('SIGINT', stop);
	process.off('SIGTERM', exitNow).on('SIGTERM', stop);
	const seconds = Math.round(progress.sinceStart() / 1000);
	progress.stop();
	process.stdout.write(
		[
			'',
			`ready after ${seconds} s`,
			`  (${duration(seconds * 1000)} since npm start began, its installs included)`,
			'',
			'First run:',
			`  1. open ${demo.n8n.url}`,
			`  2. sign in as ${demo.owner.email} / ${demo.owner.password}`,
			'  3. open the workflow "UseePay: sync CRM customers"',
			'  4. click "Execute workflow": three CRM rows become customers in the emulator',
			'',
			`UseePay emulator dashboard: ${demo.emulatorUrl}/`,
			'  customers, payments, refunds, subscriptions, webhook deliveries; confirm, capture, refund',
			'  a payment or send an event from there.',
			`  Credential values: Merchant Number ${demo.merchant.merchantNo}, API Key ${demo.merchant.apiKey},`,
			`  App ID ${demo.merchant.appId}, Base URL ${demo.emulatorUrl}`,
			'  "UseePay: log payment events" is published: confirm a payment on the dashboard and it runs',
			`  (its executions: ${demo.n8n.url}/home/executions).`,
			'',
			...footprint(demo),
			'',
			'Ctrl-C stops everything.',
			'',
		].join('\n'),
	);
}

main().catch((error) => {
	process.stderr.write(`${error && error.stack}\n`);
	process.exit(1);
});
