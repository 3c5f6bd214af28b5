import type { IDataObject, INodeProperties, INodePropertyOptions, INodePropertyRouting } from 'n8n-workflow';

import { throwOnUseePayError } from '../../shared/errors';
import { pathParameters } from '../../shared/ids';
import { sendBody, sendToPath } from './body';
import { forOperation, updateFields } from './fields';
import { paginateUseePayList } from './getMany';
import { locatorField, searchList, searchMethodOf } from './locators';
import type { CodeRun, OperationSpec } from './operationSpec';

export type { CodeRun, HttpMethod, OperationSpec } from './operationSpec';

export interface ResourceDefinition {
	value: string;
	displayName: string;
	/** Example ID for the locator's By ID mode. */
	idPlaceholder: string;
	/**
	 * The locator's From List mode: how one object reads there, and the list it is read from (by
	 * default the path of the resource's Get Many).
	 */
	list: { label: (object: IDataObject) => string; path?: string };
	/** In the order the node lists them (alphabetical). */
	operations: OperationSpec[];
	/** Fields several operations share, after the operations' own (displayOptions name the operations). */
	fields?: INodeProperties[];
}

/** A resource of the node (UseePay.node.ts `RESOURCES`): everything the node derives from it. */
export interface UseePayResource extends ResourceDefinition {
	/** The resource locator of its ID (`<resource>Id`), first field of every operation whose path names it. */
	locator: INodeProperties;
	list: { label: (object: IDataObject) => string; path: string };
}

/** Checks a resource's definition and completes it with its locator and list. */
export function useePayResource(definition: ResourceDefinition): UseePayResource {
	const { value, displayName, idPlaceholder, operations } = definition;
	const locator = locatorField(value, { name: `${value}Id`, displayName, placeholder: idPlaceholder });
	for (const op of operations) {
		if (!op.run && !(op.method && op.path)) throw new Error(`${value}.${op.value}: routed without method and path`);
		for (const parameter of pathParameters(op.path ?? '')) {
			if (parameter !== locator.name) throw new Error(`${value}.${op.value}: {${parameter}} is not {${locator.name}}`);
		}
	}
	const path = definition.list.path ?? operations.find((op) => op.list)?.path;
	if (!path) throw new Error(`${value}: no list to pick from (no Get Many, no list path)`);
	return { ...definition, locator, list: { ...definition.list, path } };
}

/** The routing of a routed operation: IDs into the path, the body, UseePay's errors, paging. */
function routingOf(op: OperationSpec): INodePropertyRouting {
	const path = op.path as string;
	const preSend = [sendToPath(path), ...(op.body ? [sendBody(op.body)] : [])];
	return {
		request: { method: op.method, url: path },
		send: { preSend, ...(op.list ? { paginate: true } : {}) },
		output: { postReceive: [throwOnUseePayError, ...(op.postReceive ?? [])] },
		...(op.list ? { operations: { pagination: paginateUseePayList } } : {}),
	};
}

/** The option of an operation; code operations have no routing (n8n runs their code instead). */
function optionOf(op: OperationSpec): INodePropertyOptions {
	const { name, value, action, description } = op;
	return { name, value, action, description, ...(op.run ? {} : { routing: routingOf(op) }) };
}

/** The node's Resource parameter. */
export function resourceSelector(resources: UseePayResource[], defaultResource: string): INodeProperties {
	return {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map(({ displayName, value }) => ({ name: displayName, value })),
		default: defaultResource,
	};
}

/** A resource's properties: its Operation parameter, then each operation's fields, then shared ones. */
export function resourceProperties(resource: UseePayResource): INodeProperties[] {
	const { value, operations, locator } = resource;
	const operation: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [value] } },
		options: operations.map(optionOf),
		default: 'create',
	};
	if (!operations.some((op) => op.value === 'create')) operation.default = operations[0].value;
	const fieldsOf = (op: OperationSpec) => [
		...(pathParameters(op.path ?? '').length ? [locator] : []),
		...(op.fields ?? []),
	];
	return [
		operation,
		...operations.flatMap((op) => forOperation({ operation: [op.value], resource: [value] }, fieldsOf(op))),
		...forOperation({ resource: [value] }, resource.fields ?? []),
	];
}

/** The node's `customOperations`: every operation that runs as code, by resource and operation. */
export function customOperationsOf(resources: UseePayResource[]): Record<string, Record<string, CodeRun>> {
	const custom: Record<string, Record<string, CodeRun>> = {};
	for (const resource of resources) {
		for (const op of resource.operations) if (op.run) (custom[resource.value] ??= {})[op.value] = op.run;
	}
	return custom;
}

/** The node's `listSearch` methods: one per resource, named by searchMethodOf, over its list. */
export function listSearchOf(resources: UseePayResource[]) {
	return Object.fromEntries(
		resources.map((resource) => [searchMethodOf(resource.value), searchList(resource.list.path, resource.list.label)]),
	);
}

/** Get: one object by its ID. */
export function getOperation(theObject: string, path: string, description = `Retrieve ${theObject}`): OperationSpec {
	return { name: 'Get', value: 'get', action: `Get ${theObject}`, description, method: 'GET', path };
}

/** Update: POST the fields the user adds (Update Fields) to the object's path. */
export function updateOperation(
	theObject: string,
	path: string,
	fields: INodeProperties[],
	description = `Update ${theObject}`,
): OperationSpec {
	return {
		name: 'Update',
		value: 'update',
		action: `Update ${theObject}`,
		description,
		method: 'POST',
		path,
		body: { collection: 'updateFields' },
		fields: [updateFields(fields)],
	};
}
