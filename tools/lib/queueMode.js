'use strict';
/**
 * n8n scaled out the way production installs run it (the queue test and the trigger bench):
 * with Redis (Bull queue) and PostgreSQL from services.js, three n8n processes with our package
 * each loaded from its own user folder:
 *   main (`n8n start`): editor/REST, activates triggers (registers their endpoints)
 *   webhook processor (`n8n webhook`): production webhooks; WEBHOOK_URL points here
 *   worker (`n8n worker`, health on its own port): runs every execution taken from the queue
 */
const path = require('node:path');

const { N8nInstance } = require('./n8n');
const { httpStatus } = require('./http');
const { port, assertPortsFree: assertFree } = require('./ports');
const { startLogged, REDIS_PORT, POSTGRES_PORT } = require('./services');

const PORTS = {
	redis: REDIS_PORT,
	postgres: POSTGRES_PORT,
	// Not 6000: fetch() refuses it (X11 is on the Fetch standard's list of "bad ports").
	main: port(6005),
	mainBroker: port(6006),
	webhook: port(6010),
	webhookBroker: port(6011),
	workerHealth: port(6020),
	workerBroker: port(6021),
};

/** Throws, naming the port and its holder, when another program holds one of the ports. */
async function assertPortsFree() {
	await assertFree(
		Object.entries(PORTS).map(([name, portNumber]) => ({ port: portNumber, what: `queue mode ${name}` })),
	);
}

/**
 * The environment of every queue-mode process.
 * @param {Record<string, string>} servicesEnv Redis and PostgreSQL (services.js startServices)
 */
function queueEnv(servicesEnv) {
	return {
		EXECUTIONS_MODE: 'queue',
		...servicesEnv,
		// Production webhook URLs, and so the URL the trigger registers with UseePay, are the
		// webhook processor's.
		WEBHOOK_URL: `http://127.0.0.1:${PORTS.webhook}/`,
		// Manual runs from the editor/REST go to the queue too (n8n's default keeps them on main).
		OFFLOAD_MANUAL_EXECUTIONS_TO_WORKERS: 'true',
		N8N_LOG_LEVEL: 'info',
	};
}

/**
 * The three n8n instances, our package installed in each one's user folder.
 * @param {{runtime: any, tarball: string, workDir: string, env: Record<string, string>}} options
 */
function queueInstances({ runtime, tarball, workDir, env }) {
	/** @param {string} name @param {number} httpPort @param {number} brokerPort @param {Record<string, string>} [extra] */
	const instance = (name, httpPort, brokerPort, extra = {}) => {
		const n8n = new N8nInstance({
			runtime,
			dir: path.join(workDir, name),
			port: httpPort,
			brokerPort,
			env: { ...env, ...extra },
		});
		n8n.installPackage(tarball);
		return n8n;
	};
	return {
		main: instance('main', PORTS.main, PORTS.mainBroker),
		webhook: instance('webhook', PORTS.webhook, PORTS.webhookBroker),
		worker: instance('worker', PORTS.workerHealth, PORTS.workerBroker, {
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(PORTS.workerHealth),
		}),
	};
}

/**
 * Starts `n8n <command>` as a process-group leader; resolves when readinessUrl answers 200.
 * @param {N8nInstance} instance
 * @param {string} command
 * @param {string} readinessUrl
 */
function startN8n(instance, command, readinessUrl) {
	return startLogged({
		name: `n8n ${command}`,
		command: path.join(instance.runtime.n8nHome, 'node_modules', '.bin', 'n8n'),
		args: [command],
		logFile: path.join(instance.dir, `${command}.log`),
		ready: async () => (await httpStatus(readinessUrl)) === 200,
		timeoutMs: 150000,
		group: true,
		spawnOptions: { env: instance.env() },
	});
}

/**
 * Main, webhook processor and worker started together; resolves their tracked processes once
 * each answers its readiness check.
 * @param {ReturnType<typeof queueInstances>} instances
 */
async function startQueueProcesses({ main, webhook, worker }) {
	// Redis and PostgreSQL run by now (services.js checked theirs); the n8n processes' ports must be free.
	const n8nPorts = Object.entries(PORTS).filter(([name]) => name !== 'redis' && name !== 'postgres');
	await assertFree(n8nPorts.map(([name, portNumber]) => ({ port: portNumber, what: `queue mode ${name}` })));
	const [mainProc, webhookProc, workerProc] = await Promise.all([
		startN8n(main, 'start', `${main.url}/healthz/readiness`),
		startN8n(webhook, 'webhook', `http://127.0.0.1:${PORTS.webhook}/healthz/readiness`),
		startN8n(worker, 'worker', `http://127.0.0.1:${PORTS.workerHealth}/healthz/readiness`),
	]);
	return { mainProc, webhookProc, workerProc };
}

module.exports = { PORTS, assertPortsFree, queueEnv, queueInstances, startQueueProcesses };
