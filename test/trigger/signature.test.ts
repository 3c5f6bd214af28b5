import { createSign, generateKeyPairSync } from 'crypto';

import { payloadFormat } from '../../nodes/shared/webhookEvents';
import { formDataField, parsePublicKey, publicKeyProblem, signedEventText } from '../../nodes/UseePayTrigger/signature';

const useePay = generateKeyPairSync('rsa', { modulusLength: 2048 });
const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 });
const pem = (key: typeof useePay.publicKey) => key.export({ type: 'spki', format: 'pem' }).toString();
const sign = (payload: string, key = useePay.privateKey) =>
	createSign('RSA-SHA256').update(payload).sign(key, 'base64');

const event = JSON.stringify({
	id: 'evt_0a1b2c3d4e5f60718293a4b5c6d7e8f9',
	name: 'payment_intent.succeeded',
	data: { id: 'pi_1', amount: 12.5 },
});

describe('UseePay delivery signatures (RSA-SHA256, Base64 in `sign`)', () => {
	const key = parsePublicKey(pem(useePay.publicKey))!;

	it('accepts a JSON delivery signed over its raw body', () => {
		expect(signedEventText(Buffer.from(event), 'json', sign(event), key)).toBe(event);
	});

	it('rejects a body changed by one byte', () => {
		const tampered = Buffer.from(event.replace('12.5', '92.5'));
		expect(signedEventText(tampered, 'json', sign(event), key)).toBeUndefined();
	});

	it('rejects a signature made with another key', () => {
		expect(signedEventText(Buffer.from(event), 'json', sign(event, stranger.privateKey), key)).toBeUndefined();
	});

	it('rejects a missing or garbage signature header', () => {
		expect(signedEventText(Buffer.from(event), 'json', undefined, key)).toBeUndefined();
		expect(signedEventText(Buffer.from(event), 'json', '', key)).toBeUndefined();
		expect(signedEventText(Buffer.from(event), 'json', 'not base64 at all', key)).toBeUndefined();
	});

	it('takes the bare Base64 key Merchant Center shows, without PEM armour', () => {
		const bare = pem(useePay.publicKey)
			.replace(/-----[A-Z ]+-----/g, '')
			.replace(/\s+/g, '');
		const bareKey = parsePublicKey(bare)!;
		expect(bareKey).toBeDefined();
		expect(signedEventText(Buffer.from(event), 'json', sign(event), bareKey)).toBe(event);
	});

	it('returns no key for an empty or broken key', () => {
		expect(parsePublicKey('')).toBeUndefined();
		expect(parsePublicKey(undefined)).toBeUndefined();
		expect(parsePublicKey('MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA')).toBeUndefined();
	});

	it('accepts the form format signed over the decoded `data` JSON, or over the raw body', () => {
		const form = `data=${encodeURIComponent(event)}`;
		expect(formDataField(Buffer.from(form))).toBe(event);
		expect(signedEventText(Buffer.from(form), 'form', sign(event), key)).toBe(event);
		expect(signedEventText(Buffer.from(form), 'form', sign(form), key)).toBe(event);
		const tamperedForm = `data=${encodeURIComponent(event.replace('12.5', '12.6'))}`;
		expect(signedEventText(Buffer.from(tamperedForm), 'form', sign(event), key)).toBeUndefined();
	});

	it('reads a form only when it is exactly one `data` field', () => {
		expect(formDataField(Buffer.from(event))).toBeUndefined();
		expect(formDataField(Buffer.from(`data=1&data=2`))).toBeUndefined();
		expect(formDataField(Buffer.from(`x=1&data=2`))).toBeUndefined();
		expect(signedEventText(Buffer.from(event), 'form', sign(event), key)).toBeUndefined();
	});

	it('takes the format from the API version', () => {
		expect(['2024-10-10', '2024-11-21', '2024-12-21', '2025-11-06', '2026-04'].map(payloadFormat)).toEqual([
			'form',
			'form',
			'form',
			'json',
			'json',
		]);
	});
});

describe('public keys the trigger can activate with', () => {
	const rsa = (modulusLength: number) =>
		pem(generateKeyPairSync('rsa', { modulusLength }).publicKey as typeof useePay.publicKey);

	it('accepts RSA keys of 2048 to 4096 bits', () => {
		expect(publicKeyProblem(pem(useePay.publicKey))).toBeUndefined();
		expect(publicKeyProblem(rsa(4096))).toBeUndefined();
	});

	it('names what is wrong with an EC key, a short RSA key, garbage, or no key', () => {
		const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' });
		expect(publicKeyProblem(ec.toString())).toBe('is an EC key; UseePay signs with RSA');
		expect(publicKeyProblem(rsa(1024))).toBe("is a 1024-bit RSA key; UseePay's keys have 2048 to 4096 bits");
		expect(publicKeyProblem('MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA')).toBe('is not a valid public key');
		expect(publicKeyProblem('  ')).toBe('is not set');
	});

	it('says a credential value that is not text (an expression gave a number or an object) is not text', () => {
		for (const value of [42, { pem: 'x' }, ['MIIB'], true]) {
			expect(publicKeyProblem(value)).toBe('is not text');
			expect(parsePublicKey(value)).toBeUndefined();
		}
	});
});
