import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodeProperties,
} from 'n8n-workflow';

import { readListPage } from './pagination';
import { useePayRequest } from './transport';

export interface LocatorSpec {
	/** Parameter name, used in the operation's path as `{name}`. */
	name: string;
	displayName: string;
	/** Name of the listSearch method (see UseePay.node.ts `methods.listSearch`). */
	searchListMethod: string;
	placeholder: string;
}

/** A resource locator: pick the object From List (searchable) or enter it By ID. */
export function resourceLocator(spec: LocatorSpec): INodeProperties {
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: spec.placeholder,
			},
		],
	};
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
