/**
 * Calls the trigger's webhook() the way n8n does for one HTTP delivery: raw body bytes, n8n's
 * lower-cased headers, the node's parameters, the credential, the node's static data and a
 * response object that records what was answered. Shared by the webhook and attack suites.
 */
import { createSign, generateKeyPairSync } from 'crypto';
import type { IDataObject, IHttpRequestOptions, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { UseePayTrigger } from '../../nodes/UseePayTrigger/UseePayTrigger.node';

export const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
export const publicKeyPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
export const sign = (payload: string | Buffer, privateKey = keys.privateKey) =>
	createSign('RSA-SHA256').update(payload).sign(privateKey, 'base64');
export const MERCHANT = '500000000007245';

export interface Delivery {
	body: string | Buffer;
	headers?: IDataObject;
	events?: string[];
	options?: IDataObject;
	staticData?: IDataObject;
	publicKey?: string;
	credentials?: IDataObject;
	workflowId?: string;
	mode?: string;
	/** The node's credential id (n8n passes it; reads of one credential may be reused briefly). */
	credentialId?: string;
	/** Counts n8n credential reads. */
	credentialReads?: { count: number };
	/** Answers UseePay API calls (Confirm With UseePay); none are expected by default. */
	api?: (options: IHttpRequestOptions) => Promise<{ statusCode: number; body: unknown }>;
}

export interface Answer {
	result: IWebhookResponseData;
	/** What the HTTP client sees: the node's own answer, or n8n's 200 for a webhookResponse / run. */
	statusCode: number;
	body: unknown;
	staticData: IDataObject;
	apiCalls: IHttpRequestOptions[];
}

/** One delivery through webhook(); a throw is returned as n8n would answer it (500). */
export async function deliver(delivery: Delivery): Promise<Answer> {
	const response = { statusCode: 0, body: undefined as unknown };
	const res = {
		status(code: number) {
			response.statusCode = code;
			return res;
		},
		json(body: unknown) {
			response.body = body;
			return res;
		},
		end: () => res,
	};
	const staticData = delivery.staticData ?? {};
	const params: IDataObject = { events: delivery.events ?? ['*'], options: delivery.options ?? {} };
	const apiCalls: IHttpRequestOptions[] = [];
	const context = {
		getRequestObject: () => ({ rawBody: Buffer.from(delivery.body) }),
		getResponseObject: () => res,
		getHeaderData: () => ({
			'content-type': 'application/json',
			merchant_no: MERCHANT,
			app_id: 'www.pay.com',
			api_version: '2026-04',
			...delivery.headers,
		}),
		getNodeParameter: (name: string, fallback: unknown) => params[name] ?? fallback,
		getCredentials: async () => (
			delivery.credentialReads && delivery.credentialReads.count++,
			{
				environment: 'custom',
				baseUrl: 'http://127.0.0.1:9',
				merchantNo: MERCHANT,
				webhookSignatureCert: delivery.publicKey ?? publicKeyPem,
				...delivery.credentials,
			}
		),
		getWorkflowStaticData: () => staticData,
		getWorkflow: () => ({ id: delivery.workflowId ?? 'wf-test' }),
		getNode: () => ({
			name: 'UseePay Trigger',
			credentials: delivery.credentialId ? { useePayApi: { id: delivery.credentialId, name: 'c' } } : undefined,
		}),
		getMode: () => delivery.mode ?? 'webhook',
		helpers: {
			returnJsonArray: (json: IDataObject) => [{ json }],
			httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
				apiCalls.push(options);
				if (!delivery.api) throw new Error(`unexpected UseePay call ${options.method} ${options.url}`);
				return await delivery.api(options);
			},
		},
	} as unknown as IWebhookFunctions;
	let result: IWebhookResponseData;
	try {
		result = await new UseePayTrigger().webhook.call(context);
	} catch (error) {
		return { result: {}, statusCode: 500, body: String(error), staticData, apiCalls };
	}
	if (!result.noWebhookResponse) {
		response.statusCode = 200;
		response.body = result.webhookResponse ?? { message: 'Workflow was started' };
	}
	return { result, statusCode: response.statusCode, body: response.body, staticData, apiCalls };
}

let counter = 0;
/** A fresh event id (UseePay's shape: `evt_` + 32 hex). */
export const newEventId = () => `evt_${(++counter).toString(16).padStart(32, '0')}`;

export const eventJson = (name = 'payment_intent.succeeded', id = newEventId(), data: IDataObject = {}) =>
	JSON.stringify({
		id,
		name,
		data: { id: 'pi_1', status: 'succeeded', amount: 10, merchant_no: MERCHANT, ...data },
	});

/** Did the delivery start the workflow? */
export const ran = (answer: Answer) => answer.result.workflowData !== undefined;
