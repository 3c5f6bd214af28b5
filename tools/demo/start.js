'use strict';
/**
 * `npm start`: the demo in the foreground until Ctrl-C. Every line says how long the start has
 * taken so far (a new machine first installs Node.js and n8n: minutes), and the ready screen says
 * what to do first and what was installed where.
 */
const path = require('node:path');

const { cacheRoot } = require('../lib/runtime');
const { startDemo } = require('./demo');

const DEMO_DIR = process.env.USEEPAY_DEMO_DIR || path.join(cacheRoot(), 'demo');
const started = Date.now();
/** @param {string} line */
const log = (line) => process.stdout.write(`[useepay-demo ${Math.round((Date.now() - started) / 1000)}s] ${line}\n`);

// Ctrl-C before the demo is up: exit, and tools/lib/n8n.js stops an n8n already started.
const exitNow = () => process.exit(130);
process.on('SIGINT', exitNow);
process.on('SIGTERM', exitNow);

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
	const installed = demo.runtime.installed.length
		? demo.runtime.installed.map((what) => `installed now: ${what}`)
		: ['(already installed)'];
	process.stdout.write(
		[
			'',
			`ready after ${Math.round((Date.now() - started) / 1000)} s`,
			'',
			'First run:',
			`  1. open ${demo.n8n.url}`,
			`  2. sign in as ${demo.owner.email} / ${demo.owner.password}`,
			'  3. open the workflow "UseePay: sync CRM customers"',
			'  4. click "Execute workflow": three CRM rows become customers in the emulator',
			'',
			`  UseePay emulator: ${demo.emulatorUrl}   (merchant ${demo.merchant.merchantNo}, API key ${demo.merchant.apiKey})`,
			'  "UseePay: log payment events" is published: confirm a payment intent in the emulator to fire it.',
			'',
			`Node.js ${demo.runtime.nodeBin.match(/node-([\d.]+)/)?.[1] ?? ''} and n8n ${demo.runtime.version} live in ${demo.runtime.cache}, outside the repository:`,
			...installed.map((line) => `  ${line}`),
			`  demo data (n8n database, packed package): ${DEMO_DIR}`,
			`  remove it all with: rm -rf ${demo.runtime.cache}${DEMO_DIR.startsWith(demo.runtime.cache) ? '' : ` ${DEMO_DIR}`}`,
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
