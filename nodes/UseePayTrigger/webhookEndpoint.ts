import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { useePayListAll, useePayRequest } from '../UseePay/shared/transport';

/** UseePay's webhook endpoint object (its "Webhooks" API reference). */
export interface UseePayWebhookEndpoint {
	id: string;
	url: string;
	events?: string[];
	status?: string | null;
	api_version?: string | null;
}

export interface WantedEndpoint {
	url: string;
	events: string[];
	apiVersion: string;
}

const sameEvents = (a: string[] = [], b: string[] = []) =>
	a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n');

/** A null status is what UseePay's samples return for a fresh endpoint; it counts as enabled. */
export const isEnabled = (endpoint: UseePayWebhookEndpoint) => endpoint.status !== 'disabled';

/** All endpoints registered for exactly this URL (test and production URLs differ). */
export async function endpointsForUrl(this: IHookFunctions, url: string): Promise<UseePayWebhookEndpoint[]> {
	const all = (await useePayListAll.call(this, '/api/v1/webhooks')) as unknown as UseePayWebhookEndpoint[];
	return all.filter((endpoint) => endpoint.url === url);
}

export async function createEndpoint(this: IHookFunctions, wanted: WantedEndpoint): Promise<UseePayWebhookEndpoint> {
	const { body } = await useePayRequest.call(this, {
		method: 'POST',
		path: '/api/v1/webhooks/create',
		body: {
			url: wanted.url,
			events: wanted.events,
			api_version: wanted.apiVersion,
			status: 'enabled',
			description: `n8n workflow ${this.getWorkflow().id ?? ''}`.trim(),
		},
	});
	return body as unknown as UseePayWebhookEndpoint;
}

export async function updateEndpoint(this: IHookFunctions, id: string, changes: IDataObject): Promise<boolean> {
	const { statusCode } = await useePayRequest.call(
		this,
		{ method: 'POST', path: `/api/v1/webhooks/${encodeURIComponent(id)}`, body: changes },
		[404],
	);
	return statusCode !== 404;
}

/**
 * Makes UseePay hold exactly one enabled endpoint for this URL, with our events and version:
 * the first enabled one is kept (and updated if its events or version drifted), any other
 * enabled ones are disabled. Returns the kept endpoint's id, or undefined if none exists.
 */
export async function reconcileEndpoints(this: IHookFunctions, wanted: WantedEndpoint): Promise<string | undefined> {
	const enabled = (await endpointsForUrl.call(this, wanted.url)).filter(isEnabled);
	const [kept, ...extra] = enabled;
	for (const duplicate of extra) await updateEndpoint.call(this, duplicate.id, { status: 'disabled' });
	if (!kept) return undefined;
	if (!sameEvents(kept.events, wanted.events) || (kept.api_version && kept.api_version !== wanted.apiVersion)) {
		await updateEndpoint.call(this, kept.id, {
			events: wanted.events,
			api_version: wanted.apiVersion,
			status: 'enabled',
		});
	}
	return kept.id;
}
