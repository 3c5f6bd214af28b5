/**
 * n8n's community-package verification scanner, offline (`npm run scan`).
 *
 * `npx @n8n/scan-community-package <name>` only scans a published version: it needs the npm
 * registry, a provenance attestation and the attested GitHub source. This runs the same two legs
 * on what we would publish, with the scanner's own code (`analyzePackage`, `buildScanConfig`,
 * `SOURCE_FILE_PATTERNS` from @n8n/scan-community-package/scanner/scanner.mjs):
 *   1. source leg: the repository, patterns ['package.json', '{nodes,credentials}/**\/*.{js,ts,json}']
 *   2. tarball leg: `npm run build` + `npm pack`, unpacked like the scanner does, patterns ['**\/*.js', 'package.json']
 * Every ESLint message of the scanner's config is printed (file, line, rule, message); any
 * finding — error or warning — fails the run (exit 1).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

const { REPO_ROOT, packPackage } = createRequire(import.meta.url)('../lib/n8n.js');
const scannerPath = path.join(REPO_ROOT, 'node_modules', '@n8n', 'scan-community-package', 'scanner', 'scanner.mjs');
const { analyzePackage, buildScanConfig, SOURCE_FILE_PATTERNS } = await import(pathToFileURL(scannerPath).href);
// the scanner's own ESLint and glob (it ships a nested eslint), for the per-message listing
const scannerRequire = createRequire(scannerPath);
const { ESLint } = scannerRequire('eslint');
const glob = scannerRequire('fast-glob');

const TARBALL_PATTERNS = ['**/*.js', 'package.json'];
const started = Date.now();
/** @param {string} line */
const log = (line) => process.stdout.write(`${line}\n`);

/**
 * The scanner's verdict plus every message (errors and warnings) of its ESLint config.
 * @param {string} name
 * @param {string} dir
 * @param {string[]} patterns
 */
async function scanLeg(name, dir, patterns) {
	const verdict = await analyzePackage(dir, patterns);
	const files = glob.sync(patterns, { cwd: dir, absolute: true, ignore: ['node_modules/**', '**/package-lock.json'] });
	const eslint = new ESLint({
		cwd: dir,
		allowInlineConfig: false,
		overrideConfigFile: true,
		overrideConfig: await buildScanConfig(),
	});
	const results = files.length ? await eslint.lintFiles(files) : [];
	const findings = results.flatMap((/** @type {any} */ result) =>
		result.messages.map((/** @type {any} */ m) => ({
			file: path.relative(dir, result.filePath),
			line: m.line ?? 0,
			severity: m.severity === 2 ? 'error' : 'warning',
			rule: m.ruleId ?? '(parser)',
			message: m.message,
		})),
	);
	log(
		`${name}: ${files.length} files, scanner verdict ${verdict.passed ? 'PASS' : `FAIL (${verdict.message})`}, ${findings.length} finding(s)`,
	);
	for (const f of findings) log(`  ${f.severity} ${f.file}:${f.line} ${f.rule}: ${f.message}`);
	if (!verdict.passed && verdict.details) log(verdict.details.trim().replace(/^/gm, '  '));
	return { passed: verdict.passed && findings.length === 0, findings };
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'useepay-scan-'));
let ok = false;
try {
	log('building (npm run build) and packing (npm pack)');
	const tarballFile = packPackage(work);
	const { name, version } = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
	const packageDir = path.join(work, `${name}-${version}`);
	fs.mkdirSync(packageDir);
	execFileSync('tar', ['-xzf', tarballFile, '-C', packageDir, '--strip-components=1']);
	log(`tarball ${path.basename(tarballFile)}: ${glob.sync('**/*', { cwd: packageDir }).length} files`);

	const source = await scanLeg(`source leg (${SOURCE_FILE_PATTERNS.join(', ')})`, REPO_ROOT, SOURCE_FILE_PATTERNS);
	const tarball = await scanLeg(`tarball leg (${TARBALL_PATTERNS.join(', ')})`, packageDir, TARBALL_PATTERNS);
	ok = source.passed && tarball.passed;
	log(
		`scan: ${ok ? 'PASS' : 'FAIL'}, ${source.findings.length + tarball.findings.length} finding(s) (${((Date.now() - started) / 1000).toFixed(1)} s)`,
	);
} catch (error) {
	log(`scan: FAIL (${error.message})`);
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}
process.exit(ok ? 0 : 1);
