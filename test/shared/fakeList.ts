/**
 * A UseePay list as a function (the `fetchPage` readList takes), under every reading of its
 * paging the docs leave open: which parameter pages it, the first page's number, page sizes,
 * envelopes, and broken servers (repeating pages, endless has_more). Records every query.
 */
import type { IDataObject } from 'n8n-workflow';

import type { PageAnswer } from '../../nodes/shared/listPage';
import { pageAnswer } from '../../nodes/shared/listPage';

export interface FakeListOptions {
	/** Objects in the list (ids obj_0 … obj_{n-1}, newest first). */
	objects: number;
	/** page_num (docs), page (the SDK: page from 1, page_size else limit), page+limit (limit only), none. */
	paging?: 'page_num' | 'page' | 'page+limit' | 'none';
	pageBase?: 0 | 1;
	/** What page_num 0 answers when pages count from 1. */
	pageZero?: 'first' | 'empty' | 'reject';
	maxPageSize?: number;
	/** clamp; reject (with "page_size must be at most N"); rejectSilently (no maximum named). */
	overflow?: 'clamp' | 'reject' | 'rejectSilently';
	/** Page size when none is read (paging none, or page+limit without limit). */
	defaultSize?: number;
	envelope?: 'items' | 'data';
	/** Counts the list in `total`. */
	total?: boolean;
	/** has_more true on every page, also past the end (pages there are empty). */
	hasMoreForever?: boolean;
	/** Pages after this one (0-based) are this one again, with has_more true. */
	repeatFrom?: number;
	/** New objects past `objects`, for ever. */
	endless?: boolean;
	/** Query parameters refused with a 400 naming them (a server strict about unknown parameters). */
	refuses?: string[];
}

export function fakeList(options: FakeListOptions) {
	const {
		objects,
		paging = 'page_num',
		pageBase = 0,
		pageZero = 'first',
		maxPageSize = 100,
		overflow = 'clamp',
		defaultSize = 10,
		envelope = 'items',
		total = false,
		hasMoreForever = false,
		repeatFrom,
		endless = false,
		refuses = [],
	} = options;
	const queries: IDataObject[] = [];
	const refuse = (source: string, message: string) => ({
		status: 400,
		body: { code: 'invalid_argument', source, message },
	});
	const answer = (query: IDataObject): { status: number; body: IDataObject } => {
		const unknown = refuses.find((name) => query[name] !== undefined);
		if (unknown) return refuse(unknown, `unknown parameter ${unknown}`);
		const int = (name: string) => (query[name] === undefined ? undefined : Number(query[name]));
		let size = defaultSize;
		let index = 0;
		if (paging !== 'none') {
			const asked = paging === 'page+limit' ? int('limit') : (int('page_size') ?? int('limit'));
			size = asked ?? defaultSize;
			if (size > maxPageSize) {
				if (overflow === 'reject') return refuse('page_size', `page_size must be at most ${maxPageSize}`);
				if (overflow === 'rejectSilently') return refuse('page_size', 'page_size is too large');
				size = maxPageSize;
			}
			if (paging === 'page_num') {
				const number = int('page_num') ?? pageBase;
				if (pageBase === 1 && number === 0 && pageZero === 'reject') return refuse('page_num', 'page_num must be >= 1');
				if (pageBase === 1 && number === 0 && pageZero === 'empty') return { status: 200, body: page([], false) };
				index = Math.max(0, number - pageBase);
			} else index = Math.max(0, (int('page') ?? 1) - 1);
		}
		if (repeatFrom !== undefined && index > repeatFrom) return { status: 200, body: page(slice(repeatFrom), true) };
		const items = slice(index);
		const more = endless || hasMoreForever || (index + 1) * size < objects;
		return { status: 200, body: page(items, more) };

		function slice(at: number) {
			const end = endless ? (at + 1) * size : Math.min(objects, (at + 1) * size);
			return Array.from({ length: Math.max(0, end - at * size) }, (_, i) => ({ id: `obj_${at * size + i}` }));
		}
	};
	const page = (items: IDataObject[], more: boolean): IDataObject => ({
		...(envelope === 'data' ? { data: items } : { items }),
		has_more: more,
		...(total ? { total: objects } : {}),
	});
	const fetchPage = async (query: IDataObject): Promise<PageAnswer<IDataObject>> => {
		queries.push(query);
		const { status, body } = answer(query);
		return pageAnswer(status, body, () => body);
	};
	return { fetchPage, queries };
}
