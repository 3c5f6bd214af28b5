import type { IExecuteFunctions, INodeExecutionData, INodeProperties, PostReceiveAction } from 'n8n-workflow';

import type { BodySpec } from './body';

/*
 * What one operation is (its spec), apart from what a resource makes of it (resource.ts): the
 * operation files and getMany.ts need only this, so they do not import the resource machinery,
 * which imports them.
 */

export type HttpMethod = 'GET' | 'POST';

/** What n8n runs for an operation that runs as code (the node's `customOperations`). */
export type CodeRun = (this: IExecuteFunctions) => Promise<INodeExecutionData[][]>;

/** One operation of a resource: its option, its call, its fields, and how it runs. */
export interface OperationSpec {
	name: string;
	value: string;
	action: string;
	description: string;
	/**
	 * The call: method and path under the base URL; `{<resource>Id}` in the path is the resource's
	 * locator, whose checked, percent-encoded ID fills it (body.ts sendToPath). An operation that
	 * runs as code and makes several calls has none.
	 */
	method?: HttpMethod;
	path?: string;
	/** The JSON body, for POST operations (body.ts). */
	body?: BodySpec;
	/** List operation: paged with page_num / page_size / has_more. */
	list?: boolean;
	/** More postReceive actions, run after throwOnUseePayError (e.g. surfaceDomainFailure). */
	postReceive?: PostReceiveAction[];
	/** The operation's own fields (the resource's locator, when the path names it, comes first). */
	fields?: INodeProperties[];
	/** Runs as code, reading this spec, instead of through n8n's declarative routing. */
	run?: CodeRun;
}
