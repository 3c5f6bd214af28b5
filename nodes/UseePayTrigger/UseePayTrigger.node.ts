import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { WEBHOOK_EVENTS } from '../UseePay/shared/webhookEvents';
import { keepMarkedChanged, rememberEvent } from './recentEvents';
import { deliveryJsonText, parsePublicKey, verifyDeliverySignature } from './signature';
import type { WantedEndpoint } from './webhookEndpoint';
import { createEndpoint, endpointsForUrl, isEnabled, reconcileEndpoints, updateEndpoint } from './webhookEndpoint';

/** The newest api_version with JSON deliveries (UseePay's webhook docs, "Event format"). */
export const DEFAULT_API_VERSION = '2026-04';

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
	const key = parsePublicKey(credentials.webhookSignatureCert as string | undefined);
	if (!key) {
		const problem = credentials.webhookSignatureCert ? 'is not a valid RSA public key' : 'is not set';
		throw new NodeOperationError(ctx.getNode(), `UseePay Public Key ${problem}: events cannot be verified`, {
			description: MISSING_KEY_HINT,
		});
	}
}

function reject(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	ctx.getResponseObject().status(status).json({ message }).end();
	return { noWebhookResponse: true };
}

export class UseePayTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UseePay Trigger',
		name: 'useePayTrigger',
		icon: { light: 'file:../../icons/useepay.svg', dark: 'file:../../icons/useepay.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when UseePay sends a signed event (payments, refunds, subscriptions …)',
		defaults: { name: 'UseePay Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'useePayApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName:
					"This trigger registers its own webhook endpoint with UseePay when the workflow is published. It needs the UseePay Public Key in the credential to verify events. UseePay must reach this n8n over HTTPS: set n8n's WEBHOOK_URL to its public https:// address.",
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
				options: [
					{ name: '*', value: '*', description: 'Any event (wildcard)' },
					...[...WEBHOOK_EVENTS]
						.sort((a, b) => a.event.localeCompare(b.event))
						.map(({ event, description }) => ({ name: event, value: event, description })),
				],
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
						options: [
							{ name: '2024-10-10 (Form)', value: '2024-10-10' },
							{ name: '2024-11-21 (Form)', value: '2024-11-21' },
							{ name: '2024-12-21 (Form)', value: '2024-12-21' },
							{ name: '2025-11-06 (JSON)', value: '2025-11-06' },
							{ name: '2026-04 (JSON, Recommended)', value: '2026-04' },
						],
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
						if (isEnabled(endpoint)) ids.add(endpoint.id);
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
		const request = this.getRequestObject() as ReturnType<IWebhookFunctions['getRequestObject']> & {
			rawBody?: Buffer;
			readRawBody?: () => Promise<void>;
		};
		if (!request.rawBody && typeof request.readRawBody === 'function') await request.readRawBody();
		const rawBody = request.rawBody ?? Buffer.alloc(0);
		const headers = this.getHeaderData() as IDataObject;
		const contentType = headers['content-type'] as string | undefined;
		const options = this.getNodeParameter('options', {}) as IDataObject;
		const credentials = await this.getCredentials('useePayApi');

		// 1. Authenticity first, on the raw bytes, before anything is parsed.
		let signedPart: string | undefined;
		if (options.skipSignatureVerification !== true) {
			const key = parsePublicKey(credentials.webhookSignatureCert as string | undefined);
			signedPart = key && verifyDeliverySignature(rawBody, contentType, headers.sign as string | undefined, key);
			if (!signedPart) return reject(this, 401, 'Invalid or missing UseePay signature');
		}
		if (String(headers.merchant_no ?? '') !== String(credentials.merchantNo ?? '')) {
			return reject(this, 401, 'Delivery is for another merchant');
		}

		// 2. The envelope {id, name, data}, from a JSON body or the form field `data`.
		let event: IDataObject;
		try {
			event = JSON.parse(deliveryJsonText(rawBody, contentType)) as IDataObject;
		} catch {
			return reject(this, 400, 'Body is not a UseePay event');
		}
		if (typeof event.id !== 'string' || typeof event.name !== 'string') {
			return reject(this, 400, 'Body is not a UseePay event');
		}

		// 3. Only the chosen events, each once.
		const events = this.getNodeParameter('events', []) as string[];
		if (!events.includes('*') && !events.includes(event.name)) {
			return { webhookResponse: { received: true, ignored: 'event not selected' } };
		}
		const staticData = this.getWorkflowStaticData('node');
		if (!rememberEvent(staticData, event.id)) {
			return { webhookResponse: { received: true, ignored: 'duplicate delivery' } };
		}
		keepMarkedChanged(staticData);

		return {
			workflowData: [
				this.helpers.returnJsonArray({
					...event,
					merchant_no: headers.merchant_no ?? null,
					app_id: headers.app_id ?? null,
					api_version: headers.api_version ?? null,
					signature_verified: signedPart !== undefined,
				}),
			],
		};
	}
}
