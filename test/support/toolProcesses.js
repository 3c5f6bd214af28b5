'use strict';
/**
 * Processes and folders for the tests of the tooling (tools/lib/ports.js, the progress lines):
 * a separate process holding a port, a script run to its end, a temporary folder. Plain JS: test
 * files may not start processes or touch the file system under n8n's lint.
 */
const { spawn, spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const REPO_ROOT = path.resolve(__dirname, '..', '..');

/**
 * A Node.js process listening on a free port of `host`, its command line ending in `marker`.
 * @param {string} host
 * @param {string} marker
 */
function listenerProcess(host, marker) {
	const script = `const s=require('node:net').createServer().listen(0,${JSON.stringify(host)},()=>console.log(s.address().port));setInterval(()=>{},1e6);`;
	const child = spawn(process.execPath, ['-e', script, marker], { stdio: ['ignore', 'pipe', 'inherit'] });
	return new Promise((resolve, reject) => {
		child.once('error', reject);
		child.stdout.once('data', (chunk) =>
			resolve({
				pid: child.pid,
				port: Number(String(chunk).trim()),
				command: `${process.execPath} -e`,
				stop: () =>
					new Promise((done) => {
						if (child.exitCode !== null || child.signalCode !== null) return done(undefined);
						child.once('exit', () => done(undefined));
						child.kill();
					}),
			}),
		);
	});
}

/**
 * Runs `node -e <script>` (`bash -c` for shell) in the repository to its end.
 * @param {'node'|'bash'} shell
 * @param {string} script
 * @param {Record<string, string>} [env] on top of this process's
 */
function runScript(shell, script, env = {}) {
	const [command, flag] = shell === 'node' ? [process.execPath, '-e'] : ['bash', '-c'];
	const run = spawnSync(command, [flag, script], { cwd: REPO_ROOT, encoding: 'utf8', env: { ...process.env, ...env } });
	return { status: run.status, stdout: run.stdout, stderr: run.stderr, lines: run.stdout.trim().split('\n') };
}

/** A new empty folder under the system's temporary folder. */
const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'useepay-tools-test-'));

/** @param {string} dir */
const removeDir = (dir) => fs.rmSync(dir, { recursive: true, force: true });

module.exports = { listenerProcess, runScript, tempDir, removeDir };
