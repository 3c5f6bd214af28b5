import { createSign, generateKeyPairSync } from 'crypto';

import { rememberEvent } from '../../nodes/UseePayTrigger/recentEvents';
import { deliveryJsonText, parsePublicKey, verifyDeliverySignature } from '../../nodes/UseePayTrigger/signature';

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
const JSON_TYPE = 'application/json';
const FORM_TYPE = 'application/x-www-form-urlencoded';

describe('UseePay delivery signatures (RSA-SHA256, Base64 in `sign`)', () => {
	const key = parsePublicKey(pem(useePay.publicKey))!;

	it('accepts a JSON delivery signed over its raw body', () => {
		expect(verifyDeliverySignature(Buffer.from(event), JSON_TYPE, sign(event), key)).toBe('raw body');
	});

	it('rejects a body changed by one byte', () => {
		const tampered = Buffer.from(event.replace('12.5', '92.5'));
		expect(verifyDeliverySignature(tampered, JSON_TYPE, sign(event), key)).toBeUndefined();
	});

	it('rejects a signature made with another key', () => {
		expect(
			verifyDeliverySignature(Buffer.from(event), JSON_TYPE, sign(event, stranger.privateKey), key),
		).toBeUndefined();
	});

	it('rejects a missing or garbage signature header', () => {
		expect(verifyDeliverySignature(Buffer.from(event), JSON_TYPE, undefined, key)).toBeUndefined();
		expect(verifyDeliverySignature(Buffer.from(event), JSON_TYPE, '', key)).toBeUndefined();
		expect(verifyDeliverySignature(Buffer.from(event), JSON_TYPE, 'not base64 at all', key)).toBeUndefined();
	});

	it('takes the bare Base64 key Merchant Center shows, without PEM armour', () => {
		const bare = pem(useePay.publicKey)
			.replace(/-----[A-Z ]+-----/g, '')
			.replace(/\s+/g, '');
		const bareKey = parsePublicKey(bare)!;
		expect(bareKey).toBeDefined();
		expect(verifyDeliverySignature(Buffer.from(event), JSON_TYPE, sign(event), bareKey)).toBe('raw body');
	});

	it('returns no key for an empty or broken key', () => {
		expect(parsePublicKey('')).toBeUndefined();
		expect(parsePublicKey(undefined)).toBeUndefined();
		expect(parsePublicKey('MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA')).toBeUndefined();
	});

	it('accepts the form format signed over the decoded `data` JSON, or over the raw body', () => {
		const form = `data=${encodeURIComponent(event)}`;
		expect(deliveryJsonText(Buffer.from(form), FORM_TYPE)).toBe(event);
		expect(verifyDeliverySignature(Buffer.from(form), FORM_TYPE, sign(event), key)).toBe('form data');
		expect(verifyDeliverySignature(Buffer.from(form), FORM_TYPE, sign(form), key)).toBe('raw body');
		const tamperedForm = `data=${encodeURIComponent(event.replace('12.5', '12.6'))}`;
		expect(verifyDeliverySignature(Buffer.from(tamperedForm), FORM_TYPE, sign(event), key)).toBeUndefined();
	});
});

describe('recent event ids (duplicate deliveries)', () => {
	it('reports a repeated id as seen and keeps only the newest ids', () => {
		const staticData = {};
		expect(rememberEvent(staticData, 'evt_1', 3)).toBe(true);
		expect(rememberEvent(staticData, 'evt_1', 3)).toBe(false);
		for (const id of ['evt_2', 'evt_3', 'evt_4']) expect(rememberEvent(staticData, id, 3)).toBe(true);
		expect(staticData).toEqual({ recentEventIds: ['evt_2', 'evt_3', 'evt_4'] });
		// evt_1 fell out of the window: bounded memory, so a very late retry would run again.
		expect(rememberEvent(staticData, 'evt_1', 3)).toBe(true);
	});
});
