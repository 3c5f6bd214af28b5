import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import { fillPath, pathParameters } from '../../shared/ids';
import type { ItemParameters } from './checks';
import { checkBody, invalidInput, isIdField, isPlainObject, labelOf, readId } from './checks';

/**
 * How parameter values become UseePay's JSON body.
 *
 * Parameter names are UseePay's wire names (snake_case), so a value is sent under its own name.
 * Shared field shapes (fields/) use group names that this file unwraps:
 * - a single-value fixedCollection group `details` ({details: {...}}) becomes the plain object
 *   (address, shipping, order ...);
 * - a multi-value group `entries` of {key, value} rows becomes a key/value object (metadata);
 * - a multi-value group `items` ({items: [{...}, {...}]}) becomes the plain array of objects
 *   (order products ...).
 * A resource locator value ({__rl: true, value, mode}) is sent as its (trimmed) value.
 * Empty (or only blank) strings and empty objects are left out, so optional fields are sent only
 * when set. `extraFields` (JSON) is merged last, for fields UseePay's docs leave open.
 * Checked before anything is sent (checks.ts): emails, UseePay IDs (resource locators and the `*_id` fields
 * naming UseePay objects, see ids.ts), and, on the finished body, amounts and currencies (money.ts).
 */

type PreSend = (this: IExecuteSingleFunctions, options: IHttpRequestOptions) => Promise<IHttpRequestOptions>;

/**
 * n8n hands collection values over in the order of the (alphabetical) field list; bodies go out
 * in the order UseePay's documentation writes its fields, so a request reads like the docs'
 * examples. Keys not listed keep their order, after the listed ones.
 */
const WIRE_ORDER = [
	'merchant_customer_id',
	'name',
	'email',
	'phone',
	'first_name',
	'last_name',
	'description',
	'country',
	'state',
	'city',
	'line1',
	'line2',
	'postcode',
	'shipping_method',
	'address',
	'shipping',
	'metadata',
];
const WIRE_RANK = new Map(WIRE_ORDER.map((key, rank) => [key, rank]));

function inWireOrder(object: IDataObject): IDataObject {
	const rank = (key: string) => WIRE_RANK.get(key) ?? WIRE_ORDER.length;
	const ordered: IDataObject = {};
	for (const key of Object.keys(object).sort((a, b) => rank(a) - rank(b))) ordered[key] = object[key];
	return ordered;
}

/** Keys that would set an object's prototype instead of a field when merged. */
const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

function isEmpty(value: unknown): boolean {
	return (
		value === undefined ||
		value === null ||
		(typeof value === 'string' && value.trim() === '') ||
		(isPlainObject(value) && Object.keys(value).length === 0) ||
		(Array.isArray(value) && value.length === 0)
	);
}

/** Turns one parameter value (possibly a shared shape) into its wire value; undefined = leave out. */
function toWire(ctx: ItemParameters, path: string, value: unknown): unknown {
	if (Array.isArray(value)) {
		const list = value.map((entry, i) => toWire(ctx, `${path}.${i}`, entry)).filter((v) => !isEmpty(v));
		return list.length ? list : undefined;
	}
	if (!isPlainObject(value)) {
		if (isEmpty(value)) return undefined;
		return typeof value === 'string' && isIdField(path) ? value.trim() : value;
	}
	// A resource locator (an ID referenced in the body, e.g. customer_id) is sent as its value.
	if (value.__rl === true) return toWire(ctx, path, String(value.value ?? '').trim());
	const keys = Object.keys(value);
	if (keys.length === 1 && keys[0] === 'details') return toWire(ctx, path, value.details);
	// A list of objects: a multi-value group named `items` is sent as the array of its rows.
	if (keys.length === 1 && keys[0] === 'items' && Array.isArray(value.items)) return toWire(ctx, path, value.items);
	if (keys.length === 1 && keys[0] === 'entries' && Array.isArray(value.entries)) {
		const result: IDataObject = {};
		for (const row of value.entries as IDataObject[]) {
			const key = String(row.key ?? '').trim();
			if (!key) {
				throw invalidInput(ctx, path, 'has a row with an empty key', 'Give every row a key, or remove the row.');
			}
			// Refused as in Extra Fields: `__proto__` would set the object's prototype, not a key.
			if (UNSAFE_KEYS.has(key)) throw invalidInput(ctx, path, `may not contain the key '${key}'`);
			result[key] = row.value ?? '';
		}
		return Object.keys(result).length ? result : undefined;
	}
	const result: IDataObject = {};
	for (const [key, inner] of Object.entries(value)) {
		const wire = toWire(ctx, path ? `${path}.${key}` : key, inner);
		if (!isEmpty(wire)) result[key] = wire as IDataObject[string];
	}
	return isEmpty(result) ? undefined : inWireOrder(result);
}

function parseExtraFields(ctx: ItemParameters, raw: unknown): IDataObject {
	if (isEmpty(raw)) return {};
	let parsed: unknown = raw;
	if (typeof raw === 'string') {
		try {
			parsed = JSON.parse(raw);
		} catch (error) {
			throw invalidInput(ctx, 'extraFields', 'is not valid JSON', (error as Error).message);
		}
	}
	if (!isPlainObject(parsed)) {
		throw invalidInput(ctx, 'extraFields', 'must be a JSON object', 'For example {"locale": "en"}.');
	}
	const unsafe = unsafeKey(parsed);
	if (unsafe) throw invalidInput(ctx, 'extraFields', `may not contain the key '${unsafe}'`);
	return parsed;
}

function unsafeKey(value: unknown): string | undefined {
	if (Array.isArray(value)) return value.map(unsafeKey).find(Boolean);
	if (!isPlainObject(value)) return undefined;
	for (const [key, inner] of Object.entries(value)) {
		if (UNSAFE_KEYS.has(key)) return key;
		const found = unsafeKey(inner);
		if (found) return found;
	}
	return undefined;
}

function deepMerge(target: IDataObject, extra: IDataObject): IDataObject {
	for (const [key, value] of Object.entries(extra)) {
		target[key] =
			isPlainObject(value) && isPlainObject(target[key])
				? deepMerge({ ...(target[key] as IDataObject) }, value)
				: value;
	}
	return target;
}

/**
 * preSend: the request goes to `path` with every `{parameter}` filled with its checked,
 * percent-encoded ID. (Done here rather than by an n8n expression in the URL: the expression
 * engine swallows errors, so an ID it cannot encode would silently become an empty segment.)
 */
export function sendToPath(path: string): PreSend {
	const parameters = pathParameters(path);
	return async function (this: IExecuteSingleFunctions, options) {
		const ids = Object.fromEntries(parameters.map((parameter) => [parameter, readId(this, parameter)]));
		options.url = fillPath(path, ids);
		return options;
	};
}

export interface BodySpec {
	/** Top-level parameters sent under their own names; required ones must not be empty. */
	required?: string[];
	optional?: string[];
	/** A collection (Additional Fields / Update Fields) whose keys are sent under their own names. */
	collection?: string;
	/** Completes the built body (e.g. a field UseePay requires even when it is empty), before the checks. */
	complete?: (body: IDataObject) => IDataObject;
}

/** Builds the JSON body of one item from its parameters (also used outside routing). */
export function buildBody(ctx: ItemParameters, spec: BodySpec): IDataObject {
	const body: IDataObject = {};
	for (const name of spec.required ?? []) {
		const wire = toWire(ctx, name, ctx.getNodeParameter(name, ''));
		if (isEmpty(wire)) throw invalidInput(ctx, name, 'is required', `Enter a value for '${labelOf(name)}'.`);
		body[name] = wire as IDataObject[string];
	}
	for (const name of spec.optional ?? []) {
		const wire = toWire(ctx, name, ctx.getNodeParameter(name, ''));
		if (!isEmpty(wire)) body[name] = wire as IDataObject[string];
	}
	let extra: IDataObject = {};
	if (spec.collection) {
		const { extraFields, ...fields } = ctx.getNodeParameter(spec.collection, {}) as IDataObject;
		for (const [name, value] of Object.entries(fields)) {
			const wire = toWire(ctx, name, value);
			if (!isEmpty(wire)) body[name] = wire as IDataObject[string];
		}
		extra = parseExtraFields(ctx, extraFields);
	}
	const merged = deepMerge(inWireOrder(body), extra);
	const finished = spec.complete ? spec.complete(merged) : merged;
	checkBody(ctx, finished);
	return finished;
}

/** preSend: the request body is built from the operation's parameters (see buildBody). */
export function sendBody(spec: BodySpec): PreSend {
	return async function (this: IExecuteSingleFunctions, options) {
		options.body = buildBody(this, spec);
		return options;
	};
}
