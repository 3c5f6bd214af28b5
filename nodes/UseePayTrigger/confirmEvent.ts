import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { fillPath, idProblem } from '../shared/ids';
import { useePayRequest } from '../shared/transport';
import { WEBHOOK_EVENTS } from '../shared/webhookEvents';
import * as resources from '../UseePay/resources';

/**
 * Where UseePay serves each event's object type: the path of the UseePay node's Get operation for
 * the resource of that type (`payment_intent` → the Payment Intent resource), so the two never
 * differ. A Map, so an event named `__proto__.x` or `constructor.created` finds nothing. Disputes
 * have no resource (UseePay offers no GET for them).
 */
const GET_PATHS = new Map<string, { path: string; idParameter: string }>();
for (const resource of Object.values(resources)) {
	const get = resource.operations.find((op) => op.value === 'get' && op.method === 'GET' && op.path);
	const objectType = resource.value.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
	if (get?.path) GET_PATHS.set(objectType, { path: get.path, idParameter: String(resource.locator.name) });
}

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
	const get = GET_PATHS.get(objectType);
	if (!get) return { status: 422, message: `${objectType} events cannot be confirmed with UseePay` };
	const id = (event.data as IDataObject | null | undefined)?.id;
	// Checked like every ID a path is made of (ids.ts): anything else could leave its path segment.
	if (typeof id !== 'string' || idProblem(id)) {
		return { status: 400, message: "The event's object has no valid ID" };
	}
	let response;
	try {
		const path = fillPath(get.path, { [get.idParameter]: id });
		response = await useePayRequest.call(this, { method: 'GET', path }, [404]);
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
