import { startDemo } from '../../tools/demo/demo';
import { N8nInstance } from '../../tools/lib/n8n';
import { assertPortsFree, isPortFree, portHolder } from '../../tools/lib/ports';
import { listenerProcess, removeDir, tempDir, type Listener } from '../support/toolProcesses';

describe('tools/lib/ports.js', () => {
	let holder: Listener | undefined;
	afterEach(async () => {
		await holder?.stop();
		holder = undefined;
	});

	it.each(['127.0.0.1', '0.0.0.0'])(
		'a port held on %s fails at once, naming the port, its use, pid and command',
		async (host) => {
			holder = await listenerProcess(host, 'port-holder-marker');
			expect(await isPortFree(holder.port)).toBe(false);
			const started = Date.now();
			const failure = assertPortsFree([
				{ port: 0, what: 'any port' },
				{ port: holder.port, what: 'n8n of the editor test' },
			]);
			await expect(failure).rejects.toThrow(
				`port ${holder.port} (n8n of the editor test) is in use by pid ${holder.pid} (${holder.command}`,
			);
			await expect(failure).rejects.toThrow(/port-holder-marker\)/);
			expect(Date.now() - started).toBeLessThan(5000);
		},
	);

	it('a free port passes and stays free', async () => {
		const { port, stop } = await listenerProcess('127.0.0.1', 'port-holder-marker');
		await stop();
		await expect(assertPortsFree([{ port, what: 'the emulator' }])).resolves.toBeUndefined();
		expect(await isPortFree(port)).toBe(true);
		expect(portHolder(port)).toMatch(/no listening socket found/);
	});

	it('n8n start and the demo refuse a busy port before starting anything', async () => {
		holder = await listenerProcess('127.0.0.1', 'port-holder-marker');
		const dir = tempDir();
		try {
			// No n8n behind this runtime: reaching the spawn would fail differently.
			const runtime = { version: '2.41.1', nodeBin: '/nonexistent', n8nHome: '/nonexistent' };
			const n8n = new N8nInstance({ runtime, dir, port: holder.port, brokerPort: 0 });
			await expect(n8n.start()).rejects.toThrow(
				`port ${holder.port} (n8n 2.41.1 in ${dir.split('/').pop()}) is in use`,
			);
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
		} finally {
			removeDir(dir);
		}
	});
});
