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
 * The paging rules UseePay's docs leave open, as emulator knobs (so the node's guesses can be
 * tested against both answers): the number of the first page, and the largest page_size with
 * what a larger one gets (clamped to it, or refused with 400 invalid_argument on page_size).
 * @typedef {object} PagingRules
 * @property {0|1} [pageBase] 0: page_num 0 is the first page; 1: page_num 1 is (0 is read as 1)
 * @property {number} [maxPageSize] default 100
 * @property {'clamp'|'reject'} [pageSizeOverflow] default 'clamp'
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
	 * Pages through a collection, newest first.
	 * Query: page_num (0-based unless paging.pageBase is 1), page_size (default 10, at most
	 * paging.maxPageSize, 100 by default), from_created_at / to_created_at (inclusive, compared
	 * with create_at, whole seconds).
	 * @param {string} merchantNo
	 * @param {string} collection
	 * @param {ListQuery} q
	 * @returns {{items: Record<string, any>[], has_more: boolean}}
	 */
	list(merchantNo, collection, q) {
		const { pageNum, pageSize, from, to } = parsePaging(q.query, q.paging);
		const m = this.merchants.get(merchantNo);
		const c = m && m.collections.get(collection);
		if (!c) return { items: [], has_more: false };
		const skip = pageNum * pageSize;
		let matched = 0;
		/** @type {Record<string, any>[]} */
		const items = [];
		let hasMore = false;
		for (let i = c.order.length - 1; i >= 0; i--) {
			const rec = c.order[i];
			if (from !== null || to !== null) {
				const created = Math.floor(rec.ts / 1000) * 1000;
				if (from !== null && created < from) continue;
				if (to !== null && created > to) continue;
			}
			if (q.filter && !q.filter(rec.obj, rec)) continue;
			if (matched >= skip) {
				if (items.length === pageSize) {
					hasMore = true;
					break;
				}
				items.push(rec.obj);
			}
			matched++;
		}
		return { items, has_more: hasMore };
	}

	clear() {
		this.merchants.clear();
	}
}

/**
 * @param {Record<string, string|undefined>} query
 * @param {PagingRules} [rules]
 * @returns {{pageNum: number, pageSize: number, from: number|null, to: number|null}}
 */
function parsePaging(query, rules = {}) {
	const { pageBase = 0, maxPageSize = MAX_PAGE_SIZE, pageSizeOverflow = 'clamp' } = rules;
	const int = (/** @type {string} */ name, /** @type {number} */ dflt) => {
		const raw = query[name];
		if (raw === undefined || raw === '') return dflt;
		if (!/^-?\d+$/.test(String(raw))) throw invalid(name, `${name} must be an integer`);
		return Number(raw);
	};
	const rawPageNum = int('page_num', pageBase);
	if (rawPageNum < 0) throw invalid('page_num', 'page_num must be >= 0');
	// 1-based: page_num 1 is the first page, and so is 0 (what servers that count from 1 tend to do).
	const pageNum = pageBase === 1 ? Math.max(0, rawPageNum - 1) : rawPageNum;
	let pageSize = int('page_size', Math.min(DEFAULT_PAGE_SIZE, maxPageSize));
	if (pageSize < 1) throw invalid('page_size', 'page_size must be >= 1');
	if (pageSize > maxPageSize) {
		if (pageSizeOverflow === 'reject') throw invalid('page_size', `page_size must be at most ${maxPageSize}`);
		pageSize = maxPageSize;
	}
	const date = (/** @type {string} */ name) => {
		const raw = query[name];
		if (raw === undefined || raw === '') return null;
		const t = Date.parse(String(raw));
		if (Number.isNaN(t)) throw invalid(name, `${name} must be an ISO-8601 date-time`);
		return t;
	};
	return { pageNum, pageSize, from: date('from_created_at'), to: date('to_created_at') };
}

module.exports = { Store, parsePaging, DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE };
