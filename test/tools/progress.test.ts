import { runScript } from '../support/toolProcesses';

/** The script's output lines; it must write nothing to stderr. */
function linesOf(shell: 'node' | 'bash', script: string, env: Record<string, string> = {}): string[] {
	const run = runScript(shell, script, env);
	expect(run.stderr).toBe('');
	return run.lines;
}

describe('progress lines of npm start (tools/demo/progress.js, tools/lib/progress.sh)', () => {
	it('a step that blocks the main thread still gets heartbeats, timed from the command start', () => {
		// The command "started" 7 s ago (start.sh passes USEEPAY_STARTED_MS); the step blocks 3.5 s.
		const script = `
			const { createProgress } = require('./tools/demo/progress');
			const progress = createProgress({ name: 't', quietMs: 1000 });
			progress.log('installing n8n 2.41.1 into /cache (about 4-8 minutes)');
			require('node:child_process').execFileSync('sleep', ['3.5']);
			progress.log('ready');
			progress.stop();`;
		const lines = linesOf('node', script, { USEEPAY_STARTED_MS: String(Date.now() - 7000) });
		expect(lines[0]).toMatch(/^\[t [78]s\] installing n8n 2\.41\.1 into \/cache \(about 4-8 minutes\)$/);
		const beats = lines.slice(1, -1);
		expect(beats.length).toBeGreaterThanOrEqual(2);
		for (const beat of beats)
			expect(beat).toMatch(/^\[t (8|9|10|11)s\] still installing n8n 2\.41\.1 into \/cache… [1-3] s$/);
		expect(lines[lines.length - 1]).toMatch(/^\[t (10|11)s\] ready$/);
	});

	it('no heartbeat while lines keep coming', () => {
		const script = `
			const { createProgress } = require('./tools/demo/progress');
			const progress = createProgress({ name: 't', quietMs: 1500 });
			let n = 0;
			const timer = setInterval(() => { progress.log('step ' + n++); if (n === 6) { clearInterval(timer); progress.stop(); } }, 500);`;
		expect(linesOf('node', script).filter((line) => line.includes('still'))).toEqual([]);
	});

	it("with_heartbeat says what still runs and keeps the command's exit status", () => {
		const script = `PROGRESS_NAME=s PROGRESS_HEARTBEAT_S=1; source tools/lib/progress.sh
			with_heartbeat "installing this project's npm packages (npm ci)" sleep 2.5; echo "exit $?"
			with_heartbeat "failing" false || echo "exit $?"`;
		const lines = linesOf('bash', script, { USEEPAY_STARTED_MS: String(Date.now() - 30000) });
		expect(lines[0]).toMatch(/^\[s 3[01]s\] still installing this project's npm packages \(npm ci\)… 1 s$/);
		expect(lines).toContain('exit 0');
		expect(lines).toContain('exit 1');
	});
});
