'use strict';
/**
 * In-memory, per-merchant object store.
 *
 * Every merchant number gets its own set of collections (customers, payment_intents, ...). Each
 * collection keeps a Map id -> record (O(1) lookups) and an insertion-ordered array used for
 * listing (newest first = reverse insertion order, which also gives a stable tie-break for
 * objects created within the same second). Objects of another merchant are simply invisible.
 */
const { invalid } = require('./util');

/**
 * @typedef {object} StoredRecord
 * @property {Record<string, any>} obj the API object (mutated in place on update)
 * @property {number} seq global insertion sequence
 * @property {number} ts creation epoch ms
 * @property {Record<string, any>} meta emulator-private data (never sent on the wire)
 */

/**
 * @typedef {object} ListQuery
 * @property {Record<string, string|undefined>} query raw query parameters
 * @property {(obj: Record<string, any>, rec: StoredRecord) => boolean} [filter]
 * @property {PagingRules} [paging] how page_num and page_size are read (default: 0-based, clamp at 100)
 */

/**
 * The paging rules UseePay's docs leave open, as emulator switches (so the node's guesses can be
 * tested against every answer; see dialects.js): which query parameters page a list, the number
 * of the first page and what 0 gets when pages count from 1, the largest page size with what a
 * larger one gets (clamped to it, or refused with 400 invalid_argument), and whether the date
 * range filters apply.
 * @typedef {object} PagingRules
 * @property {'page_num'|'page'|'none'} [pagingQuery] default 'page_num'
 * @property {0|1} [pageBase] page_num of the first page (default 0); `page` always counts from 1
 * @property {'first'|'empty'|'reject'} [pageZero] page 0 when pages count from 1 (default 'first')
 * @property {number} [maxPageSize] default 100
 * @property {'clamp'|'reject'} [pageSizeOverflow] default 'clamp'
 * @property {'honoured'|'ignored'} [filters] 'ignored': from_created_at / to_created_at are too
 */

/**
 * One page of a list: its items, whether more follow, the number of matches (when counted), the
 * 1-based number of the page served (0 for the empty page answered to page 0) and its size.
 * @typedef {{items: Record<string, any>[], has_more: boolean, total: number|null, page: number, page_size: number}} ListPage
 */

const DEFAULT_PAGE_SIZE = 10;
const MAX_PAGE_SIZE = 100;

/**
 * The map's value for `key`, made and stored first when there is none.
 * @template V
 * @param {Map<string, V>} map
 * @param {string} key
 * @param {() => V} make
 * @returns {V}
 */
function getOrCreate(map, key, make) {
	let value = map.get(key);
	if (value === undefined) {
		value = make();
		map.set(key, value);
	}
	return value;
}

class Collection {
	constructor() {
		/** @type {Map<string, StoredRecord>} */
		this.byId = new Map();
		/** @type {StoredRecord[]} */
		this.order = [];
	}
}

class MerchantData {
	constructor() {
		/** @type {Map<string, Collection>} */
		this.collections = new Map();
		/** @type {Map<string, string>} unique-key index, e.g. "customers:merchant_customer_id:CUST-1" -> id */
		this.unique = new Map();
		/** @type {Record<string, number>} */
		this.counters = {};
	}

	/** @param {string} name */
	col(name) {
		return getOrCreate(this.collections, name, () => new Collection());
	}
}

class Store {
	constructor() {
		/** @type {Map<string, MerchantData>} */
		this.merchants = new Map();
		this.seq = 0;
	}

	/** @param {string} merchantNo */
	merchant(merchantNo) {
		return getOrCreate(this.merchants, merchantNo, () => new MerchantData());
	}

	/**
	 * @param {string} merchantNo
	 * @param {string} collection
	 * @param {Record<string, any>} obj must carry `id`
	 * @param {Record<string, any>} [meta]
	 * @returns {StoredRecord}
	 */
	insert(merchantNo, collection, obj, meta = {}) {
		const rec = { obj, seq: ++this.seq, ts: Date.now(), meta };
		const col = this.merchant(merchantNo).col(collection);
		col.byId.set(obj.id, rec);
		col.order.push(rec);
		return rec;
	}

	/**
	 * @param {string} merchantNo
	 * @param {string} collection
	 * @param {string} id
	 * @returns {StoredRecord|undefined}
	 */
	getRecord(merchantNo, collection, id) {
		const m = this.merchants.get(merchantNo);
		if (!m) return undefined;
		const c = m.collections.get(collection);
		return c ? c.byId.get(id) : undefined;
	}

	/**
	 * @param {string} merchantNo
	 * @param {string} collection
	 * @param {string} id
	 * @returns {Record<string, any>|undefined}
	 */
	get(merchantNo, collection, id) {
		const rec = this.getRecord(merchantNo, collection, id);
		return rec ? rec.obj : undefined;
	}

	/**
	 * Looks an object up across all merchants (used by the /__emulator control pages, which have
	 * no merchant header).
	 * @param {string} collection
	 * @param {string} id
	 * @returns {{merchantNo: string, rec: StoredRecord}|undefined}
	 */
	findAnywhere(collection, id) {
		for (const [merchantNo, m] of this.merchants) {
			const c = m.collections.get(collection);
			const rec = c && c.byId.get(id);
			if (rec) return { merchantNo, rec };
		}
		return undefined;
	}

	/**
	 * @param {string} merchantNo
	 * @param {string} key
	 * @returns {string|undefined}
	 */
	getUnique(merchantNo, key) {
		const m = this.merchants.get(merchantNo);
		return m ? m.unique.get(key) : undefined;
	}

	/** @param {string} merchantNo @param {string} key @param {string} id */
	setUnique(merchantNo, key, id) {
		this.merchant(merchantNo).unique.set(key, id);
	}

	/** @param {string} merchantNo @param {string} key */
	deleteUnique(merchantNo, key) {
		const m = this.merchants.get(merchantNo);
		if (m) m.unique.delete(key);
	}

	/** Per-merchant counter (invoice numbers etc.). @param {string} merchantNo @param {string} name */
	nextCounter(merchantNo, name) {
		const m = this.merchant(merchantNo);
		m.counters[name] = (m.counters[name] || 0) + 1;
		return m.counters[name];
	}

	/**
	 * Pages through a collection, newest first (paging read by parsePaging). With `count`, the
	 * whole collection is scanned to give `total`.
	 * @param {string} merchantNo
	 * @param {string} collection
	 * @param {ListQuery & {count?: boolean}} q
	 * @returns {ListPage}
	 */
	list(merchantNo, collection, q) {
		const { pageIndex, pageSize, from, to } = parsePaging(q.query, q.paging);
		const m = this.merchants.get(merchantNo);
		const c = m && m.collections.get(collection);
		/** @type {ListPage} */
		const page = { items: [], has_more: false, total: q.count ? 0 : null, page: pageIndex + 1, page_size: pageSize };
		if (!c) return page;
		const skip = pageIndex < 0 ? Infinity : pageIndex * pageSize;
		let matched = 0;
		for (let i = c.order.length - 1; i >= 0; i--) {
			const rec = c.order[i];
			if (from !== null || to !== null) {
				const created = Math.floor(rec.ts / 1000) * 1000;
				if (from !== null && created < from) continue;
				if (to !== null && created > to) continue;
			}
			if (q.filter && !q.filter(rec.obj, rec)) continue;
			if (matched >= skip) {
				if (page.items.length === pageSize) {
					page.has_more = true;
					if (!q.count) break;
				} else page.items.push(rec.obj);
			}
			matched++;
		}
		if (q.count) page.total = matched;
		return page;
	}

	clear() {
		this.merchants.clear();
	}
}

/**
 * @param {Record<string, string|undefined>} query
 * @param {PagingRules} [rules]
 * @returns {{pageIndex: number, pageSize: number, from: number|null, to: number|null}} pageIndex
 *   0 = the first page, -1 = the empty page (pageZero 'empty')
 */
function parsePaging(query, rules = {}) {
	const {
		pagingQuery = 'page_num',
		pageBase = 0,
		pageZero = 'first',
		maxPageSize = MAX_PAGE_SIZE,
		pageSizeOverflow = 'clamp',
		filters = 'honoured',
	} = rules;
	/** @param {string} name */
	const given = (name) => query[name] !== undefined && query[name] !== '';
	const int = (/** @type {string} */ name, /** @type {number} */ dflt) => {
		if (!given(name)) return dflt;
		const raw = String(query[name]);
		if (!/^-?\d+$/.test(raw)) throw invalid(name, `${name} must be an integer`);
		return Number(raw);
	};
	const date = (/** @type {string} */ name) => {
		if (filters === 'ignored' || !given(name)) return null;
		const t = Date.parse(String(query[name]));
		if (Number.isNaN(t)) throw invalid(name, `${name} must be an ISO-8601 date-time`);
		return t;
	};
	const range = { from: date('from_created_at'), to: date('to_created_at') };
	const defaultSize = Math.min(DEFAULT_PAGE_SIZE, maxPageSize);
	// 'none': the server reads no paging parameter at all (not even to refuse a bad one).
	if (pagingQuery === 'none') return { pageIndex: 0, pageSize: defaultSize, ...range };
	// 'page' (the PHP SDK): page counts from 1, its size is page_size, else limit.
	const numberName = pagingQuery === 'page' ? 'page' : 'page_num';
	const base = pagingQuery === 'page' ? 1 : pageBase;
	const number = int(numberName, base);
	if (number < 0) throw invalid(numberName, `${numberName} must be >= 0`);
	let pageIndex = number - base;
	if (pageIndex < 0) {
		// 0 where pages count from 1: the first page (what such servers tend to do), none, or a 400.
		if (pageZero === 'reject') throw invalid(numberName, `${numberName} must be >= 1`);
		pageIndex = pageZero === 'empty' ? -1 : 0;
	}
	const sizeName = pagingQuery === 'page' && !given('page_size') && given('limit') ? 'limit' : 'page_size';
	let pageSize = int(sizeName, defaultSize);
	if (pageSize < 1) throw invalid(sizeName, `${sizeName} must be >= 1`);
	if (pageSize > maxPageSize) {
		if (pageSizeOverflow === 'reject') throw invalid(sizeName, `${sizeName} must be at most ${maxPageSize}`);
		pageSize = maxPageSize;
	}
	return { pageIndex, pageSize, ...range };
}

module.exports = { Store, parsePaging, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE };
