import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IWebhookFunctions,
	NodeApiError,
} from 'n8n-workflow';

import { useePayBaseUrl } from '../../credentials/UseePayApi.credentials';
import { credentialSecrets, redactSecrets, useePayApiError } from './errors';
import type { PageAnswer } from './listPage';
import { pageAnswer } from './listPage';
import type { PagingProfile } from './pagination';
import { pagingFailure, pagingProfile, readList } from './pagination';

/** Contexts that call UseePay from code: list search, the bulk operations, the trigger. */
export type UseePayCaller = ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions | IExecuteFunctions;

export interface UseePayRequest {
	method: IHttpRequestMethods;
	/** Path under the credential's base URL, already encoded. */
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
}

/** UseePay's answer, whatever its status, with the credential's secrets redacted. */
export interface UseePayAnswer {
	statusCode: number;
	body: unknown;
	headers: IDataObject;
}

export interface SendOptions {
	/** The node's credential, read once by a caller that sends many requests. */
	credentials?: ICredentialDataDecryptedObject;
	/** Milliseconds after which the request counts as unanswered. */
	timeout?: number;
}

/**
 * The one way code sends a request to UseePay: through n8n's HTTP helper with the node's UseePay
 * credential, on the credential's own base URL, never throwing for an HTTP status. Secrets are
 * redacted here, where every answer comes in: errors and output items are made from it. Given
 * the credential (`options.credentials`), it is handed to the helper too: otherwise n8n loads it
 * from its database and decrypts it again for every request (about 1.4 ms of CPU each).
 */
export async function sendToUseePay(
	this: UseePayCaller,
	request: UseePayRequest,
	options: SendOptions = {},
): Promise<UseePayAnswer> {
	const credentials =
		options.credentials ?? ((await this.getCredentials('useePayApi')) as ICredentialDataDecryptedObject);
	const reference = this.getNode().credentials?.useePayApi;
	const credentialsDecrypted = options.credentials
		? { id: reference?.id ?? '', name: reference?.name ?? '', type: 'useePayApi', data: credentials }
		: undefined;
	const response = await this.helpers.httpRequestWithAuthentication.call(
		this,
		'useePayApi',
		{
			method: request.method,
			url: `${useePayBaseUrl(credentials)}${request.path}`,
			qs: request.qs,
			body: request.body,
			headers: { Accept: 'application/json' },
			json: true,
			ignoreHttpStatusErrors: true,
			returnFullResponse: true,
			...(options.timeout ? { timeout: options.timeout } : {}),
		},
		credentialsDecrypted ? { credentialsDecrypted } : undefined,
	);
	return {
		statusCode: Number(response.statusCode),
		body: redactSecrets(response.body, credentialSecrets(credentials)),
		headers: (response.headers ?? {}) as IDataObject,
	};
}

/**
 * One UseePay call whose answer must be a 2xx: any other status becomes the same NodeApiError the
 * declarative operations raise; `allowStatus` lets a caller take a status (e.g. 404) as an answer.
 */
export async function useePayRequest(
	this: UseePayCaller,
	request: UseePayRequest,
	allowStatus: number[] = [],
): Promise<{ statusCode: number; body: IDataObject }> {
	const { statusCode, body } = await sendToUseePay.call(this, request);
	if ((statusCode < 200 || statusCode >= 300) && !allowStatus.includes(statusCode)) {
		throw useePayApiError(this.getNode(), statusCode, body);
	}
	return { statusCode, body: (body ?? {}) as IDataObject };
}

/** The paging profile of the node credential's base URL (pagination.ts). */
export async function useePayPagingProfile(this: UseePayCaller): Promise<PagingProfile> {
	return pagingProfile(useePayBaseUrl(await this.getCredentials('useePayApi')));
}

/**
 * One page request of the list at `path`, as readList takes it: a 400 may refuse a paging
 * parameter readList can do without; any other failure throws.
 */
export function useePayPages(this: UseePayCaller, path: string) {
	return async (query: IDataObject): Promise<PageAnswer<NodeApiError>> => {
		const { statusCode, body } = await useePayRequest.call(this, { method: 'GET', path, qs: query }, [400]);
		return pageAnswer(statusCode, body, () => useePayApiError(this.getNode(), statusCode, body));
	};
}

/**
 * Every object of a UseePay list, page by page (for code that must see all, e.g. webhooks), with
 * the same paging, pacing and guards as Get Many (pagination.ts readList).
 */
export async function useePayListAll(this: UseePayCaller, path: string, qs: IDataObject = {}): Promise<IDataObject[]> {
	const profile = await useePayPagingProfile.call(this);
	const all: IDataObject[] = [];
	try {
		for await (const page of readList(useePayPages.call(this, path), profile, { query: qs })) {
			if ('failed' in page) throw page.failed;
			all.push(...page.items);
		}
	} catch (error) {
		throw pagingFailure(this.getNode(), error);
	}
	return all;
}
