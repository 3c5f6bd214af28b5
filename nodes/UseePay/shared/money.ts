import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * Amounts are decimal numbers in major units (USD 100.23 is 100.23), as UseePay's /api/v1 takes
 * them (UseePay's "Amount" section; its PHP SDK sends `100.00`), with an ISO 4217 currency.
 */

/** The currencies offered in the Currency lists (others can be given with an expression). */
const CURRENCY_CODES = [
	'AED',
	'ARS',
	'AUD',
	'BGN',
	'BHD',
	'BRL',
	'CAD',
	'CHF',
	'CLP',
	'CNY',
	'COP',
	'CZK',
	'DKK',
	'EGP',
	'EUR',
	'GBP',
	'HKD',
	'HUF',
	'IDR',
	'ILS',
	'INR',
	'ISK',
	'JOD',
	'JPY',
	'KES',
	'KRW',
	'KWD',
	'KZT',
	'MAD',
	'MXN',
	'MYR',
	'NGN',
	'NOK',
	'NZD',
	'OMR',
	'PEN',
	'PHP',
	'PKR',
	'PLN',
	'QAR',
	'RON',
	'RSD',
	'SAR',
	'SEK',
	'SGD',
	'THB',
	'TRY',
	'TWD',
	'UAH',
	'USD',
	'VND',
	'ZAR',
];

/**
 * ISO 4217 minor-unit exponents: how many decimals an amount may have. Every active currency
 * code is here; fund codes (BOV, CLF, USN ...), precious metals and the testing codes (XTS, XXX)
 * are not, so they are refused.
 */
const ZERO_DECIMALS = 'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF';
const THREE_DECIMALS = 'BHD IQD JOD KWD LYD OMR TND';
const TWO_DECIMALS =
	'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BMD BND BOB BRL BSD BTN BWP BYN BZD CAD ' +
	'CDF CHF CNY COP CRC CUP CVE CZK DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GTQ GYD ' +
	'HKD HNL HTG HUF IDR ILS INR IRR JMD KES KGS KHR KPW KYD KZT LAK LBP LKR LRD LSL MAD MDL MGA MKD ' +
	'MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD PAB PEN PGK PHP PKR PLN QAR RON ' +
	'RSD RUB SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD SSP STN SVC SYP SZL THB TJS TMT TOP TRY TTD ' +
	'TWD TZS UAH USD UYU UZS VED VES WST XCD XCG YER ZAR ZMW ZWG';
const EXPONENTS = new Map<string, number>(
	([ZERO_DECIMALS, TWO_DECIMALS, THREE_DECIMALS] as const).flatMap((codes, i) =>
		codes.split(' ').map((code) => [code, [0, 2, 3][i]] as [string, number]),
	),
);
/** Without a currency in the body (e.g. Capture: the payment's own), no currency has more. */
const MOST_DECIMALS = 3;

/** Why `code` is not a currency UseePay can take, or undefined when it is one. */
export function currencyProblem(code: unknown): string | undefined {
	if (typeof code !== 'string' || !/^[A-Za-z]{3}$/.test(code)) return 'must be a three-letter ISO 4217 code';
	if (EXPONENTS.has(code)) return undefined;
	if (EXPONENTS.has(code.toUpperCase())) return `must be upper case: ${code.toUpperCase()}`;
	return `'${code}' is not an ISO 4217 currency`;
}

/** Amount fields of UseePay's bodies, wherever they are nested. */
const MONEY_FIELDS = new Set(['amount', 'total_amount', 'unit_amount', 'unit_price', 'discount_period_amount']);
/**
 * Amounts UseePay requires above zero (its OpenAPI export: minimum 0.01): what is paid, refunded,
 * captured or invoiced, and a line item's price. A recurring line's cap, a product's price and an
 * introductory price may be 0.
 */
const POSITIVE = /(^|\.)(amount|total_amount|price_data\.unit_amount)$/;

export const isMoneyField = (path: string) => MONEY_FIELDS.has(path.slice(path.lastIndexOf('.') + 1));
export const mustBePositive = (path: string) => POSITIVE.test(path);

/**
 * Checks one amount: a finite number (or a decimal string) not below zero (above zero when
 * `positive`), with no more decimals than its currency has (ISO 4217: JPY 0, USD 2, KWD 3), not
 * between 0 and its smallest unit, and small enough to count exactly in minor units. Returns the
 * amount to send (float noise such as 0.30000000000000004 rounded away), or what is wrong with it.
 */
export function checkAmount(
	value: unknown,
	currency: string | undefined,
	positive: boolean,
): { amount: number } | { problem: string; hint?: string } {
	const amount = typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value) : value;
	if (typeof amount !== 'number' || !Number.isFinite(amount)) {
		return {
			problem: `must be a number, not ${describe(value)}`,
			hint: 'A decimal amount in major units, e.g. 25.50.',
		};
	}
	if (amount < 0 || (positive && amount === 0)) {
		return { problem: positive ? 'must be more than 0' : 'must not be negative' };
	}
	const exponent = currency ? (EXPONENTS.get(currency) ?? MOST_DECIMALS) : MOST_DECIMALS;
	const minor = amount * 10 ** exponent;
	const whole = Math.round(minor);
	if (!Number.isSafeInteger(whole)) return { problem: `is too large: ${String(amount)}` };
	if (Math.abs(minor - whole) > 1e-6) {
		const unit = currency ? `${currency} amounts have` : 'amounts have at most';
		return {
			problem: `has more decimals than ${unit} ${exponent}: ${String(amount)}`,
			hint: `Round it to ${exponent} decimals, e.g. {{ Number(value.toFixed(${exponent})) }}.`,
		};
	}
	// 1e-9 is within the float-noise tolerance above, and would go out as 0.
	if (whole === 0 && amount > 0) {
		const smallest = (1 / 10 ** exponent).toFixed(exponent);
		const of = currency ? `one ${currency} minor unit (${smallest})` : `${smallest}, the smallest unit of any currency`;
		return {
			problem: `is less than ${of}: ${String(amount)}`,
			hint: `Use ${positive ? '' : '0 or '}at least ${smallest}.`,
		};
	}
	return { amount: whole / 10 ** exponent };
}

function describe(value: unknown): string {
	if (typeof value === 'number') return String(value);
	if (typeof value === 'string') return JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value);
	return value === null ? 'null' : typeof value;
}

export const CURRENCY_OPTIONS: INodePropertyOptions[] = CURRENCY_CODES.map((code) => ({ name: code, value: code }));

export function currencyField(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Currency',
		name: 'currency',
		type: 'options',
		options: CURRENCY_OPTIONS,
		default: 'USD',
		description:
			'Three-letter ISO 4217 currency code. Choose from the list, or specify another code using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		...overrides,
	};
}

export function amountField(overrides: Partial<INodeProperties> = {}): INodeProperties {
	return {
		displayName: 'Amount',
		name: 'amount',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 3 },
		default: 0,
		description:
			'Decimal amount in major units of the currency, e.g. 25.50 for USD 25.50 (JPY takes no decimals, KWD three)',
		...overrides,
	};
}
