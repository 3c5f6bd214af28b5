export interface EmulatorProcess {
	url: string;
	alive(): boolean;
	stop(): Promise<void>;
}
export interface RawAnswer {
	status?: number;
	body?: unknown;
	error?: string;
}
export function startEmulatorProcess(): Promise<EmulatorProcess>;
export function rawRequest(
	url: string,
	options?: { method?: string; headers?: Record<string, string>; body?: string | number },
): Promise<RawAnswer>;
