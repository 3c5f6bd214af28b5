import type { IDisplayOptions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { labelOf } from '../checks';

/*
 * The shapes every field is made of. UseePay's body objects are fixedCollections with one
 * `details` group (objectField) and its arrays of objects multi-value groups named `items`
 * (listField); body.ts unwraps both. A fixedCollection always sends every field of its group
 * (numbers and booleans with their defaults), so an object whose fields are all optional and
 * include numbers or booleans (device data, browser, card options) is a `collection` instead:
 * only the fields the user adds are sent.
 */

/**
 * A single object (body.ts sends the `details` group as the object). `multipleValues: false` is
 * said explicitly: when the editor recomputes the parameters (after any other field changes, e.g.
 * a drag-and-drop mapping) n8n keeps an empty fixedCollection the user just added only when it is
 * marked single-valued; unmarked, Address vanished as soon as another field was mapped.
 */
export function objectField(
	name: string,
	displayName: string,
	values: INodeProperties[],
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		placeholder: `Add ${displayName}`,
		default: {},
		typeOptions: { multipleValues: false },
		...extra,
		options: [{ displayName: 'Details', name: 'details', values }],
	};
}

/** A list of objects, one row per `item` (body.ts sends the `items` group as an array). */
export function listField(
	name: string,
	displayName: string,
	itemDisplayName: string,
	values: INodeProperties[],
	extra: Partial<INodeProperties> = {},
): INodeProperties {
	const list = { placeholder: `Add ${itemDisplayName}`, typeOptions: { multipleValues: true }, ...extra };
	const field = objectField(name, displayName, values, list);
	return { ...field, options: [{ displayName: itemDisplayName, name: 'items', values }] };
}

/** A plain text field, sent under its own (wire) name when not empty. */
export function textField(name: string, displayName: string, extra: Partial<INodeProperties> = {}): INodeProperties {
	return { displayName, name, type: 'string', default: '', ...extra };
}

/**
 * An object group (Address, Shipping …) added from Add Field opens with its fields at once: the
 * editor gives an added field its default, and `{details: {}}` is the open group (one click, not
 * Add Field → Address → Add Address). Only inside a collection: at the top level that default
 * would show an optional object's fields unasked. body.ts drops the group while it is empty.
 */
function openWhenAdded(option: INodeProperties): INodeProperties {
	const singleObject = option.type === 'fixedCollection' && option.typeOptions?.multipleValues === false;
	return singleObject ? { ...option, default: { details: {} } } : option;
}

/** The optional fields of a create (and other writes): sent under their own names (body.ts `collection`). */
export function additionalFields(options: INodeProperties[], extra: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		...extra,
		options: options.map(openWhenAdded),
	};
}

/** The fields an update may change (body.ts `collection: 'updateFields'`). */
export function updateFields(options: INodeProperties[]): INodeProperties {
	return { ...additionalFields(options), displayName: 'Update Fields', name: 'updateFields' };
}

/**
 * The properties shown only where `show` holds (e.g. one operation of one resource): displayOptions
 * written once, merged before any condition of the property's own (Limit's `returnAll` ...).
 */
export function forOperation(show: NonNullable<IDisplayOptions['show']>, properties: INodeProperties[]) {
	return properties.map(
		(property): INodeProperties => ({
			...property,
			displayOptions: { ...property.displayOptions, show: { ...show, ...property.displayOptions?.show } },
		}),
	);
}

/** Options whose labels are their values' ('apple_pay' → 'Apple Pay'), in the order given. */
export function optionsOf(...values: string[]): INodePropertyOptions[] {
	return values.map((value) => ({ name: labelOf(value), value }));
}

/** Fields sorted by their label, as n8n lists them. */
export const byDisplayName = (a: INodeProperties, b: INodeProperties) => a.displayName.localeCompare(b.displayName);
