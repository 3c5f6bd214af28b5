import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

/**
 * Amounts are decimal numbers in major units (USD 100.23 is 100.23), as UseePay's /api/v1 takes
 * them (UseePay's "Amount" section; its PHP SDK sends `100.00`), with an ISO 4217 currency.
 */
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
		typeOptions: { minValue: 0, numberPrecision: 2 },
		default: 0,
		description: 'Decimal amount in major units of the currency, e.g. 25.50 for USD 25.50',
		...overrides,
	};
}
