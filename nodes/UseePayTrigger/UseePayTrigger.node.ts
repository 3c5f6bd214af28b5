import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { apiVersionOptions, DEFAULT_API_VERSION, payloadFormat, webhookEventOptions } from '../shared/webhookEvents';
import { confirmWithUseePay } from './confirmEvent';
import { credentialsFor, isForOtherMerchant, parseEvent, rawBodyOf, reject } from './delivery';
import { claimEvent, keepMarkedChanged, settleEvent } from './recentEvents';
import { checkPublicKey, publicKeyProblem, signedEventText, unsignedEventText } from './signature';
import type { WantedEndpoint } from './webhookEndpoint';
import { createEndpoint, endpointsForUrl, mayDeliver, reconcileEndpoints, updateEndpoint } from './webhookEndpoint';

const MISSING_KEY_HINT =
	"Add UseePay's public key to the UseePay credential (field 'UseePay Public Key'): in UseePay Merchant Center open Configuration Center → Secret Key Management, enable the RSA key and copy the 'UseePay public key'. Sandbox and production accounts have different keys.";

function wantedEndpoint(ctx: IHookFunctions): WantedEndpoint {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	return {
		url: ctx.getNodeWebhookUrl('default') as string,
		events: ctx.getNodeParameter('events', []) as string[],
		apiVersion: String(options.apiVersion || DEFAULT_API_VERSION),
	};
}

/** Activation fails closed: no usable public key, no endpoint (unless verification is skipped). */
async function assertCanVerify(ctx: IHookFunctions): Promise<void> {
	const options = ctx.getNodeParameter('options', {}) as IDataObject;
	if (options.skipSignatureVerification === true) return;
	const credentials = await ctx.getCredentials('useePayApi');
	const problem = publicKeyProblem(credentials.webhookSignatureCert);
	if (problem) {
		throw new NodeOperationError(ctx.getNode(), `UseePay Public Key ${problem}: events cannot be verified`, {
			description: MISSING_KEY_HINT,
		});
	}
}

export class UseePayTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UseePay Trigger',
		name: 'useePayTrigger',
		icon: { light: 'file:../../icons/useepay.svg', dark: 'file:../../icons/useepay.dark.svg' },
		group: ['trigger'],
		// Version 2 only spares n8n an expression it evaluates for every request to a version-1
		// webhook node (parseRequestBody's binaryData check), which needs an expression sandbox.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["events"].join(", ")}}',
		// n8n's nodes panel merges UseePay and UseePay Trigger into one entry and shows this text for
		// both (useActionsGeneration.ts), so it starts with the action node's description.
		description:
			'Create and manage customers, payments, subscriptions and more in UseePay, or start a workflow when UseePay sends a signed event',
		defaults: { name: 'UseePay Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'useePayApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					"This trigger registers its own webhook endpoint with UseePay when the workflow is published. It needs the UseePay Public Key in the credential to verify events. UseePay must reach this n8n over HTTPS: set n8n's WEBHOOK_URL to its public https:// address. Trying it with the local UseePay emulator of this package's repository (npm start)? Its dashboard, http://127.0.0.1:4010/, confirms payments, sends any event and shows each delivery.",
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: [],
				description: "The events to listen to. UseePay registers this workflow's URL for exactly these.",
				options: webhookEventOptions({ name: '*', value: '*', description: 'Any event (wildcard)' }, (event) => event),
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'API Version',
						name: 'apiVersion',
						type: 'options',
						default: DEFAULT_API_VERSION,
						description:
							'The payload version UseePay delivers events in; 2025-11-06 and newer send JSON, older ones a form field',
						options: apiVersionOptions((version, format, recommended) => ({
							name: `${version} (${format === 'json' ? 'JSON' : 'Form'}${recommended ? ', Recommended' : ''})`,
						})),
					},
					{
						displayName: 'Confirm With UseePay',
						name: 'confirmWithUseePay',
						type: 'boolean',
						default: false,
						description:
							"Whether to fetch the event's object from UseePay with this credential before running, and run with what UseePay returns. Another merchant's object answers 404, so authenticity no longer rests on the signing key alone. One API call per event; dispute events cannot be confirmed and are refused.",
					},
					{
						displayName: 'Skip Signature Verification (Insecure)',
						name: 'skipSignatureVerification',
						type: 'boolean',
						default: false,
						description:
							"Whether to accept deliveries without checking UseePay's signature. Only for local experiments: anyone who knows the URL could then start this workflow.",
					},
				],
			},
		],
	};

	webhookMethods = {
		default: {
			/** Finds our endpoint by this exact URL and reconciles it; false lets n8n call create(). */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				await assertCanVerify(this);
				const staticData = this.getWorkflowStaticData('node');
				const id = await reconcileEndpoints.call(this, wantedEndpoint(this));
				if (!id) {
					delete staticData.webhookId;
					return false;
				}
				staticData.webhookId = id;
				return true;
			},

			async create(this: IHookFunctions): Promise<boolean> {
				await assertCanVerify(this);
				const endpoint = await createEndpoint.call(this, wantedEndpoint(this));
				if (!endpoint.id) {
					throw new NodeOperationError(this.getNode(), 'UseePay did not return an ID for the new webhook endpoint');
				}
				this.getWorkflowStaticData('node').webhookId = endpoint.id;
				return true;
			},

			/** UseePay documents no delete: the endpoint is disabled. "Not found" counts as done. */
			async delete(this: IHookFunctions): Promise<boolean> {
				const staticData = this.getWorkflowStaticData('node');
				const url = this.getNodeWebhookUrl('default') as string;
				try {
					const ids = new Set<string>(staticData.webhookId ? [String(staticData.webhookId)] : []);
					// Also any enabled endpoint for this URL, so a lost id cannot leave one behind.
					for (const endpoint of await endpointsForUrl.call(this, url)) {
						if (mayDeliver(endpoint)) ids.add(endpoint.id);
					}
					for (const id of ids) await updateEndpoint.call(this, id, { status: 'disabled' });
				} catch (error) {
					this.logger.warn(
						`UseePay Trigger could not disable its webhook endpoint for ${url}: ${(error as Error).message}`,
					);
					return false;
				}
				delete staticData.webhookId;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const rawBody = await rawBodyOf(this);
		const headers = this.getHeaderData() as IDataObject;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const credentials = await credentialsFor(this);
		// The node's API Version says how the payload is encoded, never the unsigned Content-Type.
		const format = payloadFormat(String(options.apiVersion || DEFAULT_API_VERSION));

		// 1. Authenticity first, on the raw bytes: only text the signature covers is parsed.
		const verify = options.skipSignatureVerification !== true;
		let eventText: string | undefined;
		if (verify) {
			const { key, problem } = checkPublicKey(credentials.webhookSignatureCert);
			// Fails closed, and says why (a credential field holds whatever an expression gave it).
			if (!key) return reject(this, 401, `The credential's UseePay Public Key is not usable: it ${problem}`);
			eventText = signedEventText(rawBody, format, headers.sign as string | undefined, key);
			if (eventText === undefined) return reject(this, 401, 'Invalid or missing UseePay signature');
		} else {
			eventText = unsignedEventText(rawBody, format);
		}

		// 2. The envelope {id, name, data}, and whose it is.
		const event = parseEvent(eventText);
		if (!event) return reject(this, 400, 'Body is not a UseePay event');
		const merchantNo = String(credentials.merchantNo ?? '');
		if (isForOtherMerchant(event, headers, merchantNo)) return reject(this, 401, 'Delivery is for another merchant');

		// 3. Only the chosen events, each exactly once.
		const events = this.getNodeParameter('events', []) as string[];
		if (!events.includes('*') && !events.includes(event.name as string)) {
			return { webhookResponse: { received: true, ignored: 'event not selected' } };
		}
		const confirm = options.confirmWithUseePay === true;
		const staticData = this.getWorkflowStaticData('node');
		const ledgerKey = `${this.getWorkflow().id ?? ''}\n${this.getNode().name}\n${this.getMode()}`;
		const eventId = event.id as string;
		const claim = claimEvent(staticData, ledgerKey, eventId, { pending: confirm });
		if (claim === 'duplicate') return { webhookResponse: { received: true, ignored: 'duplicate delivery' } };
		if (claim === 'in progress') return reject(this, 409, 'This event is being processed; try again later');
		if (claim === 'full') return reject(this, 503, 'Too many recent events to remember; try again later');

		let data = event.data as IDataObject | undefined;
		if (confirm) {
			const confirmed = await confirmWithUseePay.call(this, event, merchantNo);
			settleEvent(staticData, ledgerKey, eventId, confirmed.object !== undefined);
			if (!confirmed.object) return reject(this, confirmed.status, confirmed.message);
			data = confirmed.object;
		}
		keepMarkedChanged(staticData, ledgerKey);

		return {
			workflowData: [
				this.helpers.returnJsonArray({
					...event,
					...(confirm ? { data, confirmed_with_useepay: true } : {}),
					merchant_no: (data?.merchant_no as string | undefined) ?? headers.merchant_no ?? null,
					app_id: headers.app_id ?? null,
					api_version: headers.api_version ?? null,
					signature_verified: verify,
				}),
			],
		};
	}
}
