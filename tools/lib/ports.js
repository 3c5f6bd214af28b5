'use strict';
/**
 * Loopback ports of the real-n8n suites and the demo: the fixed ones, shifted by
 * `USEEPAY_PORT_OFFSET` (default 0) so two checkouts can run their suites side by side, and the
 * check that every port a tool needs is free before it starts anything. A busy port fails at once
 * with the program that holds it; without the check, a second n8n on the port answered the
 * readiness probe for ours and the run failed a minute later with an unrelated message.
 */
const fs = require('node:fs');
const net = require('node:net');
const { spawnSync } = require('node:child_process');

const OFFSET = Number(process.env.USEEPAY_PORT_OFFSET || 0);

/** @param {number} base */
const port = (base) => base + OFFSET;

/**
 * Whether this process can listen on 127.0.0.1:`portNumber` (a listener on 0.0.0.0 or on
 * 127.0.0.1 makes it fail on Linux).
 * @param {number} portNumber
 * @returns {Promise<boolean>}
 */
function isPortFree(portNumber) {
	return new Promise((resolve) => {
		const server = net.createServer();
		server.once('error', () => resolve(false));
		server.listen({ port: portNumber, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
	});
}

/**
 * The listening sockets on `portNumber` from /proc/net/tcp and tcp6: their inode and owner uid.
 * @param {number} portNumber
 * @returns {Array<{inode: string, uid: number}>}
 */
function listeningSockets(portNumber) {
	const hexPort = portNumber.toString(16).toUpperCase().padStart(4, '0');
	const sockets = [];
	for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
		if (!fs.existsSync(table)) continue;
		for (const line of fs.readFileSync(table, 'utf8').split('\n').slice(1)) {
			// sl local_address rem_address st tx:rx tr:when retrnsmt uid timeout inode
			const fields = line.trim().split(/\s+/);
			if (fields.length < 10 || fields[3] !== '0A') continue; // 0A: LISTEN
			if (fields[1].split(':')[1] === hexPort) sockets.push({ inode: fields[9], uid: Number(fields[7]) });
		}
	}
	return sockets;
}

/** A process's command line, shortened. @param {string} pid */
function commandOf(pid) {
	try {
		const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ').trim();
		return command.length > 160 ? `${command.slice(0, 157)}...` : command;
	} catch {
		return '?';
	}
}

/** The pid whose file descriptors include socket `inode`, if this user may read them. @param {string} inode */
function pidOfSocket(inode) {
	const target = `socket:[${inode}]`;
	for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
		let fds;
		try {
			fds = fs.readdirSync(`/proc/${pid}/fd`);
		} catch {
			continue; // gone, or another user's
		}
		for (const fd of fds) {
			try {
				if (fs.readlinkSync(`/proc/${pid}/fd/${fd}`) === target) return pid;
			} catch {
				// closed meanwhile
			}
		}
	}
	return null;
}

/** `ss -ltnp`'s users:(("name",pid=N,fd=M)) for the port, when ss is there. @param {number} portNumber */
function holderFromSs(portNumber) {
	const ss = spawnSync('ss', ['-Hltnp', `sport = :${portNumber}`], { encoding: 'utf8', timeout: 5000 });
	const pid = ss.status === 0 ? ss.stdout.match(/pid=(\d+)/)?.[1] : undefined;
	return pid ? `pid ${pid} (${commandOf(pid)})` : null;
}

/**
 * Who listens on `portNumber`: "pid 123 (node …/n8n start)", or what can be said without it.
 * @param {number} portNumber
 */
function portHolder(portNumber) {
	const sockets = listeningSockets(portNumber);
	for (const { inode } of sockets) {
		const pid = pidOfSocket(inode);
		if (pid) return `pid ${pid} (${commandOf(pid)})`;
	}
	const fromSs = holderFromSs(portNumber);
	if (fromSs) return fromSs;
	if (sockets.length) return `a process of uid ${sockets[0].uid} (its pid is not readable for this user)`;
	return 'an unknown process (no listening socket found; it may have just closed)';
}

/**
 * Throws, before anything starts, when a port the caller needs is taken: every busy port with
 * what it was for and the process that holds it.
 * @param {Array<{port: number, what: string}>} needed
 */
async function assertPortsFree(needed) {
	const busy = [];
	for (const { port: portNumber, what } of needed) {
		if (!portNumber) continue; // 0: any free port, chosen by the system
		if (!(await isPortFree(portNumber)))
			busy.push(`port ${portNumber} (${what}) is in use by ${portHolder(portNumber)}`);
	}
	if (busy.length)
		throw new Error(
			`${busy.join('; ')}. Stop it, or move this run's ports with USEEPAY_PORT_OFFSET=<n> (the demo: N8N_PORT, EMULATOR_PORT, N8N_BROKER_PORT).`,
		);
}

module.exports = { port, isPortFree, portHolder, assertPortsFree };
