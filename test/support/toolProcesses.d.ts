/** Types of toolProcesses.js, for the TypeScript tests that use it. */
export interface Listener {
	pid: number;
	port: number;
	/** The start of its command line: the Node.js binary and `-e`. */
	command: string;
	stop(): Promise<void>;
}
export function listenerProcess(host: string, marker: string): Promise<Listener>;
export function runScript(
	shell: 'node' | 'bash',
	script: string,
	env?: Record<string, string>,
): { status: number | null; stdout: string; stderr: string; lines: string[] };
export function tempDir(): string;
export function removeDir(dir: string): void;
