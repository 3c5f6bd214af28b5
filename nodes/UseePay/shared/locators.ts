import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodeProperties,
} from 'n8n-workflow';

import { readListPage } from '../../shared/pagination';
import { useePayRequest } from '../../shared/transport';

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

/**
 * A listSearch method over a UseePay list endpoint. UseePay has no free-text search, so a page
 * is fetched and filtered here on the label and ID; the pagination token is the next page_num.
 */
export function searchList(path: string, label: (object: IDataObject) => string) {
	return async function (
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const pageNum = Number(paginationToken ?? 0) || 0;
		const { body } = await useePayRequest.call(this, {
			method: 'GET',
			path,
			qs: { page_num: pageNum, page_size: SEARCH_PAGE_SIZE },
		});
		const { items, hasMore } = readListPage(body);
		const needle = (filter ?? '').trim().toLowerCase();
		const results: INodeListSearchItems[] = items
			.map((object) => ({ name: `${label(object)} (${String(object.id)})`, value: String(object.id) }))
			.filter((result) => !needle || result.name.toLowerCase().includes(needle));
		return { results, paginationToken: hasMore ? String(pageNum + 1) : undefined };
	};
}
