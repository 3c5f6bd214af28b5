import { createSign, generateKeyPairSync } from 'crypto';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { UseePayTrigger } from '../../nodes/UseePayTrigger/UseePayTrigger.node';

const keys = generateKeyPairSync('rsa', { modulusLength: 2048 });
const publicKeyPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
const sign = (payload: string) => createSign('RSA-SHA256').update(payload).sign(keys.privateKey, 'base64');
const MERCHANT = '500000000007245';

interface Delivery {
	body: string;
	headers?: IDataObject;
	events?: string[];
	options?: IDataObject;
	staticData?: IDataObject;
	publicKey?: string;
}

/** A mocked IWebhookFunctions around one delivery; returns what webhook() answered. */
async function deliver(delivery: Delivery) {
	const response = { statusCode: 200, body: undefined as unknown };
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
		getCredentials: async () => ({ merchantNo: MERCHANT, webhookSignatureCert: delivery.publicKey ?? publicKeyPem }),
		getWorkflowStaticData: () => staticData,
		helpers: { returnJsonArray: (json: IDataObject) => [{ json }] },
	} as unknown as IWebhookFunctions;
	const result = await new UseePayTrigger().webhook.call(context);
	return { result, response, staticData };
}

const event = (name = 'payment_intent.succeeded', id = 'evt_00000000000000000000000000000001') =>
	JSON.stringify({ id, name, data: { id: 'pi_1', status: 'succeeded', amount: 10 } });

describe('UseePay Trigger webhook()', () => {
	it('starts the workflow with the event and the delivery headers when the signature verifies', async () => {
		const body = event();
		const { result } = await deliver({ body, headers: { sign: sign(body) } });
		expect(result.workflowData).toEqual([
			[
				{
					json: {
						...JSON.parse(body),
						merchant_no: MERCHANT,
						app_id: 'www.pay.com',
						api_version: '2026-04',
						signature_verified: true,
					},
				},
			],
		]);
	});

	it('decodes the form format to the same item', async () => {
		const json = event();
		const { result } = await deliver({
			body: `data=${encodeURIComponent(json)}`,
			headers: { sign: sign(json), 'content-type': 'application/x-www-form-urlencoded', api_version: '2024-10-10' },
		});
		expect(result.workflowData?.[0][0].json).toMatchObject({ ...JSON.parse(json), api_version: '2024-10-10' });
	});

	it.each([
		['a missing signature', {}],
		['a forged signature', { sign: sign('something else') }],
	])('answers 401 and runs nothing for %s', async (_name, headers) => {
		const { result, response } = await deliver({ body: event(), headers });
		expect(response.statusCode).toBe(401);
		expect(result).toEqual({ noWebhookResponse: true });
	});

	it('answers 401 when no public key is configured (fails closed)', async () => {
		const body = event();
		const { result, response } = await deliver({ body, headers: { sign: sign(body) }, publicKey: '' });
		expect(response.statusCode).toBe(401);
		expect(result.workflowData).toBeUndefined();
	});

	it('answers 401 for another merchant, even with a valid signature', async () => {
		const body = event();
		const { response, result } = await deliver({ body, headers: { sign: sign(body), merchant_no: '999' } });
		expect(response.statusCode).toBe(401);
		expect(result.workflowData).toBeUndefined();
	});

	it('answers 200 without running for an event that is not selected', async () => {
		const body = event('refund.succeeded');
		const { result } = await deliver({ body, headers: { sign: sign(body) }, events: ['payment_intent.succeeded'] });
		expect(result.workflowData).toBeUndefined();
		expect(result.webhookResponse).toEqual({ received: true, ignored: 'event not selected' });
	});

	it('runs a retried delivery (same event id) once', async () => {
		const body = event();
		const staticData: IDataObject = {};
		const first = await deliver({ body, headers: { sign: sign(body) }, staticData });
		const second = await deliver({ body, headers: { sign: sign(body) }, staticData });
		expect(first.result.workflowData).toHaveLength(1);
		expect(second.result.workflowData).toBeUndefined();
		expect(second.result.webhookResponse).toEqual({ received: true, ignored: 'duplicate delivery' });
	});

	it('accepts an unsigned delivery only with the explicit insecure option', async () => {
		const { result } = await deliver({ body: event(), options: { skipSignatureVerification: true } });
		expect(result.workflowData?.[0][0].json.signature_verified).toBe(false);
	});
});
