import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { isPlainObject } from '../../shared/checks';

/**
 * What a CRM sync compares and shows: whether a stored customer already carries a row's fields
 * (Skip Unchanged), the field diff of a Preview, and what an empty CRM value does (Empty Values).
 */

/** A field the row would change: its value in UseePay (null when UseePay shows none) and the row's. */
export interface Change {
	from: unknown;
	to: unknown;
}

/** Create or Update's own options, read once per run from the first item. */
export interface SyncOptions {
	skipUnchanged: boolean;
	preview: boolean;
	/** `clear`: a field the row lists with an empty value is sent as null (cleared in UseePay). */
	emptyValues: 'ignore' | 'clear';
}

export function syncOptions(options: IDataObject): SyncOptions {
	return {
		skipUnchanged: options.skipUnchanged !== false,
		preview: options.previewOnly === true,
		emptyValues: options.emptyValues === 'clear' ? 'clear' : 'ignore',
	};
}

/** The options of Create or Update beside the scheduler's (index.ts adds them to its Options). */
export const syncOptionFields: INodeProperties[] = [
	{
		displayName: 'Empty Values',
		name: 'emptyValues',
		type: 'options',
		options: [
			{
				name: 'Ignore',
				value: 'ignore',
				description: 'An empty value (or null) in the row leaves that field as it is in UseePay',
			},
			{
				name: 'Clear In UseePay',
				value: 'clear',
				description: 'An empty value (or null) in the row clears that field of an existing customer (sent as null)',
			},
		],
		default: 'ignore',
		description: 'What a field the row lists but leaves empty does',
	},
	{
		displayName: 'Preview Only (Dry Run)',
		name: 'previewOnly',
		type: 'boolean',
		default: false,
		description:
			'Whether to only read UseePay and output, per row, what a sync would do (create, update, unchanged, conflict) and for updates which fields would change, without writing anything',
	},
	{
		displayName: 'Skip Unchanged',
		name: 'skipUnchanged',
		type: 'boolean',
		default: true,
		description:
			'Whether to leave out the write of a row whose customer already holds every field the row sets (output with action "unchanged"). Off: every found row is written.',
	},
];

/**
 * The fields the body would change on the stored customer, by dotted path (objects such as
 * address, shipping and metadata field by field, as UseePay's update keeps the fields a body
 * leaves out). Compared exactly, as sent: a field the customer does not show, or shows with
 * another type, counts as a change, so doubt means a write, never a skip. Arrays compare whole.
 * A null sent (Empty Values: Clear) is carried by a stored null only.
 */
export function changesOf(stored: unknown, sent: unknown, path = ''): Record<string, Change> {
	if (isPlainObject(sent)) {
		// Nothing stored: each field the row sets is new (a create's diff, or an object UseePay shows none of).
		if (stored === undefined || stored === null) stored = {};
		if (!isPlainObject(stored)) return { [path]: { from: stored, to: sent } };
		const changes: Record<string, Change> = {};
		for (const [key, value] of Object.entries(sent)) {
			Object.assign(changes, changesOf(stored[key], value, path ? `${path}.${key}` : key));
		}
		return changes;
	}
	const same = Array.isArray(sent)
		? JSON.stringify(stored) === JSON.stringify(sent)
		: stored === sent && (sent !== null || stored !== undefined);
	return same ? {} : { [path]: { from: stored ?? null, to: sent } };
}

const isBlank = (value: unknown) => value === null || (typeof value === 'string' && value.trim() === '');

/**
 * The dotted paths of the fields the collection lists with an empty value (`''` or null): its
 * top-level fields and its metadata keys. Not the parts of an address or shipping group: n8n
 * fills every part of a group when one is used, so an empty part cannot be told from a part the
 * user never set. Extra Fields (JSON) are left alone: a null there is sent as it is anyway.
 */
export function emptiedPaths(fields: IDataObject): string[] {
	const paths: string[] = [];
	for (const [key, value] of Object.entries(fields)) {
		if (key === 'extraFields') continue;
		if (isBlank(value)) paths.push(key);
		else if (isPlainObject(value) && Array.isArray(value.entries)) {
			for (const entry of value.entries as IDataObject[]) {
				const entryKey = String(entry.key ?? '').trim();
				if (entryKey && isBlank(entry.value ?? '')) paths.push(`${key}.${entryKey}`);
			}
		}
	}
	return paths;
}

/**
 * The body as Empty Values says: `ignore` leaves out metadata keys whose value is empty (buildBody
 * already leaves out every other empty field); `clear` sets each emptied path to null.
 */
export function withEmptyValues(body: IDataObject, emptied: string[], mode: SyncOptions['emptyValues']): IDataObject {
	const result = structuredClone(body);
	for (const path of emptied) {
		const parts = path.split('.');
		const last = parts.pop() as string;
		let target: IDataObject | undefined = result;
		for (const part of parts) {
			if (!isPlainObject(target[part])) {
				if (mode === 'ignore') {
					target = undefined;
					break;
				}
				target[part] = {};
			}
			target = target[part] as IDataObject;
		}
		if (!target) continue;
		if (mode === 'clear') target[last] = null;
		else if (isBlank(target[last] ?? null)) delete target[last];
	}
	// A metadata whose every key was empty is left out, as buildBody leaves out empty objects.
	for (const [key, value] of Object.entries(result)) {
		if (isPlainObject(value) && Object.keys(value).length === 0) delete result[key];
	}
	return result;
}

/** A create's body: nulls (nothing to clear on a new customer) left out. */
export function withoutNulls(body: IDataObject): IDataObject {
	const result: IDataObject = {};
	for (const [key, value] of Object.entries(body)) {
		if (value === null) continue;
		result[key] = isPlainObject(value) ? withoutNulls(value) : value;
	}
	return result;
}
