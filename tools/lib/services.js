'use strict';
/**
 * Redis and PostgreSQL for queue mode (the queue test and the trigger bench), from Debian:
 * installed with apt-get when missing (root only), run from a folder the caller owns on
 * loopback ports, PostgreSQL as a non-root user. Every process started here (and the n8n
 * processes of queueMode.js) is tracked and stopped on any exit of this process.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { spawn, spawnSync } = require('node:child_process');

const { exitDescription } = require('./n8n');
const { sleep } = require('./runtime');
const { port, assertPortsFree } = require('./ports');
const { aptInstall } = require('./system');

const REDIS_PORT = Number(process.env.QUEUE_REDIS_PORT) || port(6390);
const POSTGRES_PORT = Number(process.env.QUEUE_POSTGRES_PORT) || port(5440);
const REDIS_PASSWORD = 'queue-test-redis-local-only';
const PG_USER = 'n8n';
const PG_PASSWORD = 'queue-test-pg-local-only';
const PG_DATABASE = 'n8n';

/** @param {string} line */
const log = (line) => process.stderr.write(`[queue] ${line}\n`);

// ---------------------------------------------------------------------------------------------
// Child processes: every one is registered so it is stopped on any exit.

/**
 * @typedef {object} TrackedProcess
 * @property {import('node:child_process').ChildProcess} child
 * @property {string} name
 * @property {boolean} group signal its whole process group (it leads one)
 * @property {NodeJS.Signals} stopSignal
 * @property {string} [logFile]
 */

/** @type {TrackedProcess[]} */
const children = [];

/**
 * @param {import('node:child_process').ChildProcess} child
 * @param {string} name
 * @param {{group?: boolean, stopSignal?: NodeJS.Signals}} [options]
 */
function track(child, name, { group = false, stopSignal = 'SIGTERM' } = {}) {
	/** @type {TrackedProcess} */
	const entry = { child, name, group, stopSignal };
	children.push(entry);
	return entry;
}

/** @param {TrackedProcess} entry @param {NodeJS.Signals} sig */
function signal(entry, sig) {
	const { child, group } = entry;
	if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
	try {
		// n8n processes are group leaders (detached): their task-runner children go with them.
		process.kill(group ? -child.pid : child.pid, sig);
	} catch {
		// already gone
	}
}

/** @param {TrackedProcess} entry @param {number} [timeoutMs] */
async function stopEntry(entry, timeoutMs = 15000) {
	const { child } = entry;
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	signal(entry, entry.stopSignal);
	await Promise.race([exited, sleep(timeoutMs)]);
	if (child.exitCode === null && child.signalCode === null) {
		signal(entry, 'SIGKILL');
		await Promise.race([exited, sleep(2000)]);
	}
}

/** n8n first (they hold DB and Redis connections), then Redis and PostgreSQL. */
async function stopAll() {
	const n8n = children.filter((e) => e.name.startsWith('n8n'));
	await Promise.all(n8n.map((e) => stopEntry(e)));
	for (const entry of children.filter((e) => !e.name.startsWith('n8n')).reverse()) await stopEntry(entry);
}

process.on('exit', () => {
	for (const entry of children) signal(entry, 'SIGKILL');
});
for (const sig of ['SIGINT', 'SIGTERM']) {
	process.on(sig, () => {
		log(`${sig}: stopping everything`);
		stopAll().finally(() => process.exit(130));
	});
}

/**
 * A process started with its output in `logFile` (detached: it leads its own process group),
 * tracked, and ready once `ready` matches that log or, as a function, resolves true.
 * @param {{name: string, command: string, args: string[], logFile: string, ready: RegExp | (() => Promise<boolean>), timeoutMs?: number, group?: boolean, stopSignal?: NodeJS.Signals, spawnOptions?: import('node:child_process').SpawnOptions}} options
 */
async function startLogged({
	name,
	command,
	args,
	logFile,
	ready,
	timeoutMs = 60000,
	group,
	stopSignal,
	spawnOptions = {},
}) {
	const fd = fs.openSync(logFile, 'a');
	const child = spawn(command, args, { ...spawnOptions, stdio: ['ignore', fd, fd], detached: true });
	fs.closeSync(fd);
	const entry = track(child, name, { group, stopSignal });
	entry.logFile = logFile;
	const isReady =
		ready instanceof RegExp
			? async () => fs.existsSync(logFile) && ready.test(fs.readFileSync(logFile, 'utf8'))
			: ready;
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await isReady()) return entry;
		const ended = exitDescription(child);
		if (ended) throw new Error(`${name} crashed while starting: it ${ended}; see ${logFile}`);
		await sleep(200);
	}
	throw new Error(`${name} not ready within ${timeoutMs} ms; see ${logFile}`);
}

/** @param {TrackedProcess} entry */
const readLog = (entry) => fs.readFileSync(String(entry.logFile), 'utf8');

// ---------------------------------------------------------------------------------------------
// System packages: redis-server and PostgreSQL from Debian

/** @param {string} name */
function commandPath(name) {
	const found = spawnSync('bash', ['-c', `command -v ${name}`], { encoding: 'utf8' });
	return found.status === 0 ? found.stdout.trim() : null;
}

/** @param {string} file @param {string[]} [args] */
function runs(file, args = ['--version']) {
	try {
		return spawnSync(file, args, { stdio: 'ignore', timeout: 10000 }).status === 0;
	} catch {
		return false;
	}
}

/** The directory holding postgres + initdb: from PATH (symlinks resolved), else Debian's layout. */
function findPostgresBin() {
	const candidates = [];
	for (const name of ['postgres', 'initdb', 'pg_ctl']) {
		const onPath = commandPath(name);
		if (onPath) candidates.push(path.dirname(fs.realpathSync(onPath)));
	}
	const debian = '/usr/lib/postgresql';
	if (fs.existsSync(debian)) {
		for (const version of fs.readdirSync(debian).sort((a, b) => Number(b) - Number(a)))
			candidates.push(path.join(debian, version, 'bin'));
	}
	return candidates.find((dir) => runs(path.join(dir, 'postgres')) && runs(path.join(dir, 'initdb'))) || null;
}

function findRedis() {
	const onPath = commandPath('redis-server');
	return onPath && runs(onPath) ? onPath : null;
}

function ensureSystemPackages() {
	const missing = [];
	if (!findRedis()) missing.push('redis-server');
	if (!findPostgresBin()) missing.push('postgresql');
	if (missing.length) aptInstall(missing, log);
	const redis = findRedis();
	const pgBin = findPostgresBin();
	if (!redis) throw new Error('redis-server not usable after install');
	if (!pgBin) throw new Error('postgres/initdb not usable after install');
	return { redis, pgBin };
}

/**
 * PostgreSQL refuses to run as root: use the postgres account (Debian's package creates it), else nobody.
 * @returns {{name?: string, uid?: number, gid?: number}}
 */
function postgresAccount() {
	if (process.getuid?.() !== 0) return {};
	for (const name of ['postgres', 'nobody']) {
		const uid = spawnSync('id', ['-u', name], { encoding: 'utf8' });
		const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
		if (uid.status === 0 && gid.status === 0) return { name, uid: Number(uid.stdout), gid: Number(gid.stdout) };
	}
	throw new Error('no non-root account (postgres or nobody) to run PostgreSQL as');
}

// ---------------------------------------------------------------------------------------------
// The servers

/** @param {string} redisBin @param {string} dir */
async function startRedis(redisBin, dir) {
	const dataDir = path.join(dir, 'redis');
	fs.mkdirSync(dataDir, { recursive: true });
	// prettier-ignore
	const args = ['--port', String(REDIS_PORT), '--bind', '127.0.0.1', '--protected-mode', 'yes', '--requirepass', REDIS_PASSWORD,
		'--save', '', '--appendonly', 'no', '--dir', dataDir, '--daemonize', 'no'];
	return startLogged({
		name: 'redis',
		command: redisBin,
		args,
		logFile: path.join(dir, 'redis.log'),
		ready: /Ready to accept connections/,
	});
}

/**
 * A new database cluster in `dir`/pg owned by PostgreSQL's account, with the n8n user's password.
 * @param {string} pgBin
 * @param {string} root
 * @param {{name?: string, uid?: number, gid?: number}} account
 */
function initDatabase(pgBin, root, account) {
	const asAccount = account.uid === undefined ? {} : { uid: account.uid, gid: account.gid };
	fs.mkdirSync(root, { mode: 0o700 });
	if (account.uid !== undefined) fs.chownSync(root, account.uid, Number(account.gid));
	const pwFile = path.join(root, 'pw');
	fs.writeFileSync(pwFile, `${PG_PASSWORD}\n`, { mode: 0o600 });
	if (account.uid !== undefined) fs.chownSync(pwFile, account.uid, Number(account.gid));
	const dataDir = path.join(root, 'data');
	// prettier-ignore
	const args = ['-D', dataDir, '-U', PG_USER, `--pwfile=${pwFile}`, '-A', 'scram-sha-256', '-E', 'UTF8', '--locale=C', '--no-sync'];
	const init = spawnSync(path.join(pgBin, 'initdb'), args, { ...asAccount, cwd: '/', encoding: 'utf8' });
	fs.rmSync(pwFile, { force: true });
	if (init.status !== 0)
		throw new Error(`initdb failed (as ${account.name || 'self'}): ${init.stdout}\n${init.stderr}`);
	return { dataDir, asAccount };
}

/** The n8n database, when this PostgreSQL has createdb; else its `postgres` database. @param {string} pgBin */
function createDatabase(pgBin) {
	const createdb = path.join(pgBin, 'createdb');
	if (!fs.existsSync(createdb)) return 'postgres';
	const created = spawnSync(createdb, ['-h', '127.0.0.1', '-p', String(POSTGRES_PORT), '-U', PG_USER, PG_DATABASE], {
		env: { ...process.env, PGPASSWORD: PG_PASSWORD },
		encoding: 'utf8',
	});
	if (created.status !== 0) throw new Error(`createdb failed: ${created.stderr}`);
	return PG_DATABASE;
}

/** @param {string} pgBin @param {string} dir */
async function startPostgres(pgBin, dir) {
	const account = postgresAccount();
	const root = path.join(dir, 'pg');
	const { dataDir, asAccount } = initDatabase(pgBin, root, account);
	// prettier-ignore
	const args = ['-D', dataDir, '-p', String(POSTGRES_PORT), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${root}`,
		'-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'];
	const entry = await startLogged({
		name: 'postgres',
		command: path.join(pgBin, 'postgres'),
		args,
		logFile: path.join(dir, 'postgres.log'),
		ready: /database system is ready to accept connections/,
		stopSignal: 'SIGINT', // PostgreSQL's "fast" shutdown
		spawnOptions: { ...asAccount, cwd: '/' },
	});
	return { entry, database: createDatabase(pgBin), account: account.name || os.userInfo().username };
}

/** What n8n needs to reach them. @param {string} database */
function servicesEnv(database) {
	return {
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(REDIS_PORT),
		QUEUE_BULL_REDIS_PASSWORD: REDIS_PASSWORD,
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(POSTGRES_PORT),
		DB_POSTGRESDB_DATABASE: database,
		DB_POSTGRESDB_USER: PG_USER,
		DB_POSTGRESDB_PASSWORD: PG_PASSWORD,
	};
}

/**
 * Redis and PostgreSQL (installed first when missing), started in `workDir`.
 * @param {string} workDir
 */
async function startServices(workDir) {
	await assertPortsFree([
		{ port: REDIS_PORT, what: 'Redis for queue mode' },
		{ port: POSTGRES_PORT, what: 'PostgreSQL for queue mode' },
	]);
	const { redis, pgBin } = ensureSystemPackages();
	log(`starting redis (${REDIS_PORT}) and PostgreSQL (${POSTGRES_PORT}) on 127.0.0.1`);
	const [, pg] = await Promise.all([startRedis(redis, workDir), startPostgres(pgBin, workDir)]);
	log(`PostgreSQL runs as ${pg.account}, database ${pg.database}`);
	return { env: servicesEnv(pg.database) };
}

module.exports = {
	REDIS_PORT,
	POSTGRES_PORT,
	log,
	stopAll,
	startLogged,
	readLog,
	startServices,
};
