import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import type { ItemParameters } from '../checks';

/**
 * One item's parameters for the bulk operations, read the way `getNodeParameter(name, i)` reads
 * them, but without n8n's expression engine for the one expression a field mapping almost always
 * is: `{{ $json.field }}` (what dragging an input field onto a parameter writes). n8n's default
 * `vm` engine evaluates every expression in an isolate, about 0.8 ms each; six mapped fields cost
 * 5 ms an item, 50 s of CPU for 10,000 items. A value whose every expression is such a plain read
 * of the item's own JSON (`$json.a`, `$json.a.b`, `$json["a b"]`) is resolved here by a property
 * lookup on the same item n8n would use (`$json` is the input item at the item's index), giving
 * the same value; anything else (any other variable, a function call, text around the braces,
 * options such as extractValue) goes to n8n's getNodeParameter, as before. No user code runs
 * outside n8n's sandbox: the fast path only ever reads properties.
 */
type Resolver = (json: IDataObject) => unknown;

/** `={{ $json.a.b }}` / `={{ $json["a b"].c }}` → ['a', 'b'] / ['a b', 'c']; otherwise undefined. */
export function jsonPathOf(expression: string): string[] | undefined {
	const match = /^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*|\[\s*(?:"[^"\\]*"|'[^'\\]*')\s*\])+)\s*\}\}$/.exec(expression);
	if (!match) return undefined;
	const path: string[] = [];
	const accessor = /\.([A-Za-z_$][\w$]*)|\[\s*(?:"([^"\\]*)"|'([^'\\]*)')\s*\]/g;
	for (const part of match[1].matchAll(accessor)) path.push(part[1] ?? part[2] ?? part[3]);
	return path;
}

/** Returned by a resolver when this item's value needs n8n's engine after all. */
const ENGINE = Symbol('expression engine');

/**
 * Follows the path through plain objects and arrays. A missing last key is undefined, as in
 * JavaScript; anything else (reading through undefined, a property of a string, an inherited
 * property) is left to n8n's engine so that its value, or its error, is exactly n8n's.
 */
function read(json: IDataObject, path: string[]): unknown {
	let value: unknown = json;
	for (let i = 0; i < path.length; i++) {
		if (value === null || typeof value !== 'object') return ENGINE;
		const key = path[i];
		if (!Object.prototype.hasOwnProperty.call(value, key)) {
			return i === path.length - 1 && !(key in (value as object)) ? undefined : ENGINE;
		}
		value = (value as IDataObject)[key];
	}
	return value;
}

/** A resolver for a raw parameter value, or undefined when it needs the expression engine. */
export function compileParameter(raw: unknown): Resolver | undefined {
	if (typeof raw === 'string') {
		if (!raw.startsWith('=')) return () => raw;
		const path = jsonPathOf(raw);
		return path ? (json) => read(json, path) : undefined;
	}
	if (raw === null || typeof raw !== 'object') return () => raw;
	if (Array.isArray(raw)) {
		const parts = raw.map(compileParameter);
		if (parts.some((part) => part === undefined)) return undefined;
		return (json) => {
			const result = parts.map((part) => (part as Resolver)(json));
			return result.includes(ENGINE) ? ENGINE : result;
		};
	}
	const entries = Object.entries(raw as IDataObject).map(([key, value]) => [key, compileParameter(value)] as const);
	if (entries.some(([, part]) => part === undefined)) return undefined;
	return (json) => {
		const result: IDataObject = {};
		for (const [key, part] of entries) {
			const value = (part as Resolver)(json);
			if (value === ENGINE) return ENGINE;
			result[key] = value as IDataObject[string];
		}
		return result;
	};
}

/** itemParameters(i) for every item of one run: each parameter is compiled once. */
export function parameterReader(
	ctx: IExecuteFunctions,
	items: INodeExecutionData[],
): (itemIndex: number) => ItemParameters {
	const parameters = ctx.getNode().parameters as IDataObject;
	const compiled = new Map<string, Resolver | undefined>();
	const resolverOf = (name: string) => {
		if (!compiled.has(name)) {
			// Only a parameter of the node itself (not a dotted path into one).
			const own = !name.includes('.') && Object.prototype.hasOwnProperty.call(parameters, name);
			compiled.set(name, own ? compileParameter(parameters[name]) : undefined);
		}
		return compiled.get(name);
	};
	return (itemIndex) => ({
		getNodeParameter: (name, fallback, options) => {
			const resolver = options ? undefined : resolverOf(name);
			const value = resolver ? resolver(items[itemIndex]?.json ?? {}) : ENGINE;
			return value === ENGINE ? ctx.getNodeParameter(name, itemIndex, fallback, options) : value;
		},
		getItemIndex: () => itemIndex,
		getNode: () => ctx.getNode(),
	});
}
