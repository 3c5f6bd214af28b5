export interface RecordedRequest {
	method: string;
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	body: unknown;
	rawBody: string;
}
export interface ScriptedAnswer {
	/** Drop the connection instead of answering (a lost answer). */
	drop?: boolean;
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
}
export type Responder = (request: RecordedRequest) => ScriptedAnswer | Promise<ScriptedAnswer>;
export interface Recorder {
	url: string;
	requests: RecordedRequest[];
	setResponder(fn: Responder): void;
	close(): Promise<void>;
}
export function startRecorder(respond?: Responder): Promise<Recorder>;
