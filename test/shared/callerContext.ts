import type { IHttpRequestOptions, ILoadOptionsFunctions } from 'n8n-workflow';

import { TEST_CREDENTIALS } from '../support/n8n';

/** The part of n8n's context that code listing UseePay uses (list search, useePayListAll), sending over real HTTP. */
export function loadOptionsContext(baseUrl: string): ILoadOptionsFunctions {
	const credentials = { environment: 'custom', baseUrl, ...TEST_CREDENTIALS };
	return {
		getCredentials: async () => credentials,
		getNode: () => ({ name: 'UseePay', type: 'useePay', typeVersion: 1, parameters: {}, id: '1', position: [0, 0] }),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				const url = new URL(options.url);
				for (const [key, value] of Object.entries(options.qs ?? {})) url.searchParams.set(key, String(value));
				const response = await fetch(url, { method: options.method, headers: { 'x-api-key': credentials.apiKey } });
				return { statusCode: response.status, body: await response.json(), headers: {} };
			},
		},
	} as unknown as ILoadOptionsFunctions;
}
