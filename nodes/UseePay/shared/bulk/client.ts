import type { IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import type { Clock } from './clock';
import type { FailureKind, RetryPolicy } from './retry';
import { classifyStatus, classifyThrown, maySendAgain, parseRetryAfter, retryDelay } from './retry';
import type { RequestScheduler } from './scheduler';

export interface BulkRequest {
	method: IHttpRequestMethods;
	/** Path under the credential's base URL, already encoded. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
}

export interface RawResponse {
	statusCode: number;
	body: unknown;
	headers?: IDataObject;
}

/** Sends one HTTP request; throws only when there is no answer (connection problems ...). */
export type Transport = (request: BulkRequest) => Promise<RawResponse>;

/** A final HTTP answer: 2xx, or a 4xx that retrying would not change. */
export interface Answer {
	kind: 'answer';
	statusCode: number;
	body: unknown;
}

/** No usable answer after the retries (or a failure that may not be retried). */
export interface Failure {
	kind: 'failure';
	failure: FailureKind | 'error';
	statusCode?: number;
	body?: unknown;
	/** The connection error code (ECONNRESET ...), when there was no answer. */
	code?: string;
	/** The thrown error, when the HTTP helper threw. */
	error?: unknown;
	/** The server asked for a wait longer than the policy honours. */
	retryAfterMs?: number;
}

export type Attempt = Answer | Failure;

/** Whether an answer is a 2xx. */
export const isSuccess = (answer: Answer) => answer.statusCode >= 200 && answer.statusCode < 300;

/** The failure of a request that ended without a 2xx (a refusal becomes a failure of kind 'error'). */
export function failureOf(outcome: Answer | Failure): Failure {
	if (outcome.kind === 'failure') return outcome;
	return { kind: 'failure', failure: 'error', statusCode: outcome.statusCode, body: outcome.body };
}

export interface SendResult<T> {
	outcome: Answer | Failure | { kind: 'reconciled'; value: T };
	attempts: number;
	/** Some attempt failed without knowing whether the server applied it (5xx, reset, timeout). */
	ambiguous: boolean;
}

/** What a reconcile found out: applied (with the result), not applied, or it could not tell. */
export type Reconciled<T> = { applied: true; value: T } | { applied: false } | { failed: Failure; attempts: number };

export interface SendOptions<T> {
	/** Sending it twice does what sending it once does (GET, update with the same body). */
	idempotent: boolean;
	/**
	 * For requests that are not idempotent (a create): called after an ambiguous failure, before
	 * sending again, to find out whether the request was applied after all (a lookup). It runs
	 * even when no retry is left (Max Retries 0), so a write that did happen is not reported as
	 * failed. Without it, an ambiguous failure is not retried.
	 */
	reconcile?: () => Promise<Reconciled<T>>;
	/** Served before the other waiting requests (see RequestScheduler). */
	urgent?: boolean;
}

/**
 * UseePay requests of the bulk operations: every attempt goes through the scheduler (so retries
 * count against the rate too) and failures follow the retry policy (retry.ts).
 */
export class BulkClient {
	constructor(
		private readonly transport: Transport,
		private readonly scheduler: RequestScheduler,
		private readonly policy: RetryPolicy,
		private readonly clock: Clock,
	) {}

	/** One attempt, classified. */
	async attempt(request: BulkRequest, urgent = false): Promise<Attempt> {
		let response: RawResponse;
		try {
			response = await this.scheduler.run(() => this.transport(request), urgent);
		} catch (error) {
			const thrown = classifyThrown(error);
			this.scheduler.report(false);
			if (!thrown) return { kind: 'failure', failure: 'error', error };
			return { kind: 'failure', failure: thrown.kind, code: thrown.code, error };
		}
		const failure = classifyStatus(response.statusCode);
		this.scheduler.report(failure === 'throttled');
		if (!failure) return { kind: 'answer', statusCode: response.statusCode, body: response.body };
		const retryAfterMs =
			failure === 'throttled' ? parseRetryAfter(response.headers?.['retry-after'], this.clock.now()) : undefined;
		return { kind: 'failure', failure, statusCode: response.statusCode, body: response.body, retryAfterMs };
	}

	/** Sends until a final answer, a reconciled result, or the retries run out. */
	async send<T = never>(request: BulkRequest, options: SendOptions<T>): Promise<SendResult<T>> {
		let ambiguous = false;
		for (let attempts = 1; ; attempts++) {
			const attempt = await this.attempt(request, options.urgent);
			if (attempt.kind === 'answer' || attempt.failure === 'error') return { outcome: attempt, attempts, ambiguous };
			const isAmbiguous = attempt.failure === 'server' || attempt.failure === 'connection';
			ambiguous ||= isAmbiguous;
			const resendable = maySendAgain(attempt.failure, options.idempotent);
			const lastTry = attempts > this.policy.maxRetries;
			const mustReconcile = !resendable && options.reconcile !== undefined;
			if ((lastTry || !resendable) && !mustReconcile) return { outcome: attempt, attempts, ambiguous };
			const wait = retryDelay(this.policy, attempts, attempt.retryAfterMs);
			if (wait === undefined) return { outcome: attempt, attempts, ambiguous };
			await this.clock.sleep(wait);
			if (mustReconcile && options.reconcile) {
				const reconciled = await options.reconcile();
				if ('failed' in reconciled)
					return { outcome: reconciled.failed, attempts: attempts + reconciled.attempts, ambiguous };
				if (reconciled.applied)
					return { outcome: { kind: 'reconciled', value: reconciled.value }, attempts, ambiguous };
				if (lastTry) return { outcome: attempt, attempts, ambiguous };
			}
		}
	}
}
