'use strict';
/**
 * Payment methods (UNCERTAIN in the reference; modelled on payment_method_data) plus the two
 * wallet helper endpoints: Apple Pay merchant session and payment method configurations.
 * The full card number is never stored: only brand, last4, expiry and name.
 */
const { BILLING } = require('../validate');
const { newId, invalid, hex32 } = require('../util');
const { stamp, val, applyUpdate, mustRef, touch } = require('./common');
const { retrieveRoute, createRoute, updateRoute, listRoute } = require('./routes');
const { brandOf, digitsOf } = require('../cards');

const COLLECTION = 'payment_methods';

/** @type {Record<string, import('../validate').FieldSpec>} */
const CREATE_SCHEMA = {
	type: { type: 'string', required: true, enum: ['card'] },
	customer_id: { type: 'string' },
	card: {
		type: 'object',
		required: true,
		fields: {
			number: { type: 'string', required: true },
			expiry_month: { type: 'string', required: true },
			expiry_year: { type: 'string', required: true },
			cvc: { type: 'string' },
			name: { type: 'string' },
			number_type: { type: 'string', enum: ['pan'] },
		},
	},
	billing: BILLING,
	metadata: { type: 'object' },
};

/** @type {Record<string, import('../validate').FieldSpec>} */
const UPDATE_SCHEMA = { billing: BILLING, metadata: { type: 'object' }, customer_id: { type: 'string' } };

/**
 * Validates a raw card object and returns its masked public form.
 * @param {Record<string, any>} card
 * @param {string} source path prefix for errors ("card", "payment_method_data.card")
 */
function maskCard(card, source) {
	const number = digitsOf(card.number);
	if (!/^\d{12,19}$/.test(number)) throw invalid(`${source}.number`, `${source}.number must be 12-19 digits`);
	if (card.expiry_month !== undefined && card.expiry_month !== null) {
		const mm = Number(card.expiry_month);
		if (!/^\d{1,2}$/.test(String(card.expiry_month)) || mm < 1 || mm > 12)
			throw invalid(`${source}.expiry_month`, `${source}.expiry_month must be 01-12`);
	}
	if (card.expiry_year !== undefined && card.expiry_year !== null && !/^\d{2}(\d{2})?$/.test(String(card.expiry_year)))
		throw invalid(`${source}.expiry_year`, `${source}.expiry_year must be YYYY`);
	return {
		brand: brandOf(number),
		last4: number.slice(-4),
		expiry_month: card.expiry_month ?? null,
		expiry_year: card.expiry_year ?? null,
		name: card.name ?? null,
	};
}

/** @type {Record<string, import('../validate').FieldSpec>} */
const APPLE_PAY_SESSION_SCHEMA = {
	display_name: { type: 'string', required: true },
	host: { type: 'string', required: true },
	merchant_identifier: { type: 'string', required: true },
	merchant_id: { type: 'string', required: true },
	validationURL: { type: 'string', required: true },
};

/** @type {Record<string, import('../validate').FieldSpec>} */
const CONFIGURATIONS_SCHEMA = {
	currency: { type: 'string', required: true, currency: true },
	amount: { type: 'number', required: true, positive: true, money: true },
	host: { type: 'string', required: true },
	merchant_name: { type: 'string', required: true },
	os_type: { type: 'string', required: true, enum: ['WEB', 'IOS', 'ANDROID'] },
};

/**
 * The emulator never contacts Apple: it returns a plausible opaque session.
 * @param {import('./common').Ctx} ctx
 * @param {Record<string, any>} body
 */
function applePaySession(ctx, body) {
	const now = Date.now();
	return {
		paymentSession: {
			epochTimestamp: now,
			expiresAt: now + 3600 * 1000,
			merchantSessionIdentifier: `SSH${hex32().toUpperCase()}`,
			nonce: hex32().slice(0, 8),
			merchantIdentifier: body.merchant_identifier,
			domainName: body.host,
			displayName: body.display_name,
			signature: Buffer.from(hex32()).toString('base64'),
			operationalAnalyticsIdentifier: `${body.display_name}:${hex32().slice(0, 16)}`,
			retries: 0,
			pspId: ctx.merchantNo,
		},
	};
}

/**
 * @param {import('./common').Ctx} ctx
 * @param {Record<string, any>} body
 */
function walletConfigurations(ctx, body) {
	return {
		merchantNo: ctx.merchantNo,
		appId: ctx.appId,
		domain: body.host,
		apple_pay: {
			configuration: { merchant_identifier: `merchant.${body.host}`, merchant_name: body.merchant_name },
			allowed_card_networks: ['visa', 'masterCard', 'amex', 'discover', 'jcb'],
			allowed_card_auth_methods: ['supports3DS'],
		},
		google_pay: {
			allowed_card_networks: ['VISA', 'MASTERCARD', 'AMEX', 'DISCOVER', 'JCB'],
			allowed_card_auth_methods: ['PAN_ONLY', 'CRYPTOGRAM_3DS'],
			tokenization_specification: {
				type: 'PAYMENT_GATEWAY',
				parameters: { gateway: 'useepay', gatewayMerchantId: ctx.merchantNo },
			},
		},
	};
}

/** @type {import('./common').Route[]} */
const routes = [
	createRoute('/api/v1/payment_methods/apple_pay/merchant_session', APPLE_PAY_SESSION_SCHEMA, applePaySession),
	createRoute('/api/v1/payment_method_configurations', CONFIGURATIONS_SCHEMA, walletConfigurations),
	createRoute('/api/v1/payment_methods/create', CREATE_SCHEMA, (ctx, body) => {
		if (body.customer_id) mustRef(ctx, 'customers', body.customer_id, 'customer_id', 'Customer');
		const card = maskCard(body.card, 'card');
		const obj = stamp(
			ctx,
			newId('pm_'),
			{
				type: body.type,
				customer_id: val(body, 'customer_id'),
				card,
				billing: val(body, 'billing'),
				metadata: val(body, 'metadata'),
			},
			{ errorFields: 'short' },
		);
		ctx.store.insert(ctx.merchantNo, COLLECTION, obj, { last4: card.last4 });
		ctx.emit('payment_method.created', obj);
		return obj;
	}),
	retrieveRoute('/api/v1/payment_methods/{payment_method_id}', COLLECTION, 'Payment method'),
	updateRoute(
		'/api/v1/payment_methods/{payment_method_id}',
		COLLECTION,
		'Payment method',
		UPDATE_SCHEMA,
		(ctx, obj, body) => {
			if (body.customer_id) mustRef(ctx, 'customers', body.customer_id, 'customer_id', 'Customer');
			if (body.billing && obj.billing) {
				obj.billing = { ...obj.billing, ...body.billing };
				applyUpdate(obj, body, ['metadata', 'customer_id']);
			} else applyUpdate(obj, body, ['billing', 'metadata', 'customer_id']);
			touch(obj);
			ctx.emit('payment_method.updated', obj);
			return obj;
		},
	),
	listRoute('/api/v1/payment_methods', COLLECTION, ['customer_id', 'type']),
];

module.exports = { routes, maskCard, COLLECTION };
