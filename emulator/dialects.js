'use strict';
/**
 * Dialects: the points where UseePay's docs are open, and where its official PHP SDK reads them
 * differently from the docs' samples, as config switches (see README "Dialects"). Each switch's
 * first value is the docs' reading (the default); `dialect: 'sdk'` sets the SDK's reading of all
 * of them at once (individual keys given alongside win).
 */
const { ApiError, exists } = require('./util');

/** Enumerated switches: their values, the docs' reading (default) first. */
const ENUM_SWITCHES = Object.freeze({
	dialect: ['docs', 'sdk'],
	pagingQuery: ['page_num', 'page', 'none'],
	pageZero: ['first', 'empty', 'reject'],
	pageSizeOverflow: ['clamp', 'reject'],
	listEnvelope: ['items', 'data'],
	filters: ['honoured', 'ignored'],
	duplicateAnswer: ['already_exists', 'e11000'],
	emptyArrayBody: ['refuse', 'accept'],
	statusSpelling: ['cancelled', 'canceled'],
	amounts: ['number', 'string'],
});

/**
 * What each preset sets. `sdk`: useepay-php's reading (PageQueryParams sends `page` 1-based and
 * `page_size`, default 10; PageResult reads `data, has_more, total, page, page_size`; ApiService
 * JSON-encodes an empty PHP array as `[]`; Subscription::STATUS_CANCELED; amounts typed
 * float|string). The SDK states no maximum page size, only the default 10 it sends: the preset
 * clamps at 20, so a client asking for more gets fewer items than it asked for while has_more is
 * true, which is what a client must cope with when a server's maximum is unknown.
 */
const PRESETS = Object.freeze({
	docs: Object.freeze({
		pagingQuery: 'page_num',
		listEnvelope: 'items',
		duplicateAnswer: 'already_exists',
		emptyArrayBody: 'refuse',
		statusSpelling: 'cancelled',
		amounts: 'number',
		maxPageSize: 100,
		pageSizeOverflow: 'clamp',
	}),
	sdk: Object.freeze({
		pagingQuery: 'page',
		listEnvelope: 'data',
		duplicateAnswer: 'e11000',
		emptyArrayBody: 'accept',
		statusSpelling: 'canceled',
		amounts: 'string',
		maxPageSize: 20,
		pageSizeOverflow: 'clamp',
	}),
});

/** Every dialect switch with its default. */
const DIALECT_DEFAULTS = Object.freeze({
	dialect: 'docs',
	...PRESETS.docs,
	pageBase: 0,
	pageZero: 'first',
	filters: 'honoured',
	strictBody: false,
});

/**
 * Checks one enumerated or boolean switch; undefined when `key` is neither.
 * @param {string} key
 * @param {unknown} value
 * @returns {{value: unknown}|undefined}
 */
function checkSwitch(key, value) {
	const allowed = /** @type {Record<string, readonly string[]>} */ (ENUM_SWITCHES)[key];
	if (allowed) {
		if (typeof value !== 'string' || !allowed.includes(value))
			throw new ApiError(400, 'invalid_argument', key, `${key} must be one of: ${allowed.join(', ')}`);
		return { value };
	}
	if (key === 'strictBody') {
		if (typeof value !== 'boolean')
			throw new ApiError(400, 'invalid_argument', key, 'strictBody must be true or false');
		return { value };
	}
	return undefined;
}

/**
 * A config patch with its `dialect` preset expanded: the preset's values, then the patch's own.
 * @param {Record<string, any>} patch
 * @returns {Record<string, any>}
 */
function expandPreset(patch) {
	if (patch.dialect === undefined) return patch;
	checkSwitch('dialect', patch.dialect);
	return { ...PRESETS[/** @type {'docs'|'sdk'} */ (patch.dialect)], ...patch };
}

/** Keys answered as decimal strings under `amounts: 'string'`. */
const AMOUNT_KEYS = new Set([
	'amount',
	'captured_amount',
	'total_amount',
	'unit_amount',
	'unit_price',
	'price',
	'discount_period_amount',
]);

/** @param {number} n e.g. 25.5 -> "25.50", 0.125 -> "0.125" */
const decimalString = (n) => (Math.round(n * 100) === n * 100 ? n.toFixed(2) : String(n));

/**
 * A copy of `value` with every amount (by key) as a decimal string: the SDK's float|string.
 * @param {unknown} value
 * @returns {any}
 */
function withStringAmounts(value) {
	if (Array.isArray(value)) return value.map(withStringAmounts);
	if (typeof value !== 'object' || value === null) return value;
	/** @type {Record<string, unknown>} */
	const out = {};
	for (const [k, v] of Object.entries(value))
		out[k] =
			AMOUNT_KEYS.has(k) && typeof v === 'number' && Number.isFinite(v) ? decimalString(v) : withStringAmounts(v);
	return out;
}

/**
 * An object as the configured dialect answers it (answers and webhook event data).
 * @param {{amounts: string}} config
 * @param {unknown} value
 */
function present(config, value) {
	return config.amounts === 'string' ? withStringAmounts(value) : value;
}

/**
 * The answer to a duplicate unique key: the emulator's `already_exists`, or the only answer the
 * docs show (a raw MongoDB E11000 message with `code: null`, no source; its HTTP status is not
 * shown, so 400). The payment-intent index name is made up by analogy with the customer one.
 * @param {{merchantNo: string, dialect?: {duplicateAnswer?: string}}} ctx
 * @param {'customer'|'payment_intent'} kind
 * @param {string} field merchant_customer_id or merchant_order_id
 * @param {string} value
 * @param {string} message the already_exists message
 */
function duplicateError(ctx, kind, field, value, message) {
	if (!ctx.dialect || ctx.dialect.duplicateAnswer !== 'e11000') return exists(field, message);
	const index = kind === 'customer' ? 'customer.customer_mid_idx' : 'payment_intent.merchant_order_id_idx';
	return new ApiError(
		400,
		null,
		null,
		`E11000 duplicate key error collection: useepay.${kind} index: ${index} dup key: { merchant_no: ${JSON.stringify(ctx.merchantNo)}, ${field}: ${JSON.stringify(value)} }`,
	);
}

/**
 * A list answer in the configured envelope.
 * @param {{listEnvelope: string}} config
 * @param {{items: Record<string, any>[], has_more: boolean, total: number|null, page: number, page_size: number}} page
 */
function listEnvelope(config, page) {
	if (config.listEnvelope === 'data')
		return { data: page.items, has_more: page.has_more, total: page.total, page: page.page, page_size: page.page_size };
	return { items: page.items, has_more: page.has_more };
}

module.exports = {
	ENUM_SWITCHES,
	PRESETS,
	DIALECT_DEFAULTS,
	checkSwitch,
	expandPreset,
	present,
	withStringAmounts,
	duplicateError,
	listEnvelope,
};
