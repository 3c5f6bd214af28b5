'use strict';
/**
 * Debian packages the real-n8n suites need (Chromium for the editor test, Redis and PostgreSQL
 * for queue mode), installed with apt-get when missing: as root, or through `sudo -n` when the
 * user may (a CI runner). Service auto-start is refused for the duration (a temporary
 * policy-rc.d when the machine has none), so an install starts no daemon on the default ports.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');

const isRoot = () => process.getuid?.() === 0;
const canSudo = () => spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0;

/**
 * Runs a command as root; throws with `what` on failure.
 * @param {string} command
 * @param {string[]} args
 * @param {string} what
 */
function asRoot(command, args, what) {
	const [cmd, argv] = isRoot() ? [command, args] : ['sudo', ['-n', '--preserve-env=DEBIAN_FRONTEND', command, ...args]];
	const result = spawnSync(cmd, argv, {
		env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
		stdio: ['ignore', 'ignore', 'inherit'],
	});
	if (result.status !== 0) throw new Error(`${what} failed (exit ${result.status})`);
}

/**
 * @param {string[]} packages Debian package names
 * @param {(line: string) => void} log
 */
function aptInstall(packages, log) {
	if (!isRoot() && !canSudo()) {
		throw new Error(
			`missing ${packages.join(', ')}: install them (sudo apt-get install -y ${packages.join(' ')}) or run as root`,
		);
	}
	const policy = '/usr/sbin/policy-rc.d';
	const ownPolicy = !fs.existsSync(policy);
	if (ownPolicy)
		asRoot('sh', ['-c', `printf '#!/bin/sh\\nexit 101\\n' > ${policy} && chmod 755 ${policy}`], 'writing policy-rc.d');
	try {
		log(`apt-get update, then apt-get install ${packages.join(' ')} (once per machine)`);
		asRoot('apt-get', ['update'], 'apt-get update');
		asRoot(
			'apt-get',
			['install', '-y', '--no-install-recommends', ...packages],
			`apt-get install ${packages.join(' ')}`,
		);
	} finally {
		if (ownPolicy) asRoot('rm', ['-f', policy], 'removing policy-rc.d');
	}
}

module.exports = { aptInstall };
