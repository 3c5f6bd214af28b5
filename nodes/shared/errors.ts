import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { credentialSecrets, redactSecrets } from './secrets';

// Masking the credential's secrets lives in secrets.ts; transport.ts reads it from here too.
export { credentialSecrets, redactSecrets };

/** UseePay's error body: a flat `{code, source, message}` (its "Errors" section). */
export interface UseePayErrorBody {
	code?: string | null;
	source?: string | null;
	message?: string | null;
	decline_code?: string | null;
}

function asErrorBody(body: unknown): UseePayErrorBody {
	if (typeof body === 'string') {
		try {
			return asErrorBody(JSON.parse(body));
		} catch {
			return { message: body.slice(0, 300) };
		}
	}
	if (body && typeof body === 'object' && !Array.isArray(body)) return body as UseePayErrorBody;
	return {};
}

const STATUS_MEANING: Record<number, string> = {
	400: 'UseePay rejected the request',
	401: 'UseePay did not accept the credentials',
	404: 'UseePay could not find it',
	429: 'UseePay is rate limiting this merchant',
};

/**
 * Builds the NodeApiError for a non-2xx UseePay answer. Only UseePay's own body goes into it,
 * never the request, and callers hand it the body with the credential's secrets redacted
 * (redactSecrets), so the API key cannot leak into an error even when the answer echoes it.
 */
export function useePayApiError(
	node: INode,
	statusCode: number,
	responseBody: unknown,
	itemIndex?: number,
): NodeApiError {
	const body = asErrorBody(responseBody);
	const what =
		STATUS_MEANING[statusCode] ?? (statusCode >= 500 ? 'UseePay had a server problem' : 'UseePay refused the request');
	const message = body.message ? `${what}: ${body.message}` : `${what} (HTTP ${statusCode})`;
	const details = [
		body.code ? `Code: ${body.code}` : undefined,
		body.source ? `Field: ${body.source}` : undefined,
		`HTTP ${statusCode}`,
	].filter(Boolean);
	const error = new NodeApiError(node, { ...body, httpCode: statusCode } as JsonObject, {
		message,
		description: details.join(' · '),
		httpCode: String(statusCode),
		itemIndex,
	});
	error.context.useePay = {
		code: body.code ?? null,
		source: body.source ?? null,
		message: body.message ?? null,
		...(body.decline_code ? { decline_code: body.decline_code } : {}),
	};
	return error;
}

/** The output item that stands for a failed item when the node continues on fail. */
export function errorItem(error: NodeApiError): INodeExecutionData {
	const useePay = (error.context.useePay ?? {}) as IDataObject;
	return {
		json: {
			error: error.message,
			code: useePay.code ?? null,
			source: useePay.source ?? null,
			httpCode: error.httpCode ?? null,
			...(useePay.decline_code !== undefined ? { decline_code: useePay.decline_code } : {}),
			...(useePay.status !== undefined ? { status: useePay.status } : {}),
			...(useePay.id !== undefined ? { id: useePay.id } : {}),
		},
	};
}

/** Stops the item with the error, or (Continue On Fail) hands back the error item instead. */
function failItem(ctx: IExecuteSingleFunctions, error: NodeApiError): INodeExecutionData[] {
	if (ctx.continueOnFail()) return [errorItem(error)];
	throw error;
}

/**
 * postReceive for every operation, first: the credential's secrets are redacted from the answer
 * (items and body) before anything reads it, and a non-2xx answer fails the item. The node sends
 * with ignoreHttpStatusErrors so that UseePay's `{code, source, message}` reaches the user instead
 * of a generic axios message.
 */
export async function throwOnUseePayError(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const secrets = credentialSecrets(await this.getCredentials('useePayApi'));
	const answered = items.map((item) => ({ ...item, json: redactSecrets(item.json, secrets) }));
	if (response.statusCode >= 200 && response.statusCode < 300) return answered;
	const body = redactSecrets(response.body, secrets);
	return failItem(this, useePayApiError(this.getNode(), response.statusCode, body, this.getItemIndex()));
}

/** Statuses of a returned object that report a failed payment (PaymentIntent / invoice). */
const FAILED_STATUSES = ['failed', 'payment_failed'];
/**
 * Statuses in which a `last_payment_error` is history, not the outcome of this call: a payment
 * that succeeded (or awaits capture, the customer, or the network) after an earlier failed try.
 * `requires_customer_action` is not a failure: the object comes back with its `next_action`.
 */
const NOT_FAILED_STATUSES = ['succeeded', 'requires_capture', 'requires_customer_action', 'pending'];

function isFilledObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length > 0;
}

const asText = (value: unknown) => (value === undefined || value === null || value === '' ? null : String(value));

/**
 * The NodeApiError for a 2xx object that reports a failed payment (UseePay's "Errors" section): `status`
 * `failed` / `payment_failed`, or a `last_payment_error`. Undefined when the object did not fail.
 */
export function domainFailureError(
	node: INode,
	object: IDataObject,
	what: string,
	statusCode: number,
	itemIndex?: number,
): NodeApiError | undefined {
	const status = asText(object.status);
	const lastError = isFilledObject(object.last_payment_error) ? object.last_payment_error : undefined;
	const failed =
		(status !== null && FAILED_STATUSES.includes(status)) ||
		(lastError !== undefined && (status === null || !NOT_FAILED_STATUSES.includes(status)));
	if (!failed) return undefined;
	const source = lastError ?? object;
	const code = asText(source.code) ?? asText(object.code);
	const declineCode = asText(source.decline_code) ?? asText(object.decline_code);
	const reason = asText(source.message) ?? asText(object.message);
	const id = asText(object.id);
	const codes = [code ? `code: ${code}` : undefined, declineCode ? `decline code: ${declineCode}` : undefined].filter(
		Boolean,
	);
	const message =
		`The payment of ${what}${id ? ` ${id}` : ''} failed` +
		(reason ? `: ${reason}` : '') +
		(codes.length ? ` (${codes.join(', ')})` : '');
	const details = [
		status ? `Status: ${status}` : undefined,
		code ? `Code: ${code}` : undefined,
		declineCode ? `Decline code: ${declineCode}` : undefined,
	].filter(Boolean);
	const error = new NodeApiError(node, { code, decline_code: declineCode, message: reason, status, id } as JsonObject, {
		message,
		description: details.join(' · '),
		httpCode: String(statusCode),
		itemIndex,
	});
	error.context.useePay = {
		code,
		source: asText(object.source),
		message: reason,
		decline_code: declineCode,
		status,
		id,
	};
	return error;
}

/**
 * postReceive for operations that move money (Payment Intent Create / Confirm / Capture, Invoice
 * Pay): UseePay can answer 200 with an object whose payment failed; that fails the item, with
 * UseePay's code and decline code, instead of passing as a success.
 */
export async function surfaceDomainFailure(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode < 200 || response.statusCode >= 300) return items;
	const what = this.getNodeParameter('resource', '') === 'invoice' ? 'invoice' : 'payment intent';
	for (const item of items) {
		const error = domainFailureError(this.getNode(), item.json, what, response.statusCode, this.getItemIndex());
		if (error) return failItem(this, error);
	}
	return items;
}
