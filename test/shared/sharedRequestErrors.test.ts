/**
 * A request all items share fails with an error that names no item: the list search of a
 * resource locator (From List) and Create or Update's index read (the customer list read once
 * for all rows). An item's own request still names its item.
 */
import { LoadOptionsContext } from 'n8n-core';
import type { IWorkflowExecuteAdditionalData } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { UseePayApi } from '../../credentials/UseePayApi.credentials';
import { UseePay } from '../../nodes/UseePay/UseePay.node';
import { CredentialsHelper, NodeTypes, runUseePay, TEST_CREDENTIALS } from '../support/n8n';
import type { Recorder } from '../../tools/lib/recorder';
import { startRecorder } from '../../tools/lib/recorder';

const REFUSED = { status: 401, body: { code: 'unauthorized', source: null, message: 'Invalid API key' } };
const MESSAGE = 'UseePay did not accept the credentials: Invalid API key';

/** The context n8n's server gives a list search (DynamicNodeParametersService.getThisArg). */
function listSearchContext(baseUrl: string) {
	const node = {
		id: 'useepay',
		name: 'UseePay',
		type: 'n8n-nodes-useepay.useePay',
		typeVersion: 1,
		position: [0, 0] as [number, number],
		parameters: { resource: 'customer', operation: 'get' },
		credentials: { useePayApi: { id: 'cred-1', name: 'UseePay test' } },
	};
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: new NodeTypes({ 'n8n-nodes-useepay.useePay': new UseePay() }),
	});
	const credentials = { useePayApi: { environment: 'custom', baseUrl, ...TEST_CREDENTIALS } };
	const additionalData = {
		credentialsHelper: new CredentialsHelper({ useePayApi: new UseePayApi() }, credentials),
	} as unknown as IWorkflowExecuteAdditionalData;
	return new LoadOptionsContext(workflow, node, additionalData, 'parameters.customerId');
}

const FAST = { requestsPerSecond: 1000, maxRetries: 0 };

describe('errors of a request all items share name no item', () => {
	let api: Recorder;
	beforeEach(async () => {
		api = await startRecorder(() => REFUSED);
	});
	afterEach(async () => {
		await api.close();
	});

	it('list search (From List) refused: UseePay’s error, no item in its message or context', async () => {
		const search = new UseePay().methods.listSearch.searchCustomer;
		const error = await search.call(listSearchContext(api.url), '').catch((e: unknown) => e);
		expect(error).toMatchObject({ name: 'NodeApiError', message: MESSAGE, httpCode: '401' });
		expect((error as { context: object }).context).not.toHaveProperty('itemIndex');
		expect(api.requests.map((r) => [r.method, r.path, r.query])).toEqual([
			['GET', '/api/v1/customers', { page_num: '0', page_size: '50' }],
		]);
	});

	it('Create or Update, 3 rows, the index read refused: one request, the run fails naming no item', async () => {
		const { error, items } = await runUseePay({
			baseUrl: api.url,
			items: [{ crm: 'CRM-0' }, { crm: 'CRM-1' }, { crm: 'CRM-2' }],
			parameters: {
				resource: 'customer',
				operation: 'createOrUpdate',
				merchant_customer_id: '={{ $json.crm }}',
				options: FAST,
			},
		});
		expect(items).toEqual([]);
		expect(error?.message).toBe(MESSAGE);
		expect(error?.context?.itemIndex).toBeUndefined();
		expect(error?.context?.useePay).toEqual({ code: 'unauthorized', source: null, message: 'Invalid API key' });
		// the rows did not each send their own lookup only to be refused alike
		expect(api.requests.map((r) => [r.method, r.path, r.query])).toEqual([
			['GET', '/api/v1/customers', { page_num: '0', page_size: '100' }],
		]);
	});

	it('Create or Update, 1 row: its own lookup refused names the item', async () => {
		const { error } = await runUseePay({
			baseUrl: api.url,
			items: [{ crm: 'CRM-0' }],
			parameters: {
				resource: 'customer',
				operation: 'createOrUpdate',
				merchant_customer_id: '={{ $json.crm }}',
				options: FAST,
			},
		});
		expect(error?.message).toBe(`${MESSAGE} [item 0]`);
		expect(error?.context?.itemIndex).toBe(0);
		expect(api.requests.map((r) => [r.method, r.path, r.query])).toEqual([
			['GET', '/api/v1/customers', { merchant_customer_id: 'CRM-0', page_num: '0', page_size: '2' }],
		]);
	});
});
