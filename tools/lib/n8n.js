'use strict';
/**
 * Drives a real n8n (installed and verified outside the repo by runtime.js) for the end-to-end
 * tests, the demo (`npm start`) and the benchmarks: a private user folder with our packed
 * package in .n8n/nodes/node_modules, the CLI commands (import, execute, activate) and
 * `n8n start` on 127.0.0.1. What differs between n8n lines comes from n8nLines.js.
 */
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { n8nLine } = require('./n8nLines');
const { cleanEnv, ensureRuntime, runCaptured, sleep } = require('./runtime');
const { httpStatus } = require('./http');
const { REPO_ROOT } = require('./fixtures');
const { assertPortsFree } = require('./ports');

/** The flags of n8n's `npm install` for a community package (NPM_COMMON_ARGS + NPM_INSTALL_ARGS). */
const COMMUNITY_NODES_NPM_ARGS = [
	'--audit=false',
	'--fund=false',
	'--bin-links=false',
	'--install-strategy=shallow',
	'--ignore-scripts=true',
	'--package-lock=false',
];

let builtByThisProcess = false;

/**
 * Builds the package (once per process) and packs it; returns the tarball path.
 * @param {string} outDir
 * @param {{build?: boolean}} [options] build: false packs the dist/ there is
 */
function packPackage(outDir, { build = true } = {}) {
	if (build && !builtByThisProcess) {
		execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
		builtByThisProcess = true;
	}
	fs.mkdirSync(outDir, { recursive: true });
	const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', outDir], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
	})
		.trim()
		.split('\n')
		.pop();
	return path.join(outDir, String(name));
}

class N8nInstance {
	/**
	 * @param {{runtime: {version: string, nodeBin: string, n8nHome: string}, dir: string, port?: number, brokerPort?: number, env?: Record<string,string>}} options
	 */
	constructor({ runtime, dir, port = 5678, brokerPort = 5679, env = {} }) {
		this.runtime = runtime;
		this.dir = dir;
		this.port = port;
		this.brokerPort = brokerPort;
		this.extraEnv = env;
		/** @type {import('node:child_process').ChildProcess | null} the `n8n start` process */
		this.server = null;
		this.stopped = false;
		fs.mkdirSync(path.join(dir, 'user'), { recursive: true });
	}

	get url() {
		return `http://127.0.0.1:${this.port}`;
	}

	/** The ports `n8n start` listens on, for ports.js assertPortsFree. */
	ports() {
		const name = `n8n ${this.runtime.version} in ${path.basename(this.dir)}`;
		return [
			{ port: this.port, what: name },
			{ port: this.brokerPort, what: `the task broker of ${name}` },
		];
	}

	/** Everything n8n reads: loopback only, no calls home, a fixed encryption key. */
	env(overrides = {}) {
		return {
			...process.env,
			PATH: `${this.runtime.nodeBin}:${process.env.PATH}`,
			N8N_USER_FOLDER: path.join(this.dir, 'user'),
			N8N_ENCRYPTION_KEY: 'useepay-local-only-not-secret',
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_VERIFIED_PACKAGES_ENABLED: 'false',
			N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_HIRING_BANNER_ENABLED: 'false',
			DB_TYPE: 'sqlite',
			N8N_PORT: String(this.port),
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			WEBHOOK_URL: `http://127.0.0.1:${this.port}/`,
			N8N_SECURE_COOKIE: 'false',
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_LOG_LEVEL: 'warn',
			...n8nLine(this.runtime.version).env,
			...this.extraEnv,
			...overrides,
		};
	}

	/** n8n's community-packages folder; n8n loads every package in its node_modules at boot. */
	get nodesDir() {
		return path.join(this.dir, 'user', '.n8n', 'nodes');
	}

	/**
	 * Installs our tarball the way Settings → Community Nodes does (n8n's
	 * CommunityPackagesService.downloadPackage, the same in 1.123 and 2.41): unpack it into
	 * nodes/node_modules/<name>, drop dev, peer and optional dependencies from its package.json,
	 * `npm install` there with n8n's flags, record it in nodes/package.json. Only n8n's first step,
	 * `npm pack <name>@<version>` from the registry, is left out: the tarball is ours. The registry
	 * is a dead loopback port, so an install that needed anything from npm fails here.
	 */
	installPackage(/** @type {string} */ tarball) {
		const manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
		const target = path.join(this.nodesDir, 'node_modules', manifest.name);
		fs.rmSync(target, { recursive: true, force: true });
		fs.mkdirSync(target, { recursive: true });
		execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
		const { devDependencies, peerDependencies, optionalDependencies, ...installed } = manifest;
		fs.writeFileSync(path.join(target, 'package.json'), JSON.stringify(installed, null, 2));
		execFileSync('npm', ['install', ...COMMUNITY_NODES_NPM_ARGS, '--registry=http://127.0.0.1:9/'], {
			cwd: target,
			env: cleanEnv(this.runtime.nodeBin),
			stdio: ['ignore', 'ignore', 'pipe'],
		});
		const nodesPackage = path.join(this.nodesDir, 'package.json');
		const nodes = fs.existsSync(nodesPackage)
			? JSON.parse(fs.readFileSync(nodesPackage, 'utf8'))
			: { name: 'installed-nodes', private: true, dependencies: {} };
		nodes.dependencies = { ...nodes.dependencies, [manifest.name]: manifest.version };
		fs.writeFileSync(nodesPackage, JSON.stringify(nodes, null, 2));
		return target;
	}

	/**
	 * Runs an n8n CLI command; resolves {code, signal, stdout, stderr}.
	 * @param {string[]} args
	 * @param {{env?: Record<string, string>}} [options] on top of this instance's environment
	 */
	cli(args, { env = {} } = {}) {
		return runCaptured(path.join(this.runtime.n8nHome, 'node_modules', '.bin', 'n8n'), args, { env: this.env(env) });
	}

	/**
	 * An n8n CLI command that must succeed: throws with its output otherwise.
	 * @param {string[]} args
	 * @param {{env?: Record<string, string>}} [options]
	 */
	async mustCli(args, options) {
		const result = await this.cli(args, options);
		if (result.code !== 0) {
			const ended = result.signal ? `was killed by ${result.signal}` : `exited with ${result.code}`;
			throw new Error(`n8n ${args.join(' ')} ${ended}\n${result.stdout}\n${result.stderr}`);
		}
		return result;
	}

	/** A JSON file in this instance's folder; returns its path. @param {string} name @param {unknown} data */
	writeJson(name, data) {
		const file = path.join(this.dir, name);
		fs.writeFileSync(file, JSON.stringify(data, null, 2));
		return file;
	}

	/** @param {object[]} credentials as `n8n import:credentials` takes them */
	async importCredentials(credentials) {
		await this.mustCli(['import:credentials', `--input=${this.writeJson('credentials.json', credentials)}`]);
	}

	/** Marks a workflow active before `n8n start` (2.x: publish; 1.x: update --active). */
	async activateWorkflow(/** @type {string} */ id) {
		await this.mustCli(n8nLine(this.runtime.version).activateArgs(id));
	}

	/** @param {{id: string}} workflow */
	async importWorkflow(workflow) {
		await this.mustCli(['import:workflow', `--input=${this.writeJson(`workflow-${workflow.id}.json`, workflow)}`]);
	}

	/**
	 * `n8n execute --id`. Resolves the process's result plus `output`, the run's JSON (printed
	 * after the log lines on success), and `status`: 'success', 'error' (the workflow failed), or
	 * 'crashed (…)' when n8n died by a signal. Lines whose `execute` dies while exiting after it
	 * reported the run (n8nLines.js `executeMayCrashOnExit`) are judged by that report.
	 */
	async execute(/** @type {string} */ id) {
		// A server may hold the default broker port; a one-off execute gets its own.
		const brokerPort = this.brokerPort + 11;
		await assertPortsFree([{ port: brokerPort, what: `the task broker of n8n execute --id=${id}` }]);
		const result = await this.cli(['execute', `--id=${id}`, '--rawOutput'], {
			env: { N8N_LOG_LEVEL: 'info', N8N_RUNNERS_BROKER_PORT: String(brokerPort) },
		});
		// Log lines may also follow the JSON: parse from the first `{` line to the last `}` line.
		const start = result.stdout.search(/^\{$/m);
		const end = result.stdout.lastIndexOf('\n}');
		let output;
		if (start >= 0 && end > start) {
			try {
				output = JSON.parse(result.stdout.slice(start, end + 2));
			} catch {
				output = undefined;
			}
		}
		const reported =
			output?.status ??
			(/Error executing workflow/.test(result.stdout + result.stderr) ? 'error' : result.code === 0 ? 'success' : null);
		const crashed =
			result.signal && !(reported && n8nLine(this.runtime.version).executeMayCrashOnExit)
				? `crashed (${result.signal})`
				: null;
		return { ...result, output, status: crashed ?? reported ?? `exited with ${result.code}` };
	}

	/**
	 * `n8n start` in the background, as the leader of its own process group (its task runner is
	 * in it too); resolves when every ready path of its line (n8nLines.js) answers 200. An n8n
	 * that exits or is killed meanwhile is reported at once, as a crash with its exit code or
	 * signal, not as a timeout.
	 * @param {{timeoutMs?: number, logFile?: string}} [options]
	 */
	async start({ timeoutMs = 300000, logFile } = {}) {
		// Another n8n on the port would answer the readiness probe for this one: fail at once.
		await assertPortsFree(this.ports());
		const logPath = logFile || path.join(this.dir, 'n8n.log');
		const log = fs.openSync(logPath, 'a');
		this.server = spawn(path.join(this.runtime.n8nHome, 'node_modules', '.bin', 'n8n'), ['start'], {
			env: this.env(),
			stdio: ['ignore', log, log],
			detached: true,
		});
		fs.closeSync(log);
		this.stopped = false;
		running.add(this);
		const server = this.server;
		server.once('exit', () => running.delete(this));
		const deadline = Date.now() + timeoutMs;
		const pending = [...n8nLine(this.runtime.version).readyPaths];
		while (pending.length) {
			const ended = exitDescription(server);
			if (ended) throw new Error(`n8n ${this.runtime.version} crashed while starting: it ${ended}; see ${logPath}`);
			if (Date.now() > deadline) {
				await this.stop();
				throw new Error(
					`n8n ${this.runtime.version} was not ready within ${timeoutMs} ms (waiting for ${pending[0]}); see ${logPath}`,
				);
			}
			if ((await httpStatus(`${this.url}${pending[0]}`)) === 200) pending.shift();
			else await sleep(250);
		}
	}

	/** Why the server is not running any more ("exited with code 1", "was killed by SIGKILL"), or null. */
	/** @returns {string|null} */
	crashed() {
		return this.server ? exitDescription(this.server) : null;
	}

	/** SIGTERM to n8n's process group, SIGKILL after 15 s; a crashed n8n's group is killed at once. */
	async stop() {
		const server = this.server;
		if (!server || this.stopped) return;
		this.stopped = true;
		if (exitDescription(server)) {
			signalGroup(server, 'SIGKILL'); // it crashed: its task runner may have outlived it
			return;
		}
		const exited = new Promise((resolve) => server.once('exit', resolve));
		signalGroup(server, 'SIGTERM');
		await Promise.race([exited, sleep(15000)]);
		if (!exitDescription(server)) {
			signalGroup(server, 'SIGKILL');
			await Promise.race([exited, sleep(2000)]);
		}
	}
}

/** @type {Set<N8nInstance>} servers still running: killed when this process exits, whatever path it takes */
const running = new Set();
process.on('exit', () => {
	for (const instance of running) if (instance.server) signalGroup(instance.server, 'SIGKILL');
});

/**
 * For test runners: Ctrl-C or a SIGTERM ends the run through process.exit, so the exit hook
 * above stops the n8n servers still running (a signal's default action would skip it).
 */
function exitOnSignal() {
	process.on('SIGINT', () => process.exit(130));
	process.on('SIGTERM', () => process.exit(143));
}

/** @param {import('node:child_process').ChildProcess} child @param {NodeJS.Signals} signal */
function signalGroup(child, signal) {
	try {
		process.kill(-Number(child.pid), signal);
	} catch {
		// already gone
	}
}

/**
 * How a child process ended, or null while it runs. A signal means something killed it (the
 * kernel's out-of-memory killer, a crash, a user): a crash, reported with the signal's name.
 * @param {import('node:child_process').ChildProcess} child
 */
function exitDescription(child) {
	if (child.signalCode) return `was killed by ${child.signalCode}`;
	if (child.exitCode !== null) return `exited with code ${child.exitCode}`;
	return null;
}

module.exports = { REPO_ROOT, ensureRuntime, packPackage, N8nInstance, exitDescription, exitOnSignal, sleep };
