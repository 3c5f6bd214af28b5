import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { ItemParameters } from './checks';
import { invalidInput, isPlainObject } from './checks';

/**
 * The idempotency key of a money movement that UseePay would make again whenever asked (a
 * refund): it travels in the object's metadata under this name, and the node looks for it
 * before sending (moneyMoves.ts).
 */
export const IDEMPOTENCY_METADATA_FIELD = 'n8n_idempotency_key';
const MAX_KEY_LENGTH = 200;

export const idempotencyKeyField: INodeProperties = {
	displayName: 'Idempotency Key',
	name: 'idempotencyKey',
	type: 'string',
	default: '',
	placeholder: 'e.g. ORD-1001-refund',
	description: `Makes the refund happen at most once: it is saved in the refund's metadata (${IDEMPOTENCY_METADATA_FIELD}), and if this payment already has a refund with this key, that refund is returned instead of refunding again. Empty: one key per execution, node and item (safe under Retry On Fail). Set your own, e.g. the order ID, to make manual re-runs and repeated AI agent calls safe.`,
};

/** FNV-1a, 32 bits, as 8 hex digits: tells the default keys of different requests apart. */
function digest(text: string): string {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash.toString(16).padStart(8, '0');
}

/**
 * The item's key: the Idempotency Key option; else one already in the body's metadata (Extra
 * Fields); else `n8n:<execution>:<node>:<item>:<digest of the body>`. The default stays the same
 * when n8n's Retry On Fail runs the node again (same execution, node, item and parameters) and
 * when an AI agent repeats the same call within an execution, but a new execution (a manual
 * re-run) makes a new one: that is what setting your own key is for. The digest keeps apart
 * different refunds that share execution, node and item (a loop refunding one payment twice).
 */
export function idempotencyKeyOf(ctx: IExecuteFunctions, parameters: ItemParameters, body: IDataObject): string {
	const option = parameters.getNodeParameter('idempotencyKey', '');
	const given = String(option ?? '').trim();
	if (given.length > MAX_KEY_LENGTH) {
		throw invalidInput(parameters, 'idempotencyKey', `is longer than ${MAX_KEY_LENGTH} characters`);
	}
	if (given) return given;
	const inMetadata = isPlainObject(body.metadata) ? body.metadata[IDEMPOTENCY_METADATA_FIELD] : undefined;
	if (typeof inMetadata === 'string' && inMetadata.trim()) return inMetadata.trim();
	const execution = ctx.getExecutionId() ?? 'unsaved';
	return `n8n:${execution}:${ctx.getNode().id}:${parameters.getItemIndex()}:${digest(JSON.stringify(body))}`;
}

/** The body with the key in its metadata (the user's metadata kept). */
export function withIdempotencyKey(body: IDataObject, key: string): IDataObject {
	const metadata = isPlainObject(body.metadata) ? body.metadata : {};
	return { ...body, metadata: { ...metadata, [IDEMPOTENCY_METADATA_FIELD]: key } };
}
