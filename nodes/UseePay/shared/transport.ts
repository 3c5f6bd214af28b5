import type {
	IDataObject,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IWebhookFunctions,
	NodeApiError,
} from 'n8n-workflow';

import { useePayBaseUrl } from '../../../credentials/UseePayApi.credentials';
import { credentialSecrets, redactSecrets, useePayApiError } from './errors';
import type { PageAnswer } from './pagination';
import { pagingProfile, readList, readListPage, refusedPagingParameter } from './pagination';

/** Contexts that call UseePay from code (list search, the trigger's webhook lifecycle). */
export type UseePayCaller = ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

export interface UseePayRequest {
	method: IHttpRequestMethods;
	path: string;
	body?: IDataObject;
	qs?: IDataObject;
}

export interface UseePayResponse {
	statusCode: number;
	body: IDataObject;
}

/**
 * One authenticated UseePay call from code, on the credential's own base URL. A non-2xx answer
 * becomes the same NodeApiError the declarative operations raise; `allowStatus` lets a caller
 * take a status (e.g. 404) as an answer instead.
 */
export async function useePayRequest(
	this: UseePayCaller,
	request: UseePayRequest,
	allowStatus: number[] = [],
): Promise<UseePayResponse> {
	const credentials = await this.getCredentials('useePayApi');
	const response = await this.helpers.httpRequestWithAuthentication.call(this, 'useePayApi', {
		method: request.method,
		url: `${useePayBaseUrl(credentials)}${request.path}`,
		qs: request.qs,
		body: request.body,
		json: true,
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
	});
	const statusCode = Number(response.statusCode);
	const body = redactSecrets(response.body, credentialSecrets(credentials));
	if ((statusCode < 200 || statusCode >= 300) && !allowStatus.includes(statusCode)) {
		throw useePayApiError(this.getNode(), statusCode, body);
	}
	return { statusCode, body: (body ?? {}) as IDataObject };
}

/**
 * Every object of a UseePay list, page by page (for code that must see all, e.g. webhooks), with
 * the same paging as Get Many (pagination.ts readList).
 */
export async function useePayListAll(this: UseePayCaller, path: string, qs: IDataObject = {}): Promise<IDataObject[]> {
	const profile = pagingProfile(useePayBaseUrl(await this.getCredentials('useePayApi')));
	// A 400 may refuse a paging parameter readList can do without; any other failure throws.
	const fetchPage = async (query: IDataObject): Promise<PageAnswer<NodeApiError>> => {
		const { statusCode, body } = await useePayRequest.call(this, { method: 'GET', path, qs: query }, [400]);
		if (statusCode < 300) return { page: readListPage(body) };
		const failed = useePayApiError(this.getNode(), statusCode, body);
		const refused = refusedPagingParameter(statusCode, body);
		return refused ? { refused, failed } : { failed };
	};
	const all: IDataObject[] = [];
	for await (const page of readList(fetchPage, profile, { query: qs })) {
		if ('failed' in page) throw page.failed;
		all.push(...page.items);
	}
	return all;
}
