import { createPublicKey, createVerify } from 'crypto';
import type { KeyObject } from 'crypto';

import type { PayloadFormat } from '../shared/webhookEvents';

/**
 * UseePay signs each webhook delivery with its RSA private key: RSASSA-PKCS1-v1_5 over SHA-256,
 * Base64 in the `sign` header, over the raw body (JSON api versions). For the older form format
 * (`data=<urlencoded JSON>`) the docs do not say which string is signed, so both the decoded
 * `data` value and the raw body are accepted (UseePay's webhook docs, "Verify signatures").
 * What is parsed is decided by the node's API Version setting and the signed bytes, never by the
 * unsigned Content-Type header. Pure functions, so they are unit-tested with freshly generated keys.
 */

/** The RSA key sizes UseePay's Merchant Center issues and that we accept (bits). */
export const RSA_KEY_BITS = { min: 2048, max: 4096 };

const parsedKeys = new Map<string, KeyObject | undefined>();
const PARSED_KEYS_KEPT = 32;

function toPem(trimmed: string): string {
	if (trimmed.includes('-----BEGIN')) return trimmed;
	const lines = trimmed.replace(/\s+/g, '').match(/.{1,64}/g) ?? [];
	return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----`;
}

/**
 * Accepts PEM, or the bare Base64 that Merchant Center shows; returns a key, or undefined.
 * Parsed keys are remembered by their text: every delivery reads the credential again, so a
 * changed key is picked up at once, but the same text is parsed only once.
 */
export function parsePublicKey(text: string | undefined): KeyObject | undefined {
	const trimmed = (text ?? '').trim();
	if (!trimmed) return undefined;
	if (parsedKeys.has(trimmed)) return parsedKeys.get(trimmed);
	let key: KeyObject | undefined;
	try {
		key = createPublicKey(toPem(trimmed));
	} catch {
		key = undefined;
	}
	if (parsedKeys.size >= PARSED_KEYS_KEPT) parsedKeys.clear();
	parsedKeys.set(trimmed, key);
	return key;
}

/** Why a key cannot verify UseePay's signatures (for the activation error), or undefined if it can. */
export function publicKeyProblem(text: string | undefined): string | undefined {
	if (!(text ?? '').trim()) return 'is not set';
	const key = parsePublicKey(text);
	if (!key) return 'is not a valid public key';
	if (key.asymmetricKeyType !== 'rsa') {
		return `is an ${String(key.asymmetricKeyType).toUpperCase()} key; UseePay signs with RSA`;
	}
	const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
	if (bits < RSA_KEY_BITS.min || bits > RSA_KEY_BITS.max) {
		return `is a ${bits}-bit RSA key; UseePay's keys have ${RSA_KEY_BITS.min} to ${RSA_KEY_BITS.max} bits`;
	}
	return undefined;
}

/**
 * The `data` field of a form body that holds nothing else, or undefined. A body with other fields
 * is refused: a signed JSON body carrying `&data=` inside one of its strings would otherwise
 * yield a `data` field its sender wrote.
 */
export function formDataField(rawBody: Buffer): string | undefined {
	const text = rawBody.toString('utf8');
	if (!text.startsWith('data=')) return undefined;
	const fields = [...new URLSearchParams(text)];
	return fields.length === 1 ? fields[0][1] : undefined;
}

function verifies(payload: Buffer | string, signature: string, key: KeyObject): boolean {
	try {
		return createVerify('RSA-SHA256').update(payload).verify(key, signature, 'base64');
	} catch {
		return false;
	}
}

/**
 * The JSON text of the event when the signature covers it, else undefined. JSON format: the raw
 * body itself must be signed. Form format: the signed string is the decoded `data` field, or the
 * raw body (then its `data` field is read): both are exactly what UseePay signed.
 */
export function signedEventText(
	rawBody: Buffer,
	format: PayloadFormat,
	signature: string | undefined,
	key: KeyObject,
): string | undefined {
	if (!signature) return undefined;
	if (format === 'json') return verifies(rawBody, signature, key) ? rawBody.toString('utf8') : undefined;
	const data = formDataField(rawBody);
	if (data !== undefined && verifies(data, signature, key)) return data;
	if (verifies(rawBody, signature, key)) return data;
	return undefined;
}

/** The event text without any check (only with the insecure Skip Signature Verification option). */
export function unsignedEventText(rawBody: Buffer, format: PayloadFormat): string | undefined {
	return format === 'json' ? rawBody.toString('utf8') : formDataField(rawBody);
}
