import type { IDataObject } from 'n8n-workflow';

import { forgetLedgers } from '../../nodes/UseePayTrigger/recentEvents';
import { deliver, eventJson, MERCHANT, newEventId, ran, sign } from './delivery';

beforeEach(() => forgetLedgers());

describe('UseePay Trigger webhook()', () => {
	it('starts the workflow with the event and the delivery headers when the signature verifies', async () => {
		const body = eventJson();
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

	it('decodes the form format (API Version before 2025-11-06) to the same item', async () => {
		const json = eventJson();
		const { result } = await deliver({
			body: `data=${encodeURIComponent(json)}`,
			headers: { sign: sign(json), 'content-type': 'application/x-www-form-urlencoded', api_version: '2024-10-10' },
			options: { apiVersion: '2024-10-10' },
		});
		expect(result.workflowData?.[0][0].json).toMatchObject({ ...JSON.parse(json), api_version: '2024-10-10' });
	});

	it.each([
		['a missing signature', {}],
		['a forged signature', { sign: sign('something else') }],
	])('answers 401 and runs nothing for %s', async (_name, headers) => {
		const answer = await deliver({ body: eventJson(), headers });
		expect(answer.statusCode).toBe(401);
		expect(answer.result).toEqual({ noWebhookResponse: true });
	});

	it('answers 401 when no public key is configured (fails closed)', async () => {
		const body = eventJson();
		const answer = await deliver({ body, headers: { sign: sign(body) }, publicKey: '' });
		expect(answer.statusCode).toBe(401);
		expect(ran(answer)).toBe(false);
	});

	it('answers 401 for another merchant in the merchant_no header, even with a valid signature', async () => {
		const body = eventJson();
		const answer = await deliver({ body, headers: { sign: sign(body), merchant_no: '999' } });
		expect(answer.statusCode).toBe(401);
		expect(ran(answer)).toBe(false);
	});

	it('runs a correctly signed delivery without a merchant_no header (UseePay may not send it)', async () => {
		const body = eventJson();
		const answer = await deliver({ body, headers: { sign: sign(body), merchant_no: undefined } });
		expect(answer.result.workflowData?.[0][0].json.merchant_no).toBe(MERCHANT);
	});

	it('answers 200 without running for an event that is not selected', async () => {
		const body = eventJson('refund.succeeded');
		const { result } = await deliver({ body, headers: { sign: sign(body) }, events: ['payment_intent.succeeded'] });
		expect(result.workflowData).toBeUndefined();
		expect(result.webhookResponse).toEqual({ received: true, ignored: 'event not selected' });
	});

	it('runs a retried delivery (same event id) once', async () => {
		const body = eventJson();
		const staticData: IDataObject = {};
		const first = await deliver({ body, headers: { sign: sign(body) }, staticData });
		const second = await deliver({ body, headers: { sign: sign(body) }, staticData });
		expect(ran(first)).toBe(true);
		expect(ran(second)).toBe(false);
		expect(second.result.webhookResponse).toEqual({ received: true, ignored: 'duplicate delivery' });
	});

	it('runs a test-URL delivery and the production delivery of the same event each once', async () => {
		const body = eventJson();
		const test = await deliver({ body, headers: { sign: sign(body) }, mode: 'manual' });
		const production = await deliver({ body, headers: { sign: sign(body) } });
		const again = await deliver({ body, headers: { sign: sign(body) } });
		expect([ran(test), ran(production), ran(again)]).toEqual([true, true, false]);
	});

	it('accepts an unsigned delivery only with the explicit insecure option', async () => {
		const { result } = await deliver({ body: eventJson(), options: { skipSignatureVerification: true } });
		expect(result.workflowData?.[0][0].json.signature_verified).toBe(false);
	});

	it('every output item carries the event id', async () => {
		const id = newEventId();
		const body = eventJson('refund.succeeded', id);
		const { result } = await deliver({ body, headers: { sign: sign(body) } });
		expect(result.workflowData?.[0][0].json.id).toBe(id);
	});

	it('reuses one read of the credential for the deliveries of the next few seconds', async () => {
		const credentialReads = { count: 0 };
		for (let i = 0; i < 3; i++) {
			const body = eventJson();
			expect(
				ran(await deliver({ body, headers: { sign: sign(body) }, credentialId: 'cred-reuse', credentialReads })),
			).toBe(true);
		}
		expect(credentialReads.count).toBe(1);
	});
});
