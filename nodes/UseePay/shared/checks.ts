import type { IDataObject, IGetNodeParameterOptions, INode, INodeParameterResourceLocator } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { idProblem } from '../../shared/ids';
import { checkAmount, currencyProblem, isMoneyField, mustBePositive } from './money';

/**
 * What is checked before anything is sent, with an error naming the field and the item: IDs
 * (resource locators, and the `*_id` fields naming UseePay objects, see ids.ts), emails, and on
 * the finished body amounts and currencies (money.ts).
 */

/**
 * What building a body needs of n8n: one item's parameters. Routing passes its
 * IExecuteSingleFunctions; the operations that run as code (resources/customer/writes.ts) pass
 * `itemParameters(this, i)`, so both paths share this one body builder.
 */
export interface ItemParameters {
	getNodeParameter(name: string, fallback?: unknown, options?: IGetNodeParameterOptions): unknown;
	getItemIndex(): number;
	getNode(): INode;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const EMAIL_HINT = 'Use an address like name@example.com, or leave the field out.';

/** An email as it is sent: text, trimmed (it is checked trimmed, so it goes out so). */
function checkedEmail(value: unknown, fail: (problem: string) => never): string {
	if (typeof value !== 'string') {
		return fail(`must be text, not ${Array.isArray(value) ? 'a list' : value === null ? 'null' : typeof value}`);
	}
	const email = value.trim();
	return EMAIL.test(email) ? email : fail('is not a valid email address');
}

/** Body fields that hold the ID of a UseePay object (not the merchant's own IDs). */
const USEEPAY_ID_FIELDS = new Set([
	'checkout_session_id',
	'customer_id',
	'invoice_id',
	'mandate_id',
	'payment_intent_id',
	'payment_link_id',
	'payment_method_id',
	'refund_id',
	'subscription_id',
	'webhook_id',
]);
const ID_HINT = 'Pick it from the list, or enter the ID UseePay gave the object (e.g. cus_1JA7UDDQG3800).';

const ACRONYMS: Record<string, string> = { id: 'ID', url: 'URL', json: 'JSON', ip: 'IP' };

/** `merchant_customer_id` → "Merchant Customer ID": the label a user sees for a wire name. */
export function labelOf(name: string): string {
	if (name === 'extraFields') return 'Extra Fields (JSON)';
	return name
		.replace(/([a-z])([A-Z])/g, '$1_$2')
		.split(/[_.]/)
		.filter(Boolean)
		.map((word) => ACRONYMS[word.toLowerCase()] ?? word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');
}

export function invalidInput(ctx: ItemParameters, field: string, problem: string, hint?: string): NodeOperationError {
	const itemIndex = ctx.getItemIndex();
	return new NodeOperationError(ctx.getNode(), `'${labelOf(field)}' ${problem} [item ${itemIndex}]`, {
		itemIndex,
		description: hint,
	});
}

export function isPlainObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const fieldOf = (path: string) => path.slice(path.lastIndexOf('.') + 1);
/** A UseePay object ID inside a body: a `*_id` field naming one, or the `id` of an inline customer. */
export const isIdField = (path: string) => USEEPAY_ID_FIELDS.has(fieldOf(path)) || /(^|\.)customer\.id$/.test(path);

/** Reads a resource locator (or plain string) ID parameter; an empty or malformed one fails before any request. */
export function readId(ctx: ItemParameters, parameter: string): string {
	const raw = ctx.getNodeParameter(parameter, '', { extractValue: true }) as string | INodeParameterResourceLocator;
	const value = String(typeof raw === 'object' && raw !== null ? (raw.value ?? '') : (raw ?? '')).trim();
	if (!value) {
		throw invalidInput(ctx, parameter, 'is empty', 'Pick one from the list or enter its ID.');
	}
	const problem = idProblem(value);
	if (problem) throw invalidInput(ctx, parameter, problem, ID_HINT);
	return value;
}

/**
 * Checks a finished body, Extra Fields included, before it is sent: UseePay IDs (ids.ts), emails,
 * currencies and amounts (money.ts: an amount is checked against the nearest currency around it).
 * Normalises in place: amounts (float noise such as 0.30000000000000004 → 0.3), emails (trimmed).
 */
export function checkBody(ctx: ItemParameters, value: unknown, path = '', currency?: string): void {
	if (Array.isArray(value)) {
		value.forEach((entry, i) => checkBody(ctx, entry, `${path}.${i}`, currency));
		return;
	}
	if (!isPlainObject(value)) return;
	const fail = (key: string, problem: string, hint?: string): never => {
		throw invalidInput(ctx, key, problem, hint);
	};
	if ('currency' in value) {
		const problem = currencyProblem(value.currency);
		if (problem) fail('currency', problem, 'Use an ISO 4217 code such as USD, EUR or JPY.');
		currency = value.currency as string;
	}
	for (const [key, inner] of Object.entries(value)) {
		const at = path ? `${path}.${key}` : key;
		// The merchant's own key/value pairs: an `amount` or `customer_id` there is just text.
		if (key === 'metadata') continue;
		if (isIdField(at)) {
			const problem = typeof inner === 'string' ? idProblem(inner) : 'must be a string';
			if (problem) fail(key, problem, ID_HINT);
		} else if (/(^|_)email$/.test(key)) {
			value[key] = checkedEmail(inner, (problem) => fail(key, problem, EMAIL_HINT));
		} else if (key === 'supported_currencies' && Array.isArray(inner)) {
			const problem = inner.map(currencyProblem).find(Boolean);
			if (problem) fail(key, problem, 'Use ISO 4217 codes such as USD, EUR or JPY.');
		} else if (isMoneyField(at)) {
			const checked = checkAmount(inner, currency, mustBePositive(at));
			if ('problem' in checked) fail(key, checked.problem, checked.hint);
			else value[key] = checked.amount;
		} else {
			checkBody(ctx, inner, at, currency);
		}
	}
}
