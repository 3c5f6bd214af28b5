import type { INodePropertyOptions, INodePropertyRouting, PostReceiveAction } from 'n8n-workflow';

import type { BodySpec } from './body';
import { sendBody, sendToPath } from './body';
import { throwOnUseePayError } from './errors';
import { paginateUseePayList } from './pagination';

export type HttpMethod = 'GET' | 'POST';

export interface OperationSpec {
	name: string;
	value: string;
	action: string;
	description: string;
	method: HttpMethod;
	/**
	 * Path under the base URL; `{paramName}` is replaced by that (resource locator) parameter's
	 * checked, percent-encoded ID (body.ts sendToPath).
	 */
	path: string;
	/** The JSON body, for POST operations (body.ts). */
	body?: BodySpec;
	/** List operation: paged with page_num / page_size / has_more. */
	list?: boolean;
	/** More postReceive actions, run after throwOnUseePayError (e.g. surfaceDomainFailure). */
	postReceive?: PostReceiveAction[];
}

/**
 * One operation option of a resource: its HTTP method and path, and the shared behaviour every
 * UseePay operation has (IDs checked and put into the path, body built from parameters, UseePay's error
 * body turned into a NodeApiError, list paging). Resources list their operations with this, so a
 * new resource needs no change here.
 */
export function operation(spec: OperationSpec): INodePropertyOptions {
	const preSend = [sendToPath(spec.path), ...(spec.body ? [sendBody(spec.body)] : [])];
	const routing: INodePropertyRouting = {
		request: { method: spec.method, url: spec.path },
		send: { preSend, ...(spec.list ? { paginate: true } : {}) },
		output: { postReceive: [throwOnUseePayError, ...(spec.postReceive ?? [])] },
		...(spec.list ? { operations: { pagination: paginateUseePayList } } : {}),
	};
	return { name: spec.name, value: spec.value, action: spec.action, description: spec.description, routing };
}

/**
 * An operation option that runs as code (the node's `customOperations`) and makes several calls,
 * so it has no single method and path, and no routing.
 */
export function codeOperation(
	spec: Pick<OperationSpec, 'name' | 'value' | 'action' | 'description'>,
): INodePropertyOptions {
	return { name: spec.name, value: spec.value, action: spec.action, description: spec.description };
}
