import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { useePayListAll, useePayRequest } from '../shared/transport';

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

/** Only an explicit "enabled" is enabled: UseePay's update sample answers `status: null`. */
export const isEnabled = (endpoint: UseePayWebhookEndpoint) => endpoint.status === 'enabled';

/** Anything but an explicit "disabled" may still deliver, so it is disabled when not kept. */
export const mayDeliver = (endpoint: UseePayWebhookEndpoint) => endpoint.status !== 'disabled';

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
 * Makes UseePay hold exactly one enabled endpoint for this URL, with our events and version. The
 * kept endpoint is the first one that says "enabled", else the first that may deliver (status null
 * or missing), else the first disabled one; it is always sent `status: enabled` with our events
 * and version, so a null status or an endpoint disabled on unpublish is enabled again. Every other
 * endpoint for the URL that may deliver is disabled. Returns the kept id, or undefined if none exists.
 */
export async function reconcileEndpoints(this: IHookFunctions, wanted: WantedEndpoint): Promise<string | undefined> {
	const all = await endpointsForUrl.call(this, wanted.url);
	const kept = all.find(isEnabled) ?? all.find(mayDeliver) ?? all[0];
	if (!kept) return undefined;
	for (const other of all) {
		if (other !== kept && mayDeliver(other)) await updateEndpoint.call(this, other.id, { status: 'disabled' });
	}
	const updated = await updateEndpoint.call(this, kept.id, {
		events: wanted.events,
		api_version: wanted.apiVersion,
		status: 'enabled',
	});
	return updated ? kept.id : undefined;
}
