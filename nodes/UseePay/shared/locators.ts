import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodeProperties,
} from 'n8n-workflow';

import type { ListCursor } from '../../shared/pagination';
import { idOf, PagingError, pagingFailure, readList } from '../../shared/pagination';
import { useePayPages, useePayPagingProfile } from '../../shared/transport';

/** The node's listSearch method that lists a resource's objects (`customer` → `searchCustomer`). */
export const searchMethodOf = (resource: string) => `search${resource.charAt(0).toUpperCase()}${resource.slice(1)}`;

export interface LocatorSpec {
	/** Parameter name: the resource's own `<resource>Id` (used in paths as `{name}`), or a body field. */
	name: string;
	displayName: string;
	placeholder: string;
	description?: string;
}

/** A resource locator for an object of `resource`: pick it From List (searchable) or enter it By ID. */
export function locatorField(resource: string, spec: LocatorSpec): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		...(spec.description ? { description: spec.description } : {}),
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: searchMethodOf(resource), searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: spec.placeholder },
		],
	};
}

/** The customer a payment object belongs to (`customer_id`), picked like a customer. */
export function customerIdLocator(description: string): INodeProperties {
	return locatorField('customer', {
		name: 'customer_id',
		displayName: 'Customer',
		placeholder: 'e.g. cus_1JA7UDDQG3800',
		description,
	});
}

const SEARCH_PAGE_SIZE = 50;

/** The cursor a pagination token carries (JSON), or undefined for a token that is none. */
function cursorOf(token: string | undefined): ListCursor | undefined {
	if (!token) return undefined;
	try {
		const { page, size, seen } = JSON.parse(token) as ListCursor;
		if (!Number.isInteger(page) || page < 1 || !Number.isInteger(size) || size < 1) return undefined;
		return { page, size, seen: Array.isArray(seen) ? seen.map(String) : [] };
	} catch {
		return undefined;
	}
}

/**
 * A listSearch method over a UseePay list endpoint. UseePay has no free-text search, so a page
 * is fetched and filtered here on the label and ID. Pages are read by readList like every list
 * (the learned paging, pacing); the pagination token is its cursor: the next page, its size and
 * the ids just shown, so a UseePay that answers the same page again ends the list instead of
 * offering it over and over.
 */
export function searchList(path: string, label: (object: IDataObject) => string) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const profile = await useePayPagingProfile.call(this);
		const objects: IDataObject[] = [];
		let next: ListCursor | undefined;
		const from = cursorOf(paginationToken);
		try {
			for await (const page of readList(useePayPages.call(this, path), profile, { limit: SEARCH_PAGE_SIZE, from })) {
				if ('failed' in page) throw page.failed;
				objects.push(...page.items);
				next = page.hasMore && page.items.length > 0 ? { ...page.next, seen: page.items.map(idOf) } : undefined;
			}
		} catch (error) {
			// A PagingError: UseePay would only answer pages already shown, so the list ends here.
			if (!(error instanceof PagingError)) throw pagingFailure(this.getNode(), error);
			next = undefined;
		}
		const needle = (filter ?? '').trim().toLowerCase();
		const results: INodeListSearchItems[] = objects
			.map((object) => ({ name: `${label(object)} (${String(object.id)})`, value: String(object.id) }))
			.filter((result) => !needle || result.name.toLowerCase().includes(needle));
		return { results, paginationToken: next ? JSON.stringify(next) : undefined };
	};
}
