import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { UseePayApi } from '../../credentials/UseePayApi.credentials';

/**
 * Masking the credential's secrets in everything read from an answer. An answer that echoes the
 * request (some gateways and proxies do, with its headers) must not carry the API key into an
 * error message, run data or a log, whether it echoes the key as sent or encoded: Base64 (also
 * inside a longer Base64 text, such as a Basic authorization header), base64url, URL-encoded,
 * or hex.
 *
 * A secret of MIN_ANYWHERE_LENGTH characters or more is masked wherever it appears. A shorter
 * one would match ordinary text (a 2-character key is inside many words and numbers), so it is
 * masked only as a whole token, not next to a letter, digit, `_` or `-`: `key=ab1` and
 * `"ab1"` are masked, `ab12` and `slab1` are not. Such a key still masks a word that happens to
 * equal it; that is the price of a key too short to be secret.
 */

/** The credential fields whose values never appear in output: its password fields (the API key ...). */
const SECRET_FIELDS = new UseePayApi().properties
	.filter((property) => property.typeOptions?.password)
	.map((property) => property.name);
export const MIN_ANYWHERE_LENGTH = 6;
export const MASK = '***';

/** The secret values of a UseePay credential, for redactSecrets. */
export function credentialSecrets(credentials: ICredentialDataDecryptedObject): string[] {
	return SECRET_FIELDS.map((name) => String(credentials[name] ?? '').trim()).filter(Boolean);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A pattern matching `text` in either letter case (for hex and percent escapes). */
const eitherCase = (text: string) =>
	[...text].map((c) => (/[a-z]/i.test(c) ? `[${c.toLowerCase()}${c.toUpperCase()}]` : escapeRegExp(c))).join('');

/**
 * The parts of the Base64 of `bytes` that stay the same wherever the bytes sit in a longer text:
 * for each of the 3 alignments, the characters made of the secret's bits only.
 */
function base64Cores(bytes: Buffer): string[] {
	const cores: string[] = [];
	for (let offset = 0; offset < 3; offset++) {
		const encoded = Buffer.concat([Buffer.alloc(offset), bytes]).toString('base64');
		const first = Math.ceil((8 * offset) / 6);
		const last = Math.floor((8 * (offset + bytes.length) - 6) / 6);
		const core = encoded.slice(first, last + 1);
		cores.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
	}
	return cores;
}

/** The patterns of one secret: as sent, URL- and form-encoded, and, when long enough, Base64 and hex. */
function patternsOf(secret: string): string[] {
	const uri = encodeURIComponent(secret);
	// `%2F` and `%2f` are the same escape: either case matches.
	const form = new URLSearchParams({ s: secret }).toString().slice(2);
	const withEscapes = [uri, form].map((encoded) =>
		encoded
			.split(/(%[0-9A-F]{2})/)
			.map((part, i) => (i % 2 ? eitherCase(part) : escapeRegExp(part)))
			.join(''),
	);
	const patterns = [escapeRegExp(secret), ...withEscapes];
	if (secret.length >= MIN_ANYWHERE_LENGTH) {
		const bytes = Buffer.from(secret, 'utf8');
		patterns.push(eitherCase(bytes.toString('hex')), ...base64Cores(bytes).map(escapeRegExp));
	}
	return patterns;
}

const TOKEN_CHAR = '[A-Za-z0-9_-]';
const maskers = new Map<string, RegExp>();
const MASKERS_KEPT = 16;

/** One regular expression for every form of every secret, built once per set of secrets. */
function maskerOf(secrets: string[]): RegExp {
	const cacheKey = secrets.join('\u0000');
	let masker = maskers.get(cacheKey);
	if (masker) return masker;
	const alternatives = new Set<string>();
	for (const secret of secrets) {
		const whole = secret.length < MIN_ANYWHERE_LENGTH;
		for (const pattern of patternsOf(secret)) {
			alternatives.add(whole ? `(?<!${TOKEN_CHAR})${pattern}(?!${TOKEN_CHAR})` : pattern);
		}
	}
	// Longest first, so that a longer form is masked whole rather than the verbatim part inside it.
	const sorted = [...alternatives].sort((a, b) => b.length - a.length);
	masker = new RegExp(sorted.join('|'), 'g');
	if (maskers.size >= MASKERS_KEPT) maskers.clear();
	maskers.set(cacheKey, masker);
	return masker;
}

/**
 * A copy of a response body (or anything read from one) with every form of every secret replaced
 * by `***`, in values and keys.
 */
export function redactSecrets<T>(value: T, secrets: string[]): T {
	const present = secrets.filter(Boolean);
	if (present.length === 0) return value;
	const masker = maskerOf(present);
	const redact = (text: string) => text.replace(masker, MASK);
	const walk = (inner: unknown): unknown => {
		if (typeof inner === 'string') return redact(inner);
		if (Array.isArray(inner)) return inner.map(walk);
		if (inner === null || typeof inner !== 'object') return inner;
		return Object.fromEntries(Object.entries(inner).map(([key, entry]) => [redact(key), walk(entry)]));
	};
	return walk(value) as T;
}
