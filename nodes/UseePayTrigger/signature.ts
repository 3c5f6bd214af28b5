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

export type KeyCheck = { key: KeyObject; problem?: undefined } | { key?: undefined; problem: string };

const checkedKeys = new Map<string, KeyCheck>();
const CHECKED_KEYS_KEPT = 32;

function toPem(trimmed: string): string {
	if (trimmed.includes('-----BEGIN')) return trimmed;
	const lines = trimmed.replace(/\s+/g, '').match(/.{1,64}/g) ?? [];
	return `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----`;
}

function checkKeyText(trimmed: string): KeyCheck {
	let key: KeyObject;
	try {
		key = createPublicKey(toPem(trimmed));
	} catch {
		return { problem: 'is not a valid public key' };
	}
	if (key.asymmetricKeyType !== 'rsa') {
		return { problem: `is an ${String(key.asymmetricKeyType).toUpperCase()} key; UseePay signs with RSA` };
	}
	const bits = key.asymmetricKeyDetails?.modulusLength ?? 0;
	if (bits < RSA_KEY_BITS.min || bits > RSA_KEY_BITS.max) {
		return { problem: `is a ${bits}-bit RSA key; UseePay's keys have ${RSA_KEY_BITS.min} to ${RSA_KEY_BITS.max} bits` };
	}
	return { key };
}

/**
 * The key that verifies UseePay's signatures, from PEM or the bare Base64 that Merchant Center
 * shows, or why the credential's value cannot be one (not text, not set, not an RSA key of
 * UseePay's sizes). A credential field may hold anything an expression gives, so `text` is not
 * trusted to be a string. Results are remembered by the text: every delivery reads the
 * credential again, so a changed key is picked up at once, but the same text is parsed once.
 */
export function checkPublicKey(text: unknown): KeyCheck {
	if (text !== undefined && text !== null && typeof text !== 'string') return { problem: 'is not text' };
	const trimmed = (text ?? '').trim();
	if (!trimmed) return { problem: 'is not set' };
	let checked = checkedKeys.get(trimmed);
	if (!checked) {
		checked = checkKeyText(trimmed);
		if (checkedKeys.size >= CHECKED_KEYS_KEPT) checkedKeys.clear();
		checkedKeys.set(trimmed, checked);
	}
	return checked;
}

/** The usable key of checkPublicKey, or undefined. */
export function parsePublicKey(text: unknown): KeyObject | undefined {
	return checkPublicKey(text).key;
}

/** Why a key cannot verify UseePay's signatures (for the activation error), or undefined if it can. */
export function publicKeyProblem(text: unknown): string | undefined {
	return checkPublicKey(text).problem;
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
