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
const http = require('node:http');

const { n8nLine } = require('./n8nLines');
const { ensureRuntime } = require('./runtime');

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/** Builds and packs the package; returns the tarball path. */
function packPackage(outDir, { build = true } = {}) {
	if (build)
		execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
	fs.mkdirSync(outDir, { recursive: true });
	const name = execFileSync('npm', ['pack', '--silent', '--pack-destination', outDir], {
		cwd: REPO_ROOT,
		encoding: 'utf8',
	})
		.trim()
		.split('\n')
		.pop();
	return path.join(outDir, name);
}

function httpGet(url) {
	return new Promise((resolve) => {
		const req = http.get(url, (res) => {
			res.resume();
			res.on('end', () => resolve(res.statusCode));
		});
		req.on('error', () => resolve(0));
		req.setTimeout(2000, () => req.destroy());
	});
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

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
		this.server = null;
		fs.mkdirSync(path.join(dir, 'user'), { recursive: true });
	}

	get url() {
		return `http://127.0.0.1:${this.port}`;
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

	/** Unpacks our tarball where n8n 2.x loads community packages at every boot. */
	installPackage(tarball) {
		const target = path.join(this.dir, 'user', '.n8n', 'nodes', 'node_modules', 'n8n-nodes-useepay');
		fs.rmSync(target, { recursive: true, force: true });
		fs.mkdirSync(target, { recursive: true });
		execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
	}

	/** Runs an n8n CLI command; resolves {code, stdout, stderr}. */
	cli(args, { env = {} } = {}) {
		return new Promise((resolve) => {
			const child = spawn(path.join(this.runtime.n8nHome, 'node_modules', '.bin', 'n8n'), args, {
				env: this.env(env),
				stdio: ['ignore', 'pipe', 'pipe'],
			});
			let stdout = '';
			let stderr = '';
			child.stdout.on('data', (chunk) => (stdout += chunk));
			child.stderr.on('data', (chunk) => (stderr += chunk));
			child.on('close', (code) => resolve({ code, stdout, stderr }));
		});
	}

	async mustCli(args, options) {
		const result = await this.cli(args, options);
		if (result.code !== 0) {
			throw new Error(`n8n ${args.join(' ')} exited ${result.code}\n${result.stdout}\n${result.stderr}`);
		}
		return result;
	}

	writeJson(name, data) {
		const file = path.join(this.dir, name);
		fs.writeFileSync(file, JSON.stringify(data, null, 2));
		return file;
	}

	async importCredentials(credentials) {
		await this.mustCli(['import:credentials', `--input=${this.writeJson('credentials.json', credentials)}`]);
	}

	/** Marks a workflow active before `n8n start` (2.x: publish; 1.x: update --active). */
	async activateWorkflow(id) {
		await this.mustCli(n8nLine(this.runtime.version).activateArgs(id));
	}

	async importWorkflow(workflow) {
		await this.mustCli(['import:workflow', `--input=${this.writeJson(`workflow-${workflow.id}.json`, workflow)}`]);
	}

	/**
	 * `n8n execute --id`: exit 0 on success, 1 on a workflow error. The run's JSON is printed at
	 * info level after the log lines; it is parsed from the first line that is exactly `{`.
	 */
	async execute(id) {
		// A server may hold the default broker port; a one-off execute gets its own.
		const result = await this.cli(['execute', `--id=${id}`, '--rawOutput'], {
			env: { N8N_LOG_LEVEL: 'info', N8N_RUNNERS_BROKER_PORT: String(this.brokerPort + 11) },
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
		return { ...result, output };
	}

	/** `n8n start` in the background; resolves when /healthz/readiness answers 200. */
	async start({ timeoutMs = 120000, logFile } = {}) {
		const log = fs.openSync(logFile || path.join(this.dir, 'n8n.log'), 'a');
		this.server = spawn(path.join(this.runtime.n8nHome, 'node_modules', '.bin', 'n8n'), ['start'], {
			env: this.env(),
			stdio: ['ignore', log, log],
		});
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.server.exitCode !== null)
				throw new Error(`n8n start exited with ${this.server.exitCode}; see ${this.dir}/n8n.log`);
			if ((await httpGet(`${this.url}/healthz/readiness`)) === 200) return;
			await sleep(250);
		}
		throw new Error(`n8n did not become ready within ${timeoutMs} ms`);
	}

	async stop() {
		if (!this.server || this.server.exitCode !== null) return;
		const exited = new Promise((resolve) => this.server.once('exit', resolve));
		this.server.kill('SIGTERM');
		await Promise.race([exited, sleep(15000)]);
		if (this.server.exitCode === null) this.server.kill('SIGKILL');
	}
}

module.exports = { REPO_ROOT, ensureRuntime, packPackage, N8nInstance, sleep };
