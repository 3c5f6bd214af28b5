import { createPublicKey, createVerify } from 'crypto';
import type { KeyObject } from 'crypto';

/**
 * UseePay signs each webhook delivery with its RSA private key: RSASSA-PKCS1-v1_5 over SHA-256,
 * Base64 in the `sign` header, over the raw body (JSON api versions). For the older form format
 * (`data=<urlencoded JSON>`) the docs do not say which string is signed, so both the decoded
 * `data` value and the raw body are accepted (UseePay's webhook docs, "Verify signatures").
 * Pure functions, so they are unit-tested with freshly generated keys.
 */

export type SignedPart = 'raw body' | 'form data';

/** Accepts PEM, or the bare Base64 that Merchant Center shows; returns a key, or undefined. */
export function parsePublicKey(text: string | undefined): KeyObject | undefined {
	const trimmed = (text ?? '').trim();
	if (!trimmed) return undefined;
	const pem = trimmed.includes('-----BEGIN')
		? trimmed
		: `-----BEGIN PUBLIC KEY-----\n${(trimmed.replace(/\s+/g, '').match(/.{1,64}/g) ?? []).join('\n')}\n-----END PUBLIC KEY-----`;
	try {
		return createPublicKey(pem);
	} catch {
		return undefined;
	}
}

export function isFormDelivery(contentType: string | undefined): boolean {
	return (contentType ?? '').toLowerCase().includes('application/x-www-form-urlencoded');
}

/** The JSON text of a delivery: the body itself, or the `data` field of the form format. */
export function deliveryJsonText(rawBody: Buffer, contentType: string | undefined): string {
	const text = rawBody.toString('utf8');
	return isFormDelivery(contentType) ? (new URLSearchParams(text).get('data') ?? '') : text;
}

function verifies(payload: Buffer | string, signature: string, key: KeyObject): boolean {
	try {
		return createVerify('RSA-SHA256').update(payload).verify(key, signature, 'base64');
	} catch {
		return false;
	}
}

/** Which part of the delivery the signature covers, or undefined when it does not verify. */
export function verifyDeliverySignature(
	rawBody: Buffer,
	contentType: string | undefined,
	signature: string | undefined,
	key: KeyObject,
): SignedPart | undefined {
	if (!signature) return undefined;
	if (verifies(rawBody, signature, key)) return 'raw body';
	if (isFormDelivery(contentType) && verifies(deliveryJsonText(rawBody, contentType), signature, key)) {
		return 'form data';
	}
	return undefined;
}
