import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

/** UseePay's error body: a flat `{code, source, message}` (core.md §2). */
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
 * never the request, so the API key cannot leak into an error.
 */
export function useePayApiError(
	node: INode,
	statusCode: number,
	responseBody: unknown,
	itemIndex?: number,
): NodeApiError {
	const body = asErrorBody(responseBody);
	const what = STATUS_MEANING[statusCode] ?? (statusCode >= 500 ? 'UseePay had a server problem' : 'UseePay refused the request');
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
	error.context.useePay = { code: body.code ?? null, source: body.source ?? null, message: body.message ?? null };
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
			...(useePay.decline_code ? { decline_code: useePay.decline_code } : {}),
		},
	};
}

/**
 * postReceive for every operation: the node sends with ignoreHttpStatusErrors so that
 * UseePay's `{code, source, message}` reaches the user instead of a generic axios message.
 */
export async function throwOnUseePayError(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (response.statusCode >= 200 && response.statusCode < 300) return items;
	const error = useePayApiError(this.getNode(), response.statusCode, response.body, this.getItemIndex());
	if (this.continueOnFail()) return [errorItem(error)];
	throw error;
}
