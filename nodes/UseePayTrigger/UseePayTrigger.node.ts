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
import { confirmWithUseePay } from './confirmEvent';
import { claimEvent, keepMarkedChanged, settleEvent } from './recentEvents';
import { parsePublicKey, payloadFormat, publicKeyProblem, signedEventText, unsignedEventText } from './signature';
import type { WantedEndpoint } from './webhookEndpoint';
import { createEndpoint, endpointsForUrl, mayDeliver, reconcileEndpoints, updateEndpoint } from './webhookEndpoint';

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
	const problem = publicKeyProblem(credentials.webhookSignatureCert as string | undefined);
	if (problem) {
		throw new NodeOperationError(ctx.getNode(), `UseePay Public Key ${problem}: events cannot be verified`, {
			description: MISSING_KEY_HINT,
		});
	}
}

function reject(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
	ctx.getResponseObject().status(status).json({ message }).end();
	return { noWebhookResponse: true };
}

/** How long a delivery may use the credential as read by an earlier one (a rotated key's delay). */
export const CREDENTIAL_REUSE_MS = 5000;
const recentCredentials = new Map<string, { readAt: number; data: IDataObject }>();

/**
 * The credential for this delivery. n8n reads and decrypts it from the database on every call
 * (a few ms each, the largest part of this node's own work per request), so a read is reused for
 * CREDENTIAL_REUSE_MS. A changed key therefore applies within seconds; deliveries refused
 * meanwhile are retried by UseePay.
 */
async function credentialsFor(ctx: IWebhookFunctions): Promise<IDataObject> {
	const id = ctx.getNode().credentials?.useePayApi?.id;
	const cached = id ? recentCredentials.get(id) : undefined;
	const now = Date.now();
	if (cached && now - cached.readAt < CREDENTIAL_REUSE_MS) return cached.data;
	const data = (await ctx.getCredentials('useePayApi')) as IDataObject;
	if (id) recentCredentials.set(id, { readAt: now, data });
	return data;
}

/** The delivery's bytes exactly as received (n8n reads them lazily for nodes that ask). */
async function rawBodyOf(ctx: IWebhookFunctions): Promise<Buffer> {
	const request = ctx.getRequestObject() as ReturnType<IWebhookFunctions['getRequestObject']> & {
		rawBody?: Buffer;
		readRawBody?: () => Promise<void>;
	};
	if (!request.rawBody && typeof request.readRawBody === 'function') await request.readRawBody();
	return request.rawBody ?? Buffer.alloc(0);
}

/** A UseePay event envelope `{id, name, data}` from the signed JSON text, or undefined. */
function parseEvent(text: string | undefined): IDataObject | undefined {
	let event: unknown;
	try {
		event = JSON.parse(text ?? '');
	} catch {
		return undefined;
	}
	if (!event || typeof event !== 'object' || Array.isArray(event)) return undefined;
	const { id, name, data } = event as IDataObject;
	if (typeof id !== 'string' || !id || typeof name !== 'string' || !name) return undefined;
	if (data !== undefined && data !== null && (typeof data !== 'object' || Array.isArray(data))) return undefined;
	return event as IDataObject;
}

/**
 * The merchant a delivery is for: the signed body's `data.merchant_no` decides; the unsigned
 * `merchant_no` header may only add a refusal (UseePay may not send it at all).
 */
function isForOtherMerchant(event: IDataObject, headers: IDataObject, merchantNo: string): boolean {
	const signed = (event.data as IDataObject | null | undefined)?.merchant_no;
	if (signed !== undefined && signed !== null && String(signed) !== merchantNo) return true;
	const header = headers.merchant_no;
	return header !== undefined && String(header) !== merchantNo;
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
			const key = parsePublicKey(credentials.webhookSignatureCert as string | undefined);
			eventText = key && signedEventText(rawBody, format, headers.sign as string | undefined, key);
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
