/**
 * Runs our nodes through n8n-core for real: a two-node workflow (a start node that emits the
 * given items → the node under test) executed by WorkflowExecute, with declarative nodes
 * routed by n8n-core's RoutingNode exactly as the n8n server does (packages/cli node-types.ts).
 */
import { ExecutionLifecycleHooks, RoutingNode, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeParameters,
	INodeType,
	INodeTypes,
	IRun,
	IWorkflowExecuteAdditionalData,
	IAuthenticateGeneric,
} from 'n8n-workflow';
import { ICredentialsHelper, NodeHelpers, Workflow } from 'n8n-workflow';

import { UseePayApi } from '../../credentials/UseePayApi.credentials';
import { UseePay } from '../../nodes/UseePay/UseePay.node';

class StartNode implements INodeType {
	constructor(private readonly items: IDataObject[]) {}

	description = {
		displayName: 'Start',
		name: 'start',
		group: ['trigger'],
		version: 1,
		description: 'Emits the test items',
		defaults: { name: 'Start' },
		inputs: [],
		outputs: ['main'],
		properties: [],
	} as unknown as INodeType['description'];

	// n8n calls execute with the execution context as `this`, so the items are bound here.
	execute = async (): Promise<INodeExecutionData[][]> => {
		return [this.items.map((json) => ({ json }))];
	};
}

export class NodeTypes implements INodeTypes {
	constructor(private readonly types: Record<string, INodeType>) {}

	getByName(name: string) {
		return this.types[name];
	}

	getByNameAndVersion(name: string, version?: number): INodeType {
		const nodeType = NodeHelpers.getVersionedNodeType(this.types[name], version);
		if (!nodeType.execute && nodeType.description.requestDefaults !== undefined) {
			nodeType.execute = async function (this: IExecuteFunctions) {
				return (await new RoutingNode(this as never, nodeType).runNode()) ?? [];
			};
		}
		return nodeType;
	}

	getKnownTypes() {
		return {};
	}
}

export class CredentialsHelper extends ICredentialsHelper {
	constructor(
		private readonly credentialTypes: Record<string, ICredentialType>,
		private readonly data: Record<string, ICredentialDataDecryptedObject>,
	) {
		super();
	}

	getParentTypes() {
		return [];
	}

	isCredentialUsableByNode() {
		return true;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async preAuthentication() {
		return undefined;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		typeName: string,
		requestOptions: IHttpRequestOptions,
		workflow: Workflow,
		node: INode,
	): Promise<IHttpRequestOptions> {
		const authenticate = this.credentialTypes[typeName].authenticate;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		const spec = authenticate as IAuthenticateGeneric;
		const resolve = (value: string) =>
			value.startsWith('=')
				? String(
						workflow.expression.getSimpleParameterValue(
							node,
							value,
							'internal',
							{ $credentials: credentials },
							undefined,
							'',
						),
					)
				: value;
		const headers = (requestOptions.headers ?? {}) as IDataObject;
		for (const [name, value] of Object.entries(spec.properties.headers ?? {})) {
			headers[resolve(name)] = resolve(String(value));
		}
		requestOptions.headers = headers;
		return requestOptions;
	}

	async getCredentials(): Promise<never> {
		throw new Error('not used in tests');
	}

	async getDecrypted(_additionalData: unknown, _nodeCredentials: unknown, type: string) {
		return this.data[type];
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}

	getCredentialsProperties(type: string) {
		return this.credentialTypes[type].properties;
	}
}

export const TEST_CREDENTIALS = {
	merchantNo: '500000000007245',
	apiKey: 'key-for-tests',
	appId: 'www.pay.com',
};

/**
 * The node n8n's CredentialsTester builds for a declarative credential test: no properties,
 * the test request as requestDefaults (packages/cli credentials-tester.service.ts).
 */
export function credentialTestNode(credentialType: ICredentialType): INodeType {
	return {
		description: {
			displayName: 'Credential test',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: credentialType.name, required: true }],
			requestDefaults: { ...credentialType.test?.request, ignoreHttpStatusErrors: false },
			properties: [],
		} as unknown as INodeType['description'],
	};
}

export interface RunOptions {
	baseUrl: string;
	parameters: INodeParameters;
	items?: IDataObject[];
	continueOnFail?: boolean;
	credentials?: Partial<typeof TEST_CREDENTIALS>;
	/** Another node type to run in place of UseePay (e.g. the credential test, as n8n builds it). */
	nodeType?: INodeType;
	/** Cancels the execution when aborted, as n8n's Stop button does. */
	stop?: AbortSignal;
	/** Node settings, e.g. n8n's Retry On Fail: `{retryOnFail: true, maxTries: 5, waitBetweenTries: 1}`. */
	settings?: Pick<INode, 'retryOnFail' | 'maxTries' | 'waitBetweenTries'>;
	/** The execution's ID (what getExecutionId() returns): runs with the same one are one execution. */
	executionId?: string;
}

export interface RunResult {
	run: IRun;
	/** Output items of the UseePay node (empty when it failed). */
	items: INodeExecutionData[];
	/** The error that stopped the UseePay node, if any. */
	error?: Error & { description?: string; httpCode?: string; context?: IDataObject };
}

export async function runUseePay(options: RunOptions): Promise<RunResult> {
	const nodeTypes = new NodeTypes({
		'test.start': new StartNode(options.items ?? [{}]),
		'n8n-nodes-useepay.useePay': options.nodeType ?? new UseePay(),
	});
	const nodes: INode[] = [
		{
			id: 'start',
			name: 'Start',
			type: 'test.start',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
		{
			id: 'useepay',
			name: 'UseePay',
			type: 'n8n-nodes-useepay.useePay',
			typeVersion: 1,
			position: [200, 0],
			parameters: options.parameters,
			credentials: { useePayApi: { id: 'cred-1', name: 'UseePay test' } },
			...(options.continueOnFail ? { onError: 'continueRegularOutput' as const } : {}),
			...options.settings,
		},
	];
	const connections = { Start: { main: [[{ node: 'UseePay', type: 'main' as const, index: 0 }]] } };
	const workflow = new Workflow({
		id: 'wf-test',
		name: 'test',
		nodes,
		connections,
		active: false,
		nodeTypes,
		staticData: {},
	});
	const credentials = {
		useePayApi: { environment: 'custom', baseUrl: options.baseUrl, ...TEST_CREDENTIALS, ...options.credentials },
	};
	const url = (path: string) => `http://127.0.0.1/${path}`;
	const additionalData = {
		credentialsHelper: new CredentialsHelper({ useePayApi: new UseePayApi() }, credentials),
		executionId: options.executionId ?? 'exec-test',
		hooks: new ExecutionLifecycleHooks('manual', options.executionId ?? 'exec-test', {
			id: 'wf-test',
			nodes,
			connections,
		} as never),
		executeWorkflow: async () => {
			throw new Error('sub-workflows are not used in tests');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		variables: {},
		logAiEvent: () => {},
		restApiUrl: url('rest'),
		instanceBaseUrl: url(''),
		formBaseUrl: url('form'),
		formWaitingBaseUrl: url('form-waiting'),
		formTestBaseUrl: url('form-test'),
		webhookBaseUrl: url('webhook'),
		webhookWaitingBaseUrl: url('webhook-waiting'),
		webhookTestBaseUrl: url('webhook-test'),
		mcpBaseUrl: url('mcp'),
		mcpTestBaseUrl: url('mcp-test'),
	} as unknown as IWorkflowExecuteAdditionalData;
	const execution = new WorkflowExecute(additionalData, 'manual').run({
		workflow,
		startNode: workflow.getNode('Start') as INode,
	} as never);
	options.stop?.addEventListener('abort', () => execution.cancel(), { once: true });
	const run = await execution;
	const taskData = run.data.resultData.runData.UseePay?.[0];
	return {
		run,
		items: taskData?.data?.main?.[0] ?? [],
		error: (taskData?.error ?? run.data.resultData.error) as RunResult['error'],
	};
}
