import type { INodePropertyOptions, INodePropertyRouting, PostReceiveAction } from 'n8n-workflow';

import type { BodySpec } from './body';
import { requireId, sendBody } from './body';
import { throwOnUseePayError } from './errors';
import { paginateUseePayList } from './pagination';

export type HttpMethod = 'GET' | 'POST';

export interface OperationSpec {
	name: string;
	value: string;
	action: string;
	description: string;
	method: HttpMethod;
	/** Path under the base URL; `{paramName}` is replaced by that (resource locator) parameter. */
	path: string;
	/** The JSON body, for POST operations (body.ts). */
	body?: BodySpec;
	/** List operation: paged with page_num / page_size / has_more. */
	list?: boolean;
	/** More postReceive actions, run after throwOnUseePayError (e.g. surfaceDomainFailure). */
	postReceive?: PostReceiveAction[];
}

/** `/api/v1/customers/{customerId}` → an n8n expression that URL-encodes the parameter. */
export function pathExpression(path: string): string {
	if (!path.includes('{')) return path;
	return '=' + path.replace(/\{(\w+)\}/g, (_, param: string) => `{{ encodeURIComponent($parameter["${param}"]) }}`);
}

export function pathParameters(path: string): string[] {
	return [...path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]);
}

/**
 * One operation option of a resource: its HTTP method and path, and the shared behaviour every
 * UseePay operation has (IDs checked before sending, body built from parameters, UseePay's error
 * body turned into a NodeApiError, list paging). Resources list their operations with this, so a
 * new resource needs no change here.
 */
export function operation(spec: OperationSpec): INodePropertyOptions {
	const preSend = [
		...pathParameters(spec.path).map((param) => requireId(param)),
		...(spec.body ? [sendBody(spec.body)] : []),
	];
	const routing: INodePropertyRouting = {
		request: { method: spec.method, url: pathExpression(spec.path) },
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
