'use strict';
/**
 * `--profile` of the benches: every n8n process they start writes a V8 CPU profile (.cpuprofile,
 * open it in Chrome DevTools → Performance) into one folder, and the bench prints the functions
 * with the most self time over all of them. Also a command for profiles written earlier:
 *
 *   node bench/profile.js <folder or .cpuprofile file> [--top 25]
 *
 * Self time is the time a function was on top of the stack (what it did itself, not its callees),
 * as a share of the busy time: every sample but V8's "(idle)".
 */
const fs = require('node:fs');
const path = require('node:path');

/**
 * The environment that makes a Node process write its CPU profile into `dir` when it exits.
 * @param {string|null} dir
 * @returns {Record<string, string>}
 */
function profileEnv(dir) {
	if (!dir) return {};
	fs.mkdirSync(dir, { recursive: true });
	return { NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${dir}`.trim() };
}

/**
 * Where a bench's profiles go: artifacts/bench/profile-<bench>-<time>/ (artifacts/ is not committed).
 * @param {string} bench
 */
function profileDir(bench) {
	const stamp = new Date().toISOString().replace(/[:.]/g, '-').slice(0, 19);
	return path.resolve(__dirname, '..', 'artifacts', 'bench', `profile-${bench}-${stamp}`);
}

/**
 * @typedef {{id: number, callFrame: {functionName: string, url: string, lineNumber: number}}} ProfileNode
 * @typedef {{nodes: ProfileNode[], samples: number[], timeDeltas: number[]}} CpuProfile
 * @typedef {{name: string, where: string, selfMs: number, share: number}} Hotspot
 */

/**
 * Self time by function (name and source position) over the profiles, busiest first.
 * @param {CpuProfile[]} profiles
 * @returns {{busyMs: number, hotspots: Hotspot[]}}
 */
function selfTime(profiles) {
	/** @type {Map<string, {name: string, where: string, selfUs: number}>} */
	const byFunction = new Map();
	let busyUs = 0;
	for (const profile of profiles) {
		const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
		// A sample's time is the gap to the next sample.
		for (let i = 0; i + 1 < profile.samples.length; i++) {
			const node = nodes.get(profile.samples[i]);
			if (!node || node.callFrame.functionName === '(idle)') continue;
			const us = profile.timeDeltas[i + 1];
			const { functionName, url, lineNumber } = node.callFrame;
			const name = functionName || '(anonymous)';
			const where = url ? `${url.replace(/^file:\/\//, '')}:${lineNumber + 1}` : '';
			const key = `${name} ${where}`;
			const entry = byFunction.get(key) ?? { name, where, selfUs: 0 };
			entry.selfUs += us;
			byFunction.set(key, entry);
			busyUs += us;
		}
	}
	const hotspots = [...byFunction.values()]
		.sort((a, b) => b.selfUs - a.selfUs)
		.map(({ name, where, selfUs }) => ({ name, where, selfMs: selfUs / 1000, share: busyUs ? selfUs / busyUs : 0 }));
	return { busyMs: busyUs / 1000, hotspots };
}

/** The .cpuprofile files at `target` (a folder or one file). @param {string} target */
function profileFiles(target) {
	if (!fs.existsSync(target)) return [];
	if (!fs.statSync(target).isDirectory()) return [target];
	return fs
		.readdirSync(target)
		.filter((name) => name.endsWith('.cpuprofile'))
		.map((name) => path.join(target, name));
}

/**
 * Prints the `top` functions with the most self time over the profiles at `target`.
 * @param {string} target
 * @param {number} [top]
 * @param {(line: string) => void} [print]
 */
function printHotspots(target, top = 25, print = (line) => process.stdout.write(`${line}\n`)) {
	const files = profileFiles(target);
	if (!files.length) {
		print(`profile: no .cpuprofile in ${target} (a process killed before it exits writes none)`);
		return;
	}
	const profiles = files.map((file) => /** @type {CpuProfile} */ (JSON.parse(fs.readFileSync(file, 'utf8'))));
	const { busyMs, hotspots } = selfTime(profiles);
	print(
		`profile: ${files.length} file(s) in ${target}, ${(busyMs / 1000).toFixed(1)} s busy; top ${top} by self time:`,
	);
	for (const h of hotspots.slice(0, top))
		print(`${(h.share * 100).toFixed(1).padStart(6)} % ${h.selfMs.toFixed(0).padStart(8)} ms  ${h.name}  ${h.where}`);
}

if (require.main === module) {
	const [target, flag, value] = process.argv.slice(2);
	if (!target || target === '--help' || (flag && flag !== '--top')) {
		process.stdout.write('node bench/profile.js <folder or .cpuprofile file> [--top 25]\n');
		process.exit(target && target !== '--help' ? 1 : 0);
	}
	printHotspots(target, flag ? Number(value) : 25);
}

module.exports = { profileDir, profileEnv, selfTime, printHotspots };
