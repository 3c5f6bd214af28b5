/** Types of recorder.js, for the TypeScript tests that use it. */
export interface RecordedRequest {
	method: string;
	/** The path without the query string. */
	path: string;
	query: Record<string, string>;
	headers: Record<string, string>;
	/** The body parsed as JSON, else its text; undefined when empty. */
	body: unknown;
	rawBody: string;
	bytes: Buffer;
	/** The status answered (0: the connection was dropped). */
	status: number;
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
	/** Resolves with the requests once `n` were received; rejects after `timeoutMs` (5 s). */
	waitFor(n: number, timeoutMs?: number): Promise<RecordedRequest[]>;
	clear(): void;
	close(): Promise<void>;
}
export function startRecorder(respond?: Responder): Promise<Recorder>;
export function answerInTurn(...statuses: number[]): Responder;
