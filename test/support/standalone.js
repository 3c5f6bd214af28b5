'use strict';
/**
 * The repository must stand alone: a GitHub clone has nothing beside it. Lists every place in a
 * tracked file that imports, requires or cites something outside the repository: a relative
 * import that resolves above the root, or a mention of the reference notes this project was
 * written from (kept on developers' machines only). Plain JavaScript: it reads files and runs git.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');
const OUTSIDE_NAMES = new RegExp(
	['shared/(useepay-api|design|hooks)', '\\b(core|more)\\.md\\b', 'editor-' + 'browser'].join('|'),
);
const SPECIFIER = /(?:\bfrom\s+|\brequire\(\s*|\bimport\(\s*)['"](\.{1,2}\/[^'"]*)['"]/g;
const TEXT = /\.(ts|js|mjs|cjs|json|sh|ya?ml|md)$|^\.ci\/run$/;

function trackedFiles() {
	return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
		.split('\0')
		.filter((file) => file && TEXT.test(file) && file !== 'package-lock.json' && fs.existsSync(path.join(ROOT, file)));
}

/**
 * @param {string} file path relative to the repository root
 * @param {string} text its content
 * @returns {string[]} `file:line: what` for each place that reaches outside the repository
 */
function findingsIn(file, text) {
	const found = [];
	text.split('\n').forEach((line, index) => {
		if (OUTSIDE_NAMES.test(line)) found.push(`${file}:${index + 1}: cites ${line.match(OUTSIDE_NAMES)[0]}`);
		for (const [, specifier] of line.matchAll(SPECIFIER)) {
			const target = path.resolve(ROOT, path.dirname(file), specifier);
			if (path.relative(ROOT, target).startsWith('..')) found.push(`${file}:${index + 1}: imports ${specifier}`);
		}
	});
	return found;
}

/** This scanner and its test spell out what they look for. */
const SELF = new Set(['test/support/standalone.js', 'test/repository.test.ts']);

function reachesOutside() {
	return trackedFiles()
		.filter((file) => !SELF.has(file))
		.flatMap((file) => findingsIn(file, fs.readFileSync(path.join(ROOT, file), 'utf8')));
}

module.exports = { findingsIn, reachesOutside, trackedFiles };
