'use strict';
/**
 * The demo: the UseePay emulator and a real n8n with our package, a UseePay credential that
 * points at the emulator, and the example workflows imported (the events workflow published,
 * so the trigger registers itself with the emulator on start). Used by `npm start`, the
 * end-to-end tests and the editor test.
 */
const path = require('node:path');

const { ensureRuntime, packPackage, N8nInstance } = require('../lib/n8n');
const { MERCHANT, OWNER, useePayCredential, exampleWorkflows } = require('../lib/fixtures');
const { jsonRequest } = require('../lib/http');
const { ownerSession } = require('../lib/n8nRest');
const { startEmulator, registeredEndpoints } = require('../lib/emulator');
const { assertPortsFree } = require('../lib/ports');

/** The nodes that start a workflow on an event (not by hand). @param {any} workflow */
const eventTriggers = (workflow) =>
	workflow.nodes.filter((/** @type {any} */ node) => node.type.endsWith('Trigger') && !node.type.includes('manual'));
/** A workflow started by an event: published before n8n starts. @param {any} workflow */
const hasEventTrigger = (workflow) => eventTriggers(workflow).length > 0;

/**
 * The ports the demo listens on (0: any free port).
 * @param {{n8nPort: number, emulatorPort: number, brokerPort: number}} ports
 */
const demoPorts = ({ n8nPort, emulatorPort, brokerPort }) => [
	{ port: n8nPort, what: 'n8n of the demo' },
	{ port: brokerPort, what: "the task broker of the demo's n8n" },
	{ port: emulatorPort, what: 'the UseePay emulator of the demo' },
];

/**
 * @param {{dir: string, version?: string, n8nPort?: number, emulatorPort?: number, brokerPort?: number, emulatorOptions?: import('../../emulator/server').EmulatorOptions, log?: (line: string) => void}} options
 *   version: the n8n version (default: `N8N_VERSION`, else n8nLines.js's default)
 */
async function startDemo({
	dir,
	version,
	n8nPort = 5678,
	emulatorPort = 4010,
	brokerPort = 5679,
	emulatorOptions = {},
	log = () => {},
}) {
	// Before minutes of installing: a port another program holds fails the start now.
	await assertPortsFree(demoPorts({ n8nPort, emulatorPort, brokerPort }));
	log('checking Node.js and n8n (about 10 s; a new machine installs them first: about 6-10 min and 3 GB)');
	const runtime = await ensureRuntime({ version, log });
	log(`n8n ${runtime.version} ready; building and packing n8n-nodes-useepay (about 30-60 s)`);
	const tarball = packPackage(path.join(dir, 'pack'));

	// The demo merchant is configured (not just accepted), so the dashboard shows its exact values.
	const { emulator, url: emulatorUrl } = await startEmulator(
		{ merchants: [MERCHANT], ...emulatorOptions },
		emulatorPort,
	);
	log(`UseePay emulator on ${emulatorUrl} (its dashboard: ${emulatorUrl}/)`);
	const n8n = new N8nInstance({ runtime, dir: path.join(dir, 'n8n'), port: n8nPort, brokerPort });
	const stop = async () => {
		await n8n.stop();
		await emulator.close();
	};

	// Whatever fails from here (an import, n8n's start, the login) stops what was started.
	try {
		const credential = useePayCredential({ baseUrl: emulatorUrl, publicKeyPem: emulator.publicKeyPem });
		log('installing the package into n8n as Settings → Community Nodes does (about 5 s)');
		n8n.installPackage(tarball);
		const workflows = exampleWorkflows();
		log(`importing the credential and ${workflows.length} example workflows with n8n's CLI (about 20-40 s)`);
		await n8n.importCredentials([credential]);
		for (const workflow of workflows) await n8n.importWorkflow(workflow);
		for (const workflow of workflows.filter(hasEventTrigger)) await n8n.activateWorkflow(workflow.id);
		log(`starting n8n ${runtime.version} (about 10-20 s)`);
		await n8n.start();
		log('signing in and waiting for the published trigger to register its webhook with the emulator (a few s)');
		const session = await ownerSession(n8n.url);
		// Ready means a payment in the emulator reaches the published trigger (see registeredEndpoints).
		const triggerUrls = workflows
			.flatMap(eventTriggers)
			.map((/** @type {any} */ node) => `${n8n.url}/webhook/${node.webhookId}/webhook`);
		await registeredEndpoints(emulatorUrl, MERCHANT, triggerUrls);
		return {
			runtime,
			n8n,
			emulator,
			emulatorUrl,
			merchant: MERCHANT,
			owner: OWNER,
			session,
			credential,
			workflows,
			jsonRequest,
			stop,
		};
	} catch (error) {
		await stop().catch(() => {});
		throw error;
	}
}

module.exports = { startDemo, demoPorts };
