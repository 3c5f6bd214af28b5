'use strict';
/**
 * A tiny declarative validator for request bodies. Each resource declares a schema such as
 *
 *   { amount: { type: 'number', required: true, positive: true },
 *     recurring: { type: 'object', required: true, fields: { interval: { type: 'string', enum: [...] } } } }
 *
 * and `validate(body, schema, rules)` throws the first ApiError (field_required / invalid_argument)
 * with `source` set to the dotted field path (`recurring.interval`, `line_items[0].quantity`).
 * Fields not in the schema are accepted and ignored, unless `rules.strictBody` is on: then they
 * are refused (an object spec without `fields`, such as metadata, takes any keys). The schemas
 * are therefore the list of known body fields per endpoint. Under the dialect switches,
 * `validate` also normalises the body in place: `[]` for an object field becomes {}
 * (emptyArrayBody 'accept'), and a numeric string for a money field becomes a number
 * (amounts 'string').
 */
const { invalid, required, isPlainObject } = require('./util');

/**
 * @typedef {object} FieldSpec
 * @property {'string'|'number'|'integer'|'boolean'|'object'|'array'|'any'|'amount'} type
 *   `amount` = number, or a numeric string (UseePay's recurring.unit_amount is typed both ways)
 * @property {boolean} [required]
 * @property {Array<string>} [enum]
 * @property {Record<string, FieldSpec>} [fields] children of an object
 * @property {FieldSpec} [items] spec of each array element
 * @property {boolean} [positive] number > 0
 * @property {number} [min] number >= min
 * @property {number} [minItems]
 * @property {number} [maxLength]
 * @property {boolean} [currency] 3-letter ISO-4217 code
 * @property {boolean} [email]
 * @property {boolean} [datetime] ISO-8601 string
 * @property {boolean} [nonEmpty] reject '' (required strings are always non-empty)
 * @property {boolean} [money] an amount: a numeric string is accepted when the dialect's amounts are strings
 */

/**
 * The dialect switches validation follows (an EmulatorConfig has them all).
 * @typedef {object} BodyRules
 * @property {string} [emptyArrayBody] 'accept': `[]` is read as an empty object
 * @property {string} [amounts] 'string': money fields take numeric strings
 * @property {boolean} [strictBody] unknown fields are refused
 */

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const CURRENCY_RE = /^[A-Za-z]{3}$/;

/** @param {unknown} v */
const isMissing = (v) => v === undefined || v === null;

/** A plain decimal such as "25.50" or "-3" (no exponent, no spaces). */
const DECIMAL_RE = /^-?\d+(\.\d+)?$/;

/**
 * @param {unknown} body
 * @param {Record<string, FieldSpec>} schema
 * @param {BodyRules} [rules]
 * @param {string} [prefix]
 */
function validate(body, schema, rules = {}, prefix = '') {
	const obj = isPlainObject(body) ? body : {};
	if (rules.strictBody)
		for (const name of Object.keys(obj)) {
			const path = prefix ? `${prefix}.${name}` : name;
			if (!Object.hasOwn(schema, name)) throw invalid(path, `Unknown field ${path}`);
		}
	for (const [name, spec] of Object.entries(schema)) {
		const path = prefix ? `${prefix}.${name}` : name;
		if (spec.type === 'object' && rules.emptyArrayBody === 'accept' && isEmptyArray(obj[name])) obj[name] = {};
		const n = obj[name];
		if (typeof n === 'string' && DECIMAL_RE.test(n) && readsStringAmount(spec, rules)) obj[name] = Number(n);
		checkValue(obj[name], spec, path, rules);
	}
}

/** @param {unknown} v */
const isEmptyArray = (v) => Array.isArray(v) && v.length === 0;

/**
 * `amount` fields always take numeric strings (UseePay types recurring.unit_amount both ways);
 * money fields do when the dialect's amounts are strings.
 * @param {FieldSpec} spec
 * @param {BodyRules} rules
 */
const readsStringAmount = (spec, rules) => spec.type === 'amount' || (!!spec.money && rules.amounts === 'string');

/**
 * @param {unknown} value
 * @param {FieldSpec} spec
 * @param {string} path
 * @param {BodyRules} rules
 */
function checkValue(value, spec, path, rules) {
	if (isMissing(value) || (value === '' && (spec.required || spec.nonEmpty) && spec.type === 'string')) {
		if (spec.required) throw required(path);
		return;
	}
	switch (spec.type) {
		case 'string':
			if (typeof value !== 'string') throw invalid(path, `${path} must be a string`);
			if (spec.maxLength !== undefined && value.length > spec.maxLength)
				throw invalid(path, `${path} must be at most ${spec.maxLength} characters`);
			if (spec.currency && !CURRENCY_RE.test(value))
				throw invalid(path, `${path} must be a 3-letter ISO-4217 currency code`);
			if (spec.email && !EMAIL_RE.test(value)) throw invalid(path, `${path} is not a valid email address`);
			if (spec.datetime && Number.isNaN(Date.parse(value)))
				throw invalid(path, `${path} must be an ISO-8601 date-time`);
			if (spec.enum && !spec.enum.includes(value))
				throw invalid(path, `${path} must be one of: ${spec.enum.join(', ')}`);
			return;
		case 'amount':
		case 'number':
		case 'integer': {
			const n = value;
			if (typeof n !== 'number' || !Number.isFinite(n)) throw invalid(path, `${path} must be a number`);
			if (spec.type === 'integer' && !Number.isInteger(n)) throw invalid(path, `${path} must be an integer`);
			if (spec.positive && !(n > 0)) throw invalid(path, `${path} must be greater than 0`);
			if (spec.min !== undefined && n < spec.min) throw invalid(path, `${path} must be >= ${spec.min}`);
			return;
		}
		case 'boolean':
			if (typeof value !== 'boolean') throw invalid(path, `${path} must be a boolean`);
			return;
		case 'object':
			if (!isPlainObject(value)) throw invalid(path, `${path} must be an object`);
			if (spec.fields) validate(value, spec.fields, rules, path);
			return;
		case 'array':
			if (!Array.isArray(value)) throw invalid(path, `${path} must be an array`);
			if (spec.minItems !== undefined && value.length < spec.minItems) {
				if (value.length === 0 && spec.required) throw required(path);
				throw invalid(path, `${path} must contain at least ${spec.minItems} item(s)`);
			}
			if (spec.items) {
				const items = spec.items;
				value.forEach((v, i) => {
					if (items.type === 'object' && rules.emptyArrayBody === 'accept' && isEmptyArray(v)) v = value[i] = {};
					checkValue(v, items, `${path}[${i}]`, rules);
				});
			}
			return;
		default:
			return;
	}
}

/* ---- reusable field specs ---- */

/** @type {Record<string, FieldSpec>} */
const ADDRESS = {
	country: { type: 'string' },
	city: { type: 'string' },
	state: { type: 'string' },
	postcode: { type: 'string' },
	line1: { type: 'string' },
	line2: { type: 'string' },
};

/** @type {FieldSpec} */
const ORDER = {
	type: 'object',
	fields: {
		category: { type: 'string' },
		products: {
			type: 'array',
			items: {
				type: 'object',
				fields: {
					name: { type: 'string' },
					desc: { type: 'string' },
					quantity: { type: 'integer', min: 0 },
					unit_price: { type: 'number', min: 0, money: true },
					sku: { type: 'string' },
					code: { type: 'string' },
					category: { type: 'string' },
					type: { type: 'string' },
					url: { type: 'string' },
					effective_start_at: { type: 'string' },
					effective_end_at: { type: 'string' },
					seller: { type: 'object', fields: { identifier: { type: 'string' }, name: { type: 'string' } } },
				},
			},
		},
		shipping: {
			type: 'object',
			fields: {
				first_name: { type: 'string' },
				last_name: { type: 'string' },
				phone_number: { type: 'string' },
				shipping_method: { type: 'string' },
				address: {
					type: 'object',
					fields: {
						line1: { type: 'string' },
						city: { type: 'string' },
						state: { type: 'string' },
						postcode: { type: 'string' },
						country_code: { type: 'string' },
					},
				},
			},
		},
	},
};

/** @type {FieldSpec} */
const CARD = {
	type: 'object',
	fields: {
		number: { type: 'string', required: true },
		expiry_month: { type: 'string' },
		expiry_year: { type: 'string' },
		cvc: { type: 'string' },
		name: { type: 'string' },
		number_type: { type: 'string' },
	},
};

/** @type {FieldSpec} */
const BILLING = {
	type: 'object',
	fields: {
		first_name: { type: 'string' },
		last_name: { type: 'string' },
		name: { type: 'string' },
		email: { type: 'string', email: true },
		phone: { type: 'string' },
		address: { type: 'object', fields: ADDRESS },
	},
};

/** @type {FieldSpec} */
const PAYMENT_METHOD_DATA = {
	type: 'object',
	fields: { type: { type: 'string' }, card: CARD, billing: BILLING },
};

/** @type {FieldSpec} */
const PAYMENT_METHOD_OPTIONS = {
	type: 'object',
	fields: {
		type: { type: 'string' },
		card: {
			type: 'object',
			fields: {
				authorization_type: { type: 'string' },
				auto_capture: { type: 'boolean' },
				three_ds_action: { type: 'string' },
			},
		},
	},
};

/** @type {FieldSpec} */
const DEVICE_DATA = {
	type: 'object',
	fields: {
		ip_address: { type: 'string' },
		accept_header: { type: 'string' },
		browser: {
			type: 'object',
			fields: {
				java_enabled: { type: 'boolean' },
				javascript_enabled: { type: 'boolean' },
				user_agent: { type: 'string' },
			},
		},
		device_id: { type: 'string' },
		language: { type: 'string' },
		location: { type: 'object', fields: { lat: { type: 'string' }, lon: { type: 'string' } } },
		mobile: {
			type: 'object',
			fields: { device_model: { type: 'string' }, os_type: { type: 'string' }, os_version: { type: 'string' } },
		},
		screen_color_depth: { type: 'integer' },
		screen_height: { type: 'integer' },
		screen_width: { type: 'integer' },
		timezone: { type: 'string' },
	},
};

/** @type {FieldSpec} */
const CUSTOMER_ACCEPTANCE = {
	type: 'object',
	fields: {
		type: { type: 'string', required: true, enum: ['online', 'offline'] },
		accepted_at: { type: 'string', required: true, datetime: true },
		online: {
			type: 'object',
			fields: { ip_address: { type: 'string' }, user_agent: { type: 'string' } },
		},
	},
};

module.exports = {
	validate,
	ADDRESS,
	ORDER,
	CARD,
	BILLING,
	PAYMENT_METHOD_DATA,
	PAYMENT_METHOD_OPTIONS,
	DEVICE_DATA,
	CUSTOMER_ACCEPTANCE,
};
