'use strict';
/** `npm start`: the demo in the foreground until Ctrl-C. */
const os = require('node:os');
const path = require('node:path');

const { startDemo } = require('./demo');

const DEMO_DIR = process.env.USEEPAY_DEMO_DIR || path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'n8n-nodes-useepay', 'demo');
const log = (line) => process.stdout.write(`[useepay-demo] ${line}\n`);

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
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
	process.stdout.write(
		[
			'',
			'ready',
			`  n8n:              ${demo.n8n.url}   (login: ${demo.owner.email} / ${demo.owner.password})`,
			`  UseePay emulator: ${demo.emulatorUrl}   (merchant ${demo.merchant.merchantNo}, API key ${demo.merchant.apiKey})`,
			'  Workflows:        "UseePay: sync CRM customers" (run it from the editor),',
			'                    "UseePay: log payment events" (published: confirm a payment intent in the emulator to fire it)',
			'  Ctrl-C stops everything.',
			'',
		].join('\n'),
	);
}

main().catch((error) => {
	process.stderr.write(`${error && error.stack}\n`);
	process.exit(1);
});
