import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { useePayBaseUrl } from '../../../../credentials/UseePayApi.credentials';
import { errorItem, useePayApiError } from '../../../shared/errors';
import type { PagingProfile } from '../../../shared/pagination';
import { pagingProfile } from '../../../shared/pagination';
import { sendToUseePay } from '../../../shared/transport';
import type { ItemParameters } from '../checks';
import type { Failure, Transport } from './client';
import { BulkClient } from './client';
import type { Clock } from './clock';
import { cancellableClock, eventLoopBreather, realClock } from './clock';
import { parameterReader } from './parameters';
import { DEFAULT_RETRY_POLICY } from './retry';
import { runItems } from './runItems';
import { RequestScheduler } from './scheduler';

/** Defaults of the Options collection (written out again in bulkOptionsField: lint wants literals). */
export const BULK_DEFAULTS = { maxConcurrent: 20, requestsPerSecond: 100, maxRetries: 5 };
/** Per-request timeout: a request still unanswered then counts as a lost answer (ambiguous). */
const REQUEST_TIMEOUT_MS = 30000;

/** The Options collection of the operations that run through the scheduler (of their resource). */
export function bulkOptionsField(operations: string[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		displayOptions: { show: { operation: operations } },
		options: [
			{
				displayName: 'Max Concurrent Requests',
				name: 'maxConcurrent',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 100 },
				default: 20,
				description:
					'Most requests to UseePay on the wire at once, across all items. 20 keeps 100 requests per second going while UseePay takes up to 200 ms to answer.',
			},
			{
				displayName: 'Max Retries',
				name: 'maxRetries',
				type: 'number',
				typeOptions: { minValue: 0, maxValue: 10 },
				default: 5,
				description:
					'How often a request is tried again after a rate limit (429, after its Retry-After), a server error (5xx) or a lost connection, with growing waits. A create is sent again only once a lookup shows it did not happen, so retries never duplicate a customer.',
			},
			{
				displayName: 'Requests Per Second',
				name: 'requestsPerSecond',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 1000, numberPrecision: 1 },
				default: 100,
				description:
					'Requests are spread evenly at this rate from the first second, retries included, and never more than this many start within one second plus 30 ms, which leaves room for network jitter under a limit of this many per second. UseePay documents no limit. If UseePay answers with many 429s, the node slows down by itself.',
			},
		],
	};
}

/** Requests through the one request path (sendToUseePay), with the credential read once per run. */
function n8nTransport(ctx: IExecuteFunctions, credentials: ICredentialDataDecryptedObject): Transport {
	return async (request) => await sendToUseePay.call(ctx, request, { credentials, timeout: REQUEST_TIMEOUT_MS });
}

const CONNECTION_MEANING: Record<string, string> = {
	ECONNRESET: 'the connection was reset before UseePay answered',
	ETIMEDOUT: 'UseePay did not answer in time',
	ECONNABORTED: 'UseePay did not answer in time',
	ECONNREFUSED: 'the connection was refused',
};

/** The error of an item (undefined: of a request all share) whose requests failed, after `attempts`. */
export function failureError(
	ctx: IExecuteFunctions,
	failure: Failure,
	itemIndex: number | undefined,
	attempts: number,
) {
	const node = ctx.getNode();
	// Only a failure that was retried gets the count (a 400 after a retried 429 did not "give up").
	const tries = failure.failure !== 'error' && attempts > 1 ? ` (gave up after ${attempts} attempts)` : '';
	if (failure.statusCode !== undefined) {
		const error = useePayApiError(node, failure.statusCode, failure.body, itemIndex);
		const tooLong =
			failure.failure === 'throttled' && tries === '' && failure.retryAfterMs !== undefined
				? ` (asked to wait ${Math.round(failure.retryAfterMs / 1000)} s, longer than the node waits)`
				: '';
		error.message += tries || tooLong;
		return error;
	}
	if (failure.code) {
		const meaning = CONNECTION_MEANING[failure.code] ?? `the connection failed (${failure.code})`;
		const message = `Could not reach UseePay: ${meaning}${tries}`;
		const error = new NodeApiError(node, { code: failure.code, message: meaning } as JsonObject, {
			message,
			description: `Connection error ${failure.code}`,
			itemIndex,
		});
		// NodeApiError swaps a message for its generic text when the code is a common one
		// (ECONNRESET: "The connection to the server was closed unexpectedly"), losing ours.
		error.message = message;
		error.context.useePay = { code: failure.code, source: null, message: meaning };
		return error;
	}
	if (failure.error instanceof Error) return failure.error;
	const item = itemIndex === undefined ? '' : ` [item ${itemIndex}]`;
	return new NodeOperationError(node, `UseePay request failed${item}`, { itemIndex });
}

/**
 * The item's error with a sentence added to its message (what an error item shows): for a write
 * whose failure leaves its outcome open, what landed and how to check (see shared/moneyMoves.ts).
 */
export function withNote<E extends Error>(error: E, note: string): E {
	error.message = `${error.message}. ${note}.`;
	return error;
}

/**
 * The output item of a failed item under Continue On Fail, as routing makes it: a UseePay error
 * becomes errorItem's json ({error, code, source, httpCode}); any other error (bad input ...) an
 * item with `error` set, which n8n turns into {error: message} (and routes to an error output).
 */
function failedItem(ctx: IExecuteFunctions, error: unknown, itemIndex: number): INodeExecutionData {
	if (error instanceof NodeApiError) return { ...errorItem(error), pairedItem: { item: itemIndex } };
	const nodeError =
		error instanceof NodeOperationError
			? error
			: new NodeOperationError(ctx.getNode(), error instanceof Error ? error : String(error), { itemIndex });
	return { json: {}, error: nodeError, pairedItem: { item: itemIndex } };
}

/** Names the item in the message of the error that stops the node. */
function namingItem(error: unknown, itemIndex: number): unknown {
	if (error instanceof Error && !error.message.includes(`[item ${itemIndex}]`)) {
		error.message = `${error.message} [item ${itemIndex}]`;
	}
	return error;
}

export interface BulkRun {
	client: BulkClient;
	/** The run's clock: its waits end when the execution is cancelled. */
	clock: Clock;
	/** Aborted when n8n cancels the execution (Stop, timeout). */
	signal: AbortSignal | undefined;
	/** What UseePay's lists have shown about paging (pagination.ts). */
	paging: PagingProfile;
	/** How many input items the run has. */
	itemCount: number;
	/** Reads one item's parameters (lazily, when its turn comes). */
	parameters: (itemIndex: number) => ItemParameters;
	/** Fails the run for a request all items share (a list read once): no item named, none started after. */
	failAll: (failure: Failure, attempts: number) => void;
}

export interface BulkOptions {
	clock?: Clock;
	/** Values for the Options the operation's own Options collection does not set (tests: a faster rate). */
	defaults?: Partial<typeof BULK_DEFAULTS>;
	/**
	 * Called once before the first item (e.g. to start the Create or Update index read); may
	 * return the order in which items start (runItems' `order`).
	 */
	plan?: (run: BulkRun) => Promise<(() => Promise<number | undefined>) | undefined>;
}

/**
 * Runs a bulk operation: the options (read once, from the first item), the scheduler and client,
 * then `work` for every input item. Returns N items for N inputs, in input order, each with its
 * pairedItem; a failed item becomes an error item (Continue On Fail) or, after the items in
 * progress have settled, stops the node with an error naming the item. A cancelled execution
 * (Stop) ends every wait at once and stops the node with an error that names no item (the items
 * that failed then failed because their requests were aborted).
 */
export async function runBulk(
	ctx: IExecuteFunctions,
	work: (run: BulkRun, itemIndex: number) => Promise<IDataObject>,
	{ clock: baseClock = realClock, plan, defaults = {} }: BulkOptions = {},
): Promise<INodeExecutionData[][]> {
	const items = ctx.getInputData();
	const options = { ...defaults, ...(ctx.getNodeParameter('options', 0, {}) as IDataObject) };
	const maxConcurrent = Math.max(1, Math.floor(Number(options.maxConcurrent ?? BULK_DEFAULTS.maxConcurrent)));
	const requestsPerSecond = Number(options.requestsPerSecond ?? BULK_DEFAULTS.requestsPerSecond);
	const maxRetries = Math.max(0, Math.floor(Number(options.maxRetries ?? BULK_DEFAULTS.maxRetries)));
	const credentials = await ctx.getCredentials('useePayApi');
	let sharedFailure: Error | undefined;
	const signal = ctx.getExecutionCancelSignal();
	const clock = cancellableClock(baseClock, signal);
	const scheduler = new RequestScheduler({ maxConcurrent, requestsPerSecond, clock });
	const client = new BulkClient(
		n8nTransport(ctx, credentials),
		scheduler,
		{ ...DEFAULT_RETRY_POLICY, maxRetries },
		clock,
	);
	const run: BulkRun = {
		client,
		clock,
		signal,
		paging: pagingProfile(useePayBaseUrl(credentials)),
		itemCount: items.length,
		parameters: parameterReader(ctx, items),
		failAll: (failure, attempts) => (sharedFailure ??= failureError(ctx, failure, undefined, attempts)),
	};
	const cancelled = () => signal?.aborted === true;
	const order = plan ? await plan(run) : undefined;
	const continueOnFail = ctx.continueOnFail();
	// Items in progress: enough that items waiting out a Retry-After don't starve the rate.
	const workers = Math.max(8, maxConcurrent * 4);
	const itemWork = async (i: number) => {
		if (sharedFailure) throw sharedFailure;
		return await work(run, i);
	};
	const results = await runItems(items.length, workers, itemWork, {
		stopAtFirstError: !continueOnFail,
		cancelled,
		order,
		breathe: baseClock === realClock ? eventLoopBreather() : undefined,
	});
	if (cancelled()) throw new NodeOperationError(ctx.getNode(), 'The execution was cancelled');
	if (sharedFailure) throw sharedFailure;

	const output: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		const result = results[i];
		if (result?.ok) {
			output.push({ json: result.value, pairedItem: { item: i } });
			continue;
		}
		if (!continueOnFail || result === undefined) {
			// The first failed item in input order (those after it may not have run).
			const failed = results.findIndex((r) => r && !r.ok);
			// Nothing is lost: an item that never ran while none failed is a bug, not a success.
			if (failed < 0) throw new NodeOperationError(ctx.getNode(), `Item ${i} was not run`, { itemIndex: i });
			const failure = results[failed] as { ok: false; error: unknown };
			throw namingItem(failure.error, failed);
		}
		output.push(failedItem(ctx, result.error, i));
	}
	return [output];
}
