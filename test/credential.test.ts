import type { INode, INodeTypes } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { UseePayApi, USEEPAY_BASE_URL_EXPRESSION, useePayBaseUrl } from '../credentials/UseePayApi.credentials';
import { UseePay } from '../nodes/UseePay/UseePay.node';
import { credentialTestNode, runUseePay, TEST_CREDENTIALS } from './support/n8n';
import type { Recorder } from '../tools/lib/recorder';
import { startRecorder } from '../tools/lib/recorder';

function evaluateBaseUrl(credentials: Record<string, string>): unknown {
	const nodeTypes = { getByNameAndVersion: () => new UseePay() } as unknown as INodeTypes;
	const node = { id: '1', name: 'UseePay', type: 'useePay', typeVersion: 1, position: [0, 0], parameters: {} } as INode;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	return workflow.expression.getSimpleParameterValue(node, USEEPAY_BASE_URL_EXPRESSION, 'internal', {
		$credentials: credentials,
	});
}

describe('UseePay API credential', () => {
	it.each([
		[{ environment: 'production' }, 'https://openapi.useepay.com'],
		[{ environment: 'sandbox' }, 'https://openapi1.uat.useepay.com'],
		[{ environment: 'custom', baseUrl: 'http://127.0.0.1:4010//' }, 'http://127.0.0.1:4010'],
	])('the base URL expression and useePayBaseUrl() agree for %j', (credentials, expected) => {
		expect(evaluateBaseUrl(credentials)).toBe(expected);
		expect(useePayBaseUrl(credentials)).toBe(expected);
	});

	it('sends the three UseePay headers and masks the secrets', async () => {
		const credential = new UseePayApi();
		const authenticated = await credential.authenticate(
			{ merchantNo: '500000000007245', apiKey: 'UseePay_SK_x', appId: 'www.pay.com' },
			{ url: '/api/v1/customers', headers: { Accept: 'application/json' } },
		);
		expect(authenticated.headers).toEqual({
			Accept: 'application/json',
			'x-merchant-no': '500000000007245',
			'x-api-key': 'UseePay_SK_x',
			'x-app-id': 'www.pay.com',
		});
		const masked = credential.properties.filter((p) => p.typeOptions?.password).map((p) => p.name);
		expect(masked).toEqual(['apiKey', 'webhookSignatureCert']);
	});

	describe('the Test button request', () => {
		let api: Recorder;

		beforeEach(async () => {
			api = await startRecorder(() => ({ status: 200, body: { items: [], has_more: false } }));
		});

		afterEach(async () => {
			await api.close();
		});

		it('is a cheap authenticated GET of one customer', async () => {
			const { error } = await runUseePay({
				baseUrl: api.url,
				parameters: {},
				nodeType: credentialTestNode(new UseePayApi()),
			});
			expect(error).toBeUndefined();
			expect(api.requests).toHaveLength(1);
			const [request] = api.requests;
			expect(request.method).toBe('GET');
			expect(request.path).toBe('/api/v1/customers');
			expect(request.query).toEqual({ page_num: '0', page_size: '1' });
			expect(request.headers['x-merchant-no']).toBe(TEST_CREDENTIALS.merchantNo);
			expect(request.headers['x-api-key']).toBe(TEST_CREDENTIALS.apiKey);
			expect(request.headers['x-app-id']).toBe(TEST_CREDENTIALS.appId);
		});

		it('a 401 fails the test request; the 401 rule, whose message n8n shows then, says where to look (its effect in n8n: e2e)', async () => {
			api.setResponder(() => ({ status: 401, body: { code: 'unauthorized', message: 'Invalid API key' } }));
			const { error } = await runUseePay({
				baseUrl: api.url,
				parameters: {},
				nodeType: credentialTestNode(new UseePayApi()),
			});
			expect(error).toBeDefined();
			const rule = new UseePayApi().test.rules?.find((r) => r.type === 'responseCode' && r.properties.value === 401);
			expect(rule?.properties.message).toMatch(/Secret Key Management/);
		});
	});
});
