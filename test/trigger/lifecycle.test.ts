import axios from 'axios';
import type { IDataObject, IHookFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { createEmulator } from '../../emulator/server';
import { UseePayTrigger } from '../../nodes/UseePayTrigger/UseePayTrigger.node';

const MERCHANT = { merchantNo: '500000000001234', apiKey: 'UseePay_SK_emulator', appId: 'shop.example.com' };
const PROD_URL = 'http://127.0.0.1:5678/webhook/6f1c1f3e-0000-4000-8000-00000000abcd/webhook';
const TEST_URL = 'http://127.0.0.1:5678/webhook-test/6f1c1f3e-0000-4000-8000-00000000abcd/webhook';

describe('UseePay Trigger lifecycle against the emulator', () => {
	let emulator: ReturnType<typeof createEmulator>;
	let baseUrl: string;

	beforeEach(async () => {
		emulator = createEmulator();
		({ url: baseUrl } = await emulator.listen(0));
	});

	afterEach(async () => {
		await emulator.close();
	});

	/** IHookFunctions for one node: real HTTP to the emulator with the credential's headers. */
	function hooks(state: { events: string[]; url?: string; staticData?: IDataObject; publicKey?: string }) {
		const staticData = state.staticData ?? {};
		const warnings: string[] = [];
		const context = {
			getNodeParameter: (name: string, fallback: unknown) =>
				name === 'events' ? state.events : name === 'options' ? {} : fallback,
			getNodeWebhookUrl: () => state.url ?? PROD_URL,
			getWorkflowStaticData: () => staticData,
			getWorkflow: () => ({ id: 'wf1' }),
			getNode: () => ({ name: 'UseePay Trigger' }),
			getCredentials: async () => ({
				environment: 'custom',
				baseUrl,
				...MERCHANT,
				webhookSignatureCert: state.publicKey ?? emulator.publicKeyPem,
			}),
			logger: { warn: (message: string) => warnings.push(message) },
			helpers: {
				httpRequestWithAuthentication: async (_type: string, options: IHttpRequestOptions) => {
					const response = await axios.request({
						method: options.method,
						url: options.url,
						params: options.qs,
						data: options.body,
						headers: { 'x-merchant-no': MERCHANT.merchantNo, 'x-api-key': MERCHANT.apiKey, 'x-app-id': MERCHANT.appId },
						validateStatus: () => true,
					});
					return { statusCode: response.status, body: response.data, headers: response.headers };
				},
			},
		} as unknown as IHookFunctions;
		return { context, staticData, warnings };
	}

	const methods = new UseePayTrigger().webhookMethods.default;

	async function endpoints(): Promise<IDataObject[]> {
		const response = await axios.get(`${baseUrl}/api/v1/webhooks`, {
			params: { page_size: 100 },
			headers: { 'x-merchant-no': MERCHANT.merchantNo, 'x-api-key': MERCHANT.apiKey, 'x-app-id': MERCHANT.appId },
		});
		return response.data.items;
	}

	/** What n8n does on activation: checkExists, then create when it returns false. */
	async function activate(context: IHookFunctions) {
		if (!(await methods.checkExists.call(context))) await methods.create.call(context);
	}

	it('create → checkExists finds it by URL → delete disables it', async () => {
		const node = hooks({ events: ['payment_intent.succeeded'] });
		expect(await methods.checkExists.call(node.context)).toBe(false);
		await methods.create.call(node.context);
		const [created] = await endpoints();
		expect(created).toMatchObject({ url: PROD_URL, events: ['payment_intent.succeeded'], api_version: '2026-04' });
		expect(node.staticData.webhookId).toBe(created.id);

		const fresh = hooks({ events: ['payment_intent.succeeded'] }); // e.g. after a restart, static data lost
		expect(await methods.checkExists.call(fresh.context)).toBe(true);
		expect(fresh.staticData.webhookId).toBe(created.id);

		expect(await methods.delete.call(node.context)).toBe(true);
		expect((await endpoints()).map((e) => e.status)).toEqual(['disabled']);
		expect(node.staticData.webhookId).toBeUndefined();
	});

	it('changed events are reconciled on the same endpoint, not duplicated', async () => {
		await activate(hooks({ events: ['payment_intent.succeeded'] }).context);
		await activate(hooks({ events: ['payment_intent.succeeded', 'refund.succeeded'] }).context);
		const all = await endpoints();
		expect(all).toHaveLength(1);
		expect([...(all[0].events as string[])].sort()).toEqual(['payment_intent.succeeded', 'refund.succeeded']);
	});

	it('re-activation after deactivation leaves exactly one enabled endpoint; test and production URLs are separate', async () => {
		const prod = hooks({ events: ['*'] });
		await activate(prod.context);
		await methods.delete.call(prod.context);
		await activate(hooks({ events: ['*'] }).context);
		await activate(hooks({ events: ['*'], url: TEST_URL }).context);
		const enabled = (await endpoints()).filter((e) => e.status !== 'disabled');
		expect(enabled.map((e) => e.url).sort()).toEqual([PROD_URL, TEST_URL].sort());
	});

	it('duplicates left by someone else are disabled down to one', async () => {
		const headers = { 'x-merchant-no': MERCHANT.merchantNo, 'x-api-key': MERCHANT.apiKey, 'x-app-id': MERCHANT.appId };
		for (let i = 0; i < 2; i++) {
			await axios.post(`${baseUrl}/api/v1/webhooks/create`, { url: PROD_URL, events: ['*'] }, { headers });
		}
		expect(await methods.checkExists.call(hooks({ events: ['*'] }).context)).toBe(true);
		expect((await endpoints()).filter((e) => e.status !== 'disabled')).toHaveLength(1);
	});

	it('delete tolerates an endpoint that no longer exists', async () => {
		const node = hooks({ events: ['*'], staticData: { webhookId: 'wek_does_not_exist' } });
		expect(await methods.delete.call(node.context)).toBe(true);
		expect(node.warnings).toEqual([]);
	});

	it('delete logs (does not swallow) a failure and reports it', async () => {
		const node = hooks({ events: ['*'], staticData: { webhookId: 'wek_1' } });
		await emulator.close();
		expect(await methods.delete.call(node.context)).toBe(false);
		expect(node.warnings[0]).toMatch(/could not disable its webhook endpoint/);
		emulator = createEmulator();
		await emulator.listen(0);
	});

	it('activation fails with a pointer to Merchant Center when no public key is configured', async () => {
		const node = hooks({ events: ['*'], publicKey: '' });
		await expect(methods.checkExists.call(node.context)).rejects.toThrow(/UseePay Public Key is not set/);
		await expect(methods.create.call(node.context)).rejects.toMatchObject({
			description: expect.stringMatching(/Secret Key Management/),
		});
		expect(await endpoints()).toHaveLength(0);
	});

	it('activation refuses an EC key or a short RSA key and says why, before any endpoint exists', async () => {
		const { generateKeyPairSync } = await import('crypto');
		const pemOf = (key: import('crypto').KeyObject) => key.export({ type: 'spki', format: 'pem' }).toString();
		const ec = pemOf(generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey);
		const short = pemOf(generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey);
		await expect(methods.checkExists.call(hooks({ events: ['*'], publicKey: ec }).context)).rejects.toThrow(
			'UseePay Public Key is an EC key; UseePay signs with RSA: events cannot be verified',
		);
		await expect(methods.create.call(hooks({ events: ['*'], publicKey: short }).context)).rejects.toThrow(
			/is a 1024-bit RSA key/,
		);
		expect(await endpoints()).toHaveLength(0);
	});

	it('activation sends status enabled explicitly, even when nothing else drifted', async () => {
		await activate(hooks({ events: ['*'] }).context);
		const [endpoint] = await endpoints();
		const before = emulator.requests().length;
		expect(await methods.checkExists.call(hooks({ events: ['*'] }).context)).toBe(true);
		const updates = emulator
			.requests()
			.slice(before)
			.filter((r) => r.method === 'POST' && r.path === `/api/v1/webhooks/${endpoint.id}`);
		expect(updates.map((r) => r.body)).toEqual([{ events: ['*'], api_version: '2026-04', status: 'enabled' }]);
	});

	it("an endpoint whose status reads null (as in UseePay's update sample) is enabled again, not trusted", async () => {
		await activate(hooks({ events: ['*'] }).context);
		const [endpoint] = await endpoints();
		emulator.store.get(MERCHANT.merchantNo, 'webhooks', String(endpoint.id))!.status = null;
		expect(await methods.checkExists.call(hooks({ events: ['*'] }).context)).toBe(true);
		expect((await endpoints()).map((e) => [e.id, e.status])).toEqual([[endpoint.id, 'enabled']]);
	});

	it('unpublishing disables an endpoint whose status reads null', async () => {
		const node = hooks({ events: ['*'] });
		await activate(node.context);
		const [endpoint] = await endpoints();
		emulator.store.get(MERCHANT.merchantNo, 'webhooks', String(endpoint.id))!.status = null;
		delete node.staticData.webhookId;
		expect(await methods.delete.call(node.context)).toBe(true);
		expect((await endpoints()).map((e) => e.status)).toEqual(['disabled']);
	});

	it('re-publishing enables the endpoint disabled on unpublish instead of adding another', async () => {
		const node = hooks({ events: ['*'] });
		await activate(node.context);
		await methods.delete.call(node.context);
		await activate(hooks({ events: ['*'] }).context);
		expect((await endpoints()).map((e) => e.status)).toEqual(['enabled']);
	});
});
