'use strict';
/**
 * Everything that differs between the n8n release lines we test, in one place: which Node.js
 * runs it, what its install needs, which environment it accepts and how a workflow is activated.
 * The runtime installer (runtime.js) and the n8n driver (n8n.js) read only this.
 */

/** The versions `npm run check` proves; `N8N_VERSION=<x.y.z>` picks another of a known line. */
const DEFAULT_N8N_VERSION = '2.41.1';

/** @typedef {{node: string, overrides?: Record<string,string>, env: Record<string,string>, activateArgs: (id: string) => string[]}} N8nLine */

/** @type {Record<string, N8nLine>} keyed by major version */
const LINES = {
	2: {
		// n8n 2.x declares engines node >= 24. Pinned so every machine runs the same binary.
		node: '24.21.0',
		env: { N8N_DISABLED_MODULES: 'mcp-registry' },
		activateArgs: (id) => ['publish:workflow', `--id=${id}`],
	},
	1: {
		// n8n 1.x supports Node 20-24; 22 is its LTS line. Its n8n-nodes-base pins `xlsx` to a
		// tarball on cdn.sheetjs.com, outside the npm registry: the same SheetJS build from npm.
		node: '22.23.3',
		overrides: { xlsx: 'npm:@e965/xlsx@0.20.3' },
		env: {},
		activateArgs: (id) => ['update:workflow', `--id=${id}`, '--active=true'],
	},
};

/** @param {string} version */
function n8nLine(version) {
	const line = LINES[Number(String(version).split('.')[0])];
	if (!line) throw new Error(`n8n ${version}: no settings for this release line (tools/lib/n8nLines.js)`);
	return line;
}

module.exports = { DEFAULT_N8N_VERSION, n8nLine };
