/** Shared helpers for the emulator tests: start a fresh emulator and build authenticated clients. */
import axios, { type AxiosInstance } from 'axios';
import { generateKeyPairSync } from 'crypto';
import { sleep } from 'n8n-workflow';
import { createEmulator } from '../../emulator/server';

export const API_KEY = 'UseePay_SK_emulator';
export const MERCHANT = '500000000000001';
export const APP_ID = 'shop.example.com';

export type EmulatorOptions = Parameters<typeof createEmulator>[0];
export type Emulator = ReturnType<typeof createEmulator>;

export interface Running {
	emu: Emulator;
	url: string;
	/** client for MERCHANT */
	api: AxiosInstance;
	/** un-authenticated client (control plane) */
	raw: AxiosInstance;
}

export function client(
	url: string,
	merchantNo: string = MERCHANT,
	apiKey: string = API_KEY,
	appId: string = APP_ID,
): AxiosInstance {
	return axios.create({
		baseURL: url,
		headers: { 'x-merchant-no': merchantNo, 'x-api-key': apiKey, 'x-app-id': appId },
		validateStatus: () => true,
	});
}

/** One RSA key for the whole test file: generating 2048-bit keys per emulator is slow. */
const SHARED_PRIVATE_KEY = generateKeyPairSync('rsa', { modulusLength: 2048 })
	.privateKey.export({ type: 'pkcs8', format: 'pem' })
	.toString();

export async function start(options: EmulatorOptions = {}): Promise<Running> {
	const emu = createEmulator({ privateKeyPem: SHARED_PRIVATE_KEY, ...options });
	const { url } = await emu.listen(0);
	return { emu, url, api: client(url), raw: axios.create({ baseURL: url, validateStatus: () => true }) };
}

/** A starter for tests that each start their own emulators: every one started is closed after its test. */
export function emulatorPerTest(): (options?: EmulatorOptions) => Promise<Running> {
	const running: Running[] = [];
	afterEach(async () => {
		await Promise.all(running.splice(0).map((started) => started.emu.close()));
	});
	return async (options) => {
		const started = await start(options);
		running.push(started);
		return started;
	};
}

/** Polls `check` every 10 ms until it returns true or `timeoutMs` passes. */
export async function waitUntil(check: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	while (!(await check())) {
		if (Date.now() > deadline) throw new Error('waitUntil: condition not met in time');
		await sleep(10);
	}
}

export const card = (number: string) => ({
	type: 'card',
	card: { number, expiry_month: '12', expiry_year: '2030', cvc: '123' },
});

let orderSeq = 0;
/** A unique merchant_order_id. */
export const orderId = () => `ORD-${Date.now()}-${++orderSeq}`;
