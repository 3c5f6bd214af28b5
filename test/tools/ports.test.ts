import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { startDemo } from '../../tools/demo/demo';
import { N8nInstance } from '../../tools/lib/n8n';
import { assertPortsFree, isPortFree, portHolder } from '../../tools/lib/ports';

/** A separate process listening on a free loopback port; resolves it and the port. */
async function listenerProcess(host: string): Promise<{ child: ChildProcess; port: number }> {
	const script = `const s=require('node:net').createServer().listen(0,${JSON.stringify(host)},()=>console.log(s.address().port));setInterval(()=>{},1e6);`;
	const child = spawn(process.execPath, ['-e', script, 'port-holder-marker'], { stdio: ['ignore', 'pipe', 'inherit'] });
	const [chunk] = await once(child.stdout!, 'data');
	return { child, port: Number(String(chunk).trim()) };
}

describe('tools/lib/ports.js', () => {
	let holder: { child: ChildProcess; port: number };
	afterEach(() => holder?.child.kill());

	it.each(['127.0.0.1', '0.0.0.0'])(
		'a port held on %s fails at once, naming the port, its use, pid and command',
		async (host) => {
			holder = await listenerProcess(host);
			expect(await isPortFree(holder.port)).toBe(false);
			const started = Date.now();
			const failure = assertPortsFree([
				{ port: 0, what: 'any port' },
				{ port: holder.port, what: 'n8n of the editor test' },
			]);
			await expect(failure).rejects.toThrow(
				`port ${holder.port} (n8n of the editor test) is in use by pid ${holder.child.pid} (${process.execPath} -e`,
			);
			await expect(failure).rejects.toThrow(/port-holder-marker\)/);
			expect(Date.now() - started).toBeLessThan(5000);
		},
	);

	it('a free port passes and stays free', async () => {
		holder = await listenerProcess('127.0.0.1');
		const { port } = holder;
		holder.child.kill();
		await once(holder.child, 'exit');
		await expect(assertPortsFree([{ port, what: 'the emulator' }])).resolves.toBeUndefined();
		expect(await isPortFree(port)).toBe(true);
		expect(portHolder(port)).toMatch(/no listening socket found/);
	});

	it('n8n start and the demo refuse a busy port before starting anything', async () => {
		holder = await listenerProcess('127.0.0.1');
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'useepay-ports-'));
		// No n8n behind this runtime: reaching the spawn would fail differently.
		const runtime = { version: '2.41.1', nodeBin: '/nonexistent', n8nHome: '/nonexistent' };
		const n8n = new N8nInstance({ runtime, dir, port: holder.port, brokerPort: 0 });
		await expect(n8n.start()).rejects.toThrow(`port ${holder.port} (n8n 2.41.1 in ${path.basename(dir)}) is in use`);
		const log: string[] = [];
		const demo = startDemo({
			dir,
			n8nPort: 0,
			brokerPort: 0,
			emulatorPort: holder.port,
			log: (line) => log.push(line),
		});
		await expect(demo).rejects.toThrow(`port ${holder.port} (the UseePay emulator of the demo) is in use by pid`);
		expect(log).toEqual([]); // nothing checked or installed first
		fs.rmSync(dir, { recursive: true, force: true });
	});
});
