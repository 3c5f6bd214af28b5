/**
 * What webhook() needs to read one delivery: its bytes, the credential, the event and whose it
 * is, and how it refuses one.
 */
import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

export function reject(ctx: IWebhookFunctions, status: number, message: string): IWebhookResponseData {
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
export async function credentialsFor(ctx: IWebhookFunctions): Promise<IDataObject> {
	const id = ctx.getNode().credentials?.useePayApi?.id;
	const cached = id ? recentCredentials.get(id) : undefined;
	const now = Date.now();
	if (cached && now - cached.readAt < CREDENTIAL_REUSE_MS) return cached.data;
	const data = (await ctx.getCredentials('useePayApi')) as IDataObject;
	if (id) recentCredentials.set(id, { readAt: now, data });
	return data;
}

/** The delivery's bytes exactly as received (n8n reads them lazily for nodes that ask). */
export async function rawBodyOf(ctx: IWebhookFunctions): Promise<Buffer> {
	const request = ctx.getRequestObject() as ReturnType<IWebhookFunctions['getRequestObject']> & {
		rawBody?: Buffer;
		readRawBody?: () => Promise<void>;
	};
	if (!request.rawBody && typeof request.readRawBody === 'function') await request.readRawBody();
	return request.rawBody ?? Buffer.alloc(0);
}

/**
 * How deeply an event may nest objects and arrays, the envelope counting 1. UseePay's objects
 * nest a handful of levels; a signed event nested 100,000 deep would pass here but overflow the
 * stack when n8n saves the run.
 */
export const MAX_EVENT_DEPTH = 64;

/** Whether `value` nests objects and arrays deeper than `max` (a loop: no recursion to overflow). */
export function nestsDeeperThan(value: unknown, max: number): boolean {
	const stack: Array<[unknown, number]> = [[value, 1]];
	while (stack.length) {
		const [inner, depth] = stack.pop() as [unknown, number];
		if (inner === null || typeof inner !== 'object') continue;
		if (depth > max) return true;
		for (const entry of Object.values(inner)) {
			if (entry !== null && typeof entry === 'object') stack.push([entry, depth + 1]);
		}
	}
	return false;
}

/** A UseePay event envelope `{id, name, data}` from the signed JSON text, or undefined. */
export function parseEvent(text: string | undefined): IDataObject | undefined {
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
	if (nestsDeeperThan(event, MAX_EVENT_DEPTH)) return undefined;
	return event as IDataObject;
}

/**
 * The merchant a delivery is for: the signed body's `data.merchant_no` decides; the unsigned
 * `merchant_no` header may only add a refusal (UseePay may not send it at all).
 */
export function isForOtherMerchant(event: IDataObject, headers: IDataObject, merchantNo: string): boolean {
	const signed = (event.data as IDataObject | null | undefined)?.merchant_no;
	if (signed !== undefined && signed !== null && String(signed) !== merchantNo) return true;
	const header = headers.merchant_no;
	return header !== undefined && String(header) !== merchantNo;
}
