import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { idProblem } from '../shared/ids';
import { useePayRequest } from '../shared/transport';
import { WEBHOOK_EVENTS } from '../shared/webhookEvents';

/** Where UseePay serves each event's object type (its API reference; disputes have no GET). */
const OBJECT_PATHS: Record<string, string> = {
	payment_intent: '/api/v1/payment_intents/',
	refund: '/api/v1/refunds/',
	subscription: '/api/v1/subscriptions/',
	invoice: '/api/v1/invoices/',
	payment_method: '/api/v1/payment_methods/',
	checkout_session: '/api/v1/checkout_sessions/',
};

export type Confirmation = { object: IDataObject } | { object?: undefined; status: number; message: string };

/**
 * "Confirm With UseePay": the event's object as UseePay serves it to this credential. A 404 (an
 * object of another merchant, or none) refuses the delivery; a failure to reach UseePay answers
 * 503 so that UseePay delivers the event again later. Never throws.
 */
export async function confirmWithUseePay(
	this: IWebhookFunctions,
	event: IDataObject,
	merchantNo: string,
): Promise<Confirmation> {
	const objectType =
		WEBHOOK_EVENTS.find((known) => known.event === event.name)?.objectType ?? String(event.name).split('.')[0];
	const basePath = OBJECT_PATHS[objectType];
	if (!basePath) return { status: 422, message: `${objectType} events cannot be confirmed with UseePay` };
	const id = (event.data as IDataObject | null | undefined)?.id;
	// Checked like every ID a path is made of (ids.ts): anything else could leave its path segment.
	if (typeof id !== 'string' || idProblem(id)) {
		return { status: 400, message: "The event's object has no valid ID" };
	}
	let response;
	try {
		response = await useePayRequest.call(this, { method: 'GET', path: `${basePath}${id}` }, [404]);
	} catch {
		return { status: 503, message: 'UseePay could not be reached to confirm the event; try again later' };
	}
	const object = response.body;
	const owner = object.merchant_no;
	if (response.statusCode === 404 || object.id !== id || (owner !== undefined && String(owner) !== merchantNo)) {
		return { status: 403, message: "The event's object is not in this UseePay account" };
	}
	return { object };
}
