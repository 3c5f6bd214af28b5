'use strict';
/** Command-line flags of the tools and benchmarks: `--flag value` or `--flag=value`. */
const { TESTED_N8N_VERSIONS } = require('./n8nLines');

/**
 * Reads argv by a table of flags; each handler gets a function that returns the flag's value
 * (the part after `=`, else the next argument). An unknown flag throws.
 * @param {string[]} argv
 * @param {Record<string, (value: () => string) => void>} flags
 */
function readFlags(argv, flags) {
	for (let i = 0; i < argv.length; i++) {
		const eq = argv[i].indexOf('=');
		const flag = eq > 0 ? argv[i].slice(0, eq) : argv[i];
		const inline = eq > 0 ? argv[i].slice(eq + 1) : undefined;
		const handler = flags[flag];
		if (!handler) throw new Error(`unknown argument ${flag}`);
		handler(() => (inline !== undefined ? inline : argv[++i]));
	}
}

/**
 * The n8n versions named with `--n8n <version>` (repeatable), else every version `npm run check` proves.
 * @param {string[]} argv
 */
function requestedVersions(argv) {
	const versions = argv.flatMap((arg, i) => (arg === '--n8n' ? [argv[i + 1]] : []));
	return versions.length ? versions : TESTED_N8N_VERSIONS;
}

module.exports = { readFlags, requestedVersions };
