'use strict';
/**
 * The package as users get it (`npm run test:package`):
 *   1. the tarball: `npm pack` holds exactly what n8n loads (the compiled .js of every source
 *      file under nodes/ and credentials/, the codex .node.json files, the icons, README, LICENSE,
 *      package.json: no source maps, .d.ts, tsbuildinfo or screenshots) and stays small;
 *   2. publishing is guarded: a plain `npm publish` (a laptop, no CI provenance) is refused by npm
 *      itself (package.json publishConfig.provenance) before anything reaches the registry, even
 *      with this repository's `ignore-scripts=true`, which silences prepublishOnly;
 *   3. on every n8n version `npm run check` proves, the tarball installed the way Settings →
 *      Community Nodes installs it (N8nInstance.installPackage) into a real n8n's nodes folder:
 *      both nodes, the AI tool variant and the credential load, a node runs against the emulator,
 *      and no second n8n-workflow is on disk;
 *   4. the README's manual install command brings no n8n-workflow either.
 * Prints `ok - …` / `not ok - …` and `package: N passed, M failed`; exits non-zero on a failure.
 * `--n8n <version>` (repeatable) limits step 3 to those versions.
 */
const assert = require('node:assert/strict');
const { execFileSync, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { startRecorder } = require('../lib/recorder');
const { useePayCredential } = require('../lib/fixtures');
const { jsonRequest } = require('../lib/http');
const { ownerSession } = require('../lib/n8nRest');
const { startEmulator } = require('../lib/emulator');
const { requestedVersions } = require('../lib/args');
const { createChecks } = require('../lib/checks');
const { REPO_ROOT, ensureRuntime, packPackage, N8nInstance, exitOnSignal } = require('../lib/n8n');
const { port } = require('../lib/ports');
const { cleanEnv, runCaptured } = require('../lib/runtime');

/** Unpacked size limit: the package was 869 kB with maps, .d.ts, tsbuildinfo and screenshots. */
const MAX_UNPACKED_BYTES = 400 * 1024;
const NOT_LOADED_BY_N8N = /\.map$|\.d\.ts$|tsbuildinfo|screenshots|\.png$|(^|\/)test\//;

const checks = createChecks();
const { check } = checks;
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'useepay-package-'));

/** Every file under `dir` (relative to the repository), recursively. @param {string} dir */
function filesUnder(dir) {
	return fs
		.readdirSync(path.join(REPO_ROOT, dir), { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isFile())
		.map((entry) => path.relative(REPO_ROOT, path.join(entry.parentPath ?? entry.path, entry.name)));
}

/** What n8n loads, derived from the sources: the list the tarball must hold, sorted. */
function expectedFiles() {
	const sources = [...filesUnder('nodes'), ...filesUnder('credentials')];
	return [
		'LICENSE',
		'README.md',
		'package.json',
		...sources.filter((f) => f.endsWith('.ts')).map((f) => `dist/${f.replace(/\.ts$/, '.js')}`),
		...sources.filter((f) => f.endsWith('.node.json')).map((f) => `dist/${f}`),
		...filesUnder('icons')
			.filter((f) => f.endsWith('.svg'))
			.map((f) => `dist/${f}`),
	].sort();
}

/** After packPackage built dist/: what `npm pack` puts in the tarball. */
async function tarballChecks() {
	/** @type {{files: Array<{path: string}>, size: number, unpackedSize: number} | undefined} what npm pack --json says */
	let packed;
	await check('npm pack lists exactly what n8n loads, nothing else', async () => {
		/** @type {NonNullable<typeof packed>} */
		const dryRun = JSON.parse(
			execFileSync('npm', ['pack', '--dry-run', '--json'], { cwd: REPO_ROOT, encoding: 'utf8' }),
		)[0];
		packed = dryRun;
		const files = dryRun.files.map((f) => f.path).sort();
		assert.deepEqual(
			files.filter((f) => NOT_LOADED_BY_N8N.test(f)),
			[],
			'source maps, .d.ts, tsbuildinfo or screenshots in the tarball',
		);
		assert.deepEqual(files, expectedFiles());
		const manifest = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
		for (const file of [...manifest.n8n.nodes, ...manifest.n8n.credentials])
			assert.ok(files.includes(file), `package.json n8n entry ${file} is not in the tarball`);
		process.stdout.write(
			`# tarball: ${files.length} files, ${(dryRun.unpackedSize / 1024).toFixed(1)} kB unpacked, ${(dryRun.size / 1024).toFixed(1)} kB packed\n`,
		);
	});
	await check(`the tarball stays under ${MAX_UNPACKED_BYTES / 1024} kB unpacked`, async () => {
		assert.ok(packed, 'no npm pack result');
		assert.ok(packed.unpackedSize <= MAX_UNPACKED_BYTES, `${packed.unpackedSize} bytes unpacked`);
	});
}

/**
 * `npm publish` as from a laptop, against a recording registry on 127.0.0.1: npm must refuse it
 * (no provenance outside CI) without uploading. The same publish with provenance explicitly off
 * reaches the registry: the control that shows the refusal is the guard, not the setup.
 */
async function publishGuardChecks() {
	const registry = await startRecorder((request) =>
		request.method === 'PUT' ? { status: 201, body: { ok: true } } : { status: 404, body: {} },
	);
	// asynchronous: the registry answers from this process
	/** @param {string[]} extra more npm publish flags */
	const publish = (...extra) =>
		runCaptured(
			'npm',
			[
				'publish',
				`--registry=${registry.url}/`,
				`--${registry.url.replace(/^http:/, '')}/:_authToken=test-only`,
				...extra,
			],
			{
				cwd: REPO_ROOT,
				// a laptop: no CI variables (npm's provenance keys on them), no npm_* settings from `npm run`
				env: Object.fromEntries(
					Object.entries(cleanEnv(path.dirname(process.execPath))).filter(
						([key]) => !/^(CI|GITHUB_ACTIONS|GITLAB_CI|ACTIONS_ID_TOKEN_REQUEST_URL)$/.test(key),
					),
				),
			},
		);
	const uploads = () => registry.requests.filter((r) => r.method === 'PUT').length;
	try {
		await check('a plain `npm publish` is refused without provenance and uploads nothing', async () => {
			const result = await publish();
			assert.notEqual(result.code, 0, `npm publish succeeded:\n${result.stdout}\n${result.stderr}`);
			assert.match(result.stderr, /provenance/i);
			assert.equal(uploads(), 0, 'a package reached the registry');
		});
		await check('control: with provenance explicitly off, the same publish reaches the registry', async () => {
			const result = await publish('--provenance=false');
			assert.equal(uploads(), 1, `${result.stdout}\n${result.stderr}`);
		});
	} finally {
		await registry.close();
	}
}

/** Directories named n8n-workflow below `dir`. @param {string} dir */
function n8nWorkflowCopies(dir) {
	return fs
		.readdirSync(dir, { recursive: true, withFileTypes: true })
		.filter((entry) => entry.isDirectory() && entry.name === 'n8n-workflow')
		.map((entry) => path.join(entry.parentPath ?? entry.path, entry.name));
}

/**
 * The tarball installed like Community Nodes does, in a fresh n8n of `version`.
 * @param {string} version
 * @param {string} tarball
 */
async function communityNodesChecks(version, tarball) {
	const runtime = await ensureRuntime({ version });
	const { emulator, url: emulatorUrl } = await startEmulator();
	const n8n = new N8nInstance({
		runtime,
		dir: path.join(work, `n8n-${version}`),
		port: port(5738),
		brokerPort: port(5739),
	});
	try {
		await check(`[n8n ${version}] installed as Community Nodes does: no n8n-workflow in the nodes folder`, async () => {
			const target = n8n.installPackage(tarball);
			const installed = JSON.parse(fs.readFileSync(path.join(target, 'package.json'), 'utf8'));
			assert.equal(installed.peerDependencies, undefined);
			assert.deepEqual(n8nWorkflowCopies(n8n.nodesDir), []);
			assert.deepEqual(JSON.parse(fs.readFileSync(path.join(n8n.nodesDir, 'package.json'), 'utf8')).dependencies, {
				'n8n-nodes-useepay': installed.version,
			});
		});
		await check(
			`[n8n ${version}] n8n loads both nodes, the AI tool and the credential; Customer Get Many runs`,
			async () => {
				await n8n.importCredentials([
					useePayCredential({ id: 'useepayPkgCred01', name: 'UseePay (package test)', baseUrl: emulatorUrl }),
				]);
				await n8n.importWorkflow(listCustomersWorkflow());
				await n8n.start();
				const { cookie } = await ownerSession(n8n.url);
				/** @param {string} file @returns {Promise<string[]>} */
				const types = async (file) =>
					(await jsonRequest(`${n8n.url}/types/${file}`, { headers: { cookie } })).json.map(
						(/** @type {{name: string}} */ t) => t.name,
					);
				const nodes = (await types('nodes.json')).filter((name) => name.startsWith('n8n-nodes-useepay.'));
				assert.deepEqual(nodes.sort(), [
					'n8n-nodes-useepay.useePay',
					'n8n-nodes-useepay.useePayTool',
					'n8n-nodes-useepay.useePayTrigger',
				]);
				assert.ok((await types('credentials.json')).includes('useePayApi'), 'credential useePayApi not loaded');
				const log = fs.readFileSync(path.join(n8n.dir, 'n8n.log'), 'utf8');
				assert.doesNotMatch(log, /n8n-nodes-useepay[^\n]*(could not|failed|error)/i);
				const run = await n8n.execute('useepayPkgList01');
				assert.equal(run.status, 'success', `${run.stdout.slice(-2000)}\n${run.stderr.slice(-2000)}`);
				// An empty account: page_num 0 answers nothing, so the paging engine asks once more as page_num 1
				// (a list that counts pages from 1 would have its first page there).
				const listed = emulator.requests().filter((r) => r.method === 'GET' && r.path === '/api/v1/customers');
				assert.deepEqual(
					listed.map((r) => r.query.page_num),
					['0', '1'],
				);
			},
		);
	} finally {
		await n8n.stop();
		await emulator.close();
	}
}

function listCustomersWorkflow() {
	return {
		id: 'useepayPkgList01',
		name: 'Package test: list customers',
		nodes: [
			{
				id: 'b7e1c0de-0001-4000-8000-000000000001',
				name: 'Start',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: {},
			},
			{
				id: 'b7e1c0de-0001-4000-8000-000000000002',
				name: 'Get many customers',
				type: 'n8n-nodes-useepay.useePay',
				typeVersion: 1,
				position: [220, 0],
				parameters: { resource: 'customer', operation: 'getAll', returnAll: true },
				credentials: { useePayApi: { id: 'useepayPkgCred01', name: 'UseePay (package test)' } },
			},
		],
		connections: { Start: { main: [[{ node: 'Get many customers', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		active: false,
	};
}

/**
 * README's manual install, run as written with the tarball for the package name, in an empty
 * nodes folder and a dead registry: it needs nothing from npm and pulls no n8n-workflow.
 * @param {string} tarball
 */
async function readmeInstallChecks(tarball) {
	await check("README's manual install pulls no second n8n-workflow", async () => {
		const readme = fs.readFileSync(path.join(REPO_ROOT, 'README.md'), 'utf8');
		// The install line as the README writes it (after `mkdir … && cd … &&`), the package a tarball path.
		const command = readme.match(/`(?:[^`]*&& )?(npm install [^`]*n8n-nodes-useepay[^`\s]*)`/)?.[1];
		assert.ok(command, 'README has no `npm install … n8n-nodes-useepay` command');
		const args = command.split(/\s+/).slice(1);
		const isPackage = (/** @type {string} */ arg) => arg.includes('n8n-nodes-useepay');
		const nodesDir = path.join(work, 'manual-install', 'nodes');
		fs.mkdirSync(nodesDir, { recursive: true });
		const result = spawnSync(
			'npm',
			[...args.map((a) => (isPackage(a) ? tarball : a)), '--registry=http://127.0.0.1:9/'],
			{ cwd: nodesDir, encoding: 'utf8', env: cleanEnv(path.dirname(process.execPath)) },
		);
		assert.equal(result.status, 0, `${command}:\n${result.stdout}\n${result.stderr}`);
		assert.ok(fs.existsSync(path.join(nodesDir, 'node_modules', 'n8n-nodes-useepay', 'package.json')));
		assert.deepEqual(n8nWorkflowCopies(nodesDir), []);
	});
}

async function main() {
	exitOnSignal();
	const tarball = packPackage(path.join(work, 'pack'));
	await tarballChecks();
	await publishGuardChecks();
	await readmeInstallChecks(tarball);
	for (const version of requestedVersions(process.argv.slice(2))) await communityNodesChecks(version, tarball);
	const passed = checks.summary('package');
	if (passed) fs.rmSync(work, { recursive: true, force: true });
	else process.stdout.write(`# work folder kept: ${work}\n`);
	process.exit(passed ? 0 : 1);
}

main().catch((error) => {
	checks.fail('package harness', error);
	checks.summary('package');
	process.exit(1);
});
