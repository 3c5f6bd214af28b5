import type { INodeProperties } from 'n8n-workflow';

import { billingField, orderShippingField } from './contact';
import { listField, objectField, optionsOf, textField } from './kit';

/** Payment shapes: orders, cards, payment method data and options, device data, mandates. */

const productValues: INodeProperties[] = [
	textField('category', 'Category'),
	textField('code', 'Code'),
	textField('desc', 'Description'),
	{ displayName: 'Effective End At', name: 'effective_end_at', type: 'dateTime', default: '' },
	{ displayName: 'Effective Start At', name: 'effective_start_at', type: 'dateTime', default: '' },
	textField('name', 'Name'),
	{ displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { minValue: 0 }, default: 1 },
	objectField('seller', 'Seller', [textField('identifier', 'Identifier'), textField('name', 'Name')]),
	textField('sku', 'SKU'),
	textField('type', 'Type', { placeholder: 'e.g. physical' }),
	{
		displayName: 'Unit Price',
		name: 'unit_price',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 3 },
		default: 0,
		description: 'Decimal price in major units of the currency, e.g. 25.50 for USD 25.50',
	},
	textField('url', 'URL', { placeholder: 'e.g. https://shop.example.com/p/42' }),
];

/** An order: category, products (line items) and shipping (PaymentIntents, subscriptions ...). */
export function orderField(description?: string): INodeProperties {
	return objectField(
		'order',
		'Order',
		[
			textField('category', 'Category'),
			listField('products', 'Products', 'Product', productValues),
			orderShippingField(),
		],
		description ? { description } : {},
	);
}

/** Raw card details. Sending them puts the workflow in PCI DSS scope. */
export function cardField(description?: string): INodeProperties {
	const secret = { typeOptions: { password: true } };
	return objectField(
		'card',
		'Card',
		[
			textField('name', 'Cardholder Name'),
			textField('cvc', 'CVC', secret),
			textField('expiry_month', 'Expiry Month', { placeholder: 'e.g. 12' }),
			textField('expiry_year', 'Expiry Year', { placeholder: 'e.g. 2030' }),
			textField('number', 'Number', secret),
			textField('number_type', 'Number Type', { placeholder: 'e.g. pan' }),
		],
		description ? { description } : {},
	);
}

/** Payment method details given inline: type, card and billing contact. */
export function paymentMethodDataField(): INodeProperties {
	return objectField(
		'payment_method_data',
		'Payment Method Data',
		[
			billingField(),
			cardField(),
			textField('type', 'Type', {
				default: 'card',
				placeholder: 'e.g. card',
				description: 'Payment method type, e.g. card or a local method name',
			}),
		],
		{ description: 'The payment method given inline (raw card data puts the workflow in PCI DSS scope)' },
	);
}

/** Per-method options: type, and for cards the authorisation type, capture and 3-D Secure. */
export function paymentMethodOptionsField(): INodeProperties {
	return objectField('payment_method_options', 'Payment Method Options', [
		{
			displayName: 'Card',
			name: 'card',
			type: 'collection',
			placeholder: 'Add Card Option',
			default: {},
			options: [
				textField('three_ds_action', '3DS Action', { placeholder: 'e.g. force_3ds' }),
				textField('authorization_type', 'Authorization Type', { placeholder: 'e.g. final_auth' }),
				{
					displayName: 'Auto Capture',
					name: 'auto_capture',
					type: 'boolean',
					default: true,
					description: 'Whether a card payment is captured right after authorisation',
				},
			],
		},
		textField('type', 'Type', { placeholder: 'e.g. card' }),
	]);
}

const ipAddress = textField('ip_address', 'IP Address', { placeholder: 'e.g. 203.0.113.7' });
const userAgent = textField('user_agent', 'User Agent');

/** The shopper's device, for risk checks and 3-D Secure. Only the fields added are sent. */
export function deviceDataField(): INodeProperties {
	return {
		displayName: 'Device Data',
		name: 'device_data',
		type: 'collection',
		placeholder: 'Add Device Field',
		default: {},
		description: "The shopper's device, for risk checks and 3-D Secure",
		options: [
			textField('accept_header', 'Accept Header'),
			{
				displayName: 'Browser',
				name: 'browser',
				type: 'collection',
				placeholder: 'Add Browser Field',
				default: {},
				options: [
					{
						displayName: 'Java Enabled',
						name: 'java_enabled',
						type: 'boolean',
						default: false,
						description: 'Whether the browser has Java enabled',
					},
					{
						displayName: 'JavaScript Enabled',
						name: 'javascript_enabled',
						type: 'boolean',
						default: true,
						description: 'Whether the browser has JavaScript enabled',
					},
					userAgent,
				],
			},
			textField('device_id', 'Device ID'),
			ipAddress,
			textField('language', 'Language', { placeholder: 'e.g. en-US' }),
			objectField('location', 'Location', [textField('lat', 'Latitude'), textField('lon', 'Longitude')]),
			objectField('mobile', 'Mobile', [
				textField('device_model', 'Device Model'),
				textField('os_type', 'OS Type', { placeholder: 'e.g. IOS' }),
				textField('os_version', 'OS Version'),
			]),
			{ displayName: 'Screen Color Depth', name: 'screen_color_depth', type: 'number', default: 24 },
			{ displayName: 'Screen Height', name: 'screen_height', type: 'number', default: 0 },
			{ displayName: 'Screen Width', name: 'screen_width', type: 'number', default: 0 },
			textField('timezone', 'Timezone', {
				placeholder: 'e.g. -2',
				description: 'UTC offset in hours, e.g. -2 or 3:30',
			}),
		],
	};
}

/** The customer's consent to off-session charges (`mandate_data.customer_acceptance`). */
export function customerAcceptanceField(description?: string): INodeProperties {
	return objectField(
		'customer_acceptance',
		'Customer Acceptance',
		[
			{
				displayName: 'Accepted At',
				name: 'accepted_at',
				type: 'dateTime',
				default: '',
				description: 'When the customer accepted',
			},
			objectField('online', 'Online', [ipAddress, userAgent]),
			{
				displayName: 'Type',
				name: 'type',
				type: 'options',
				options: optionsOf('offline', 'online'),
				default: 'online',
			},
		],
		description ? { description } : {},
	);
}

/** Mandate data: the customer acceptance recorded with a payment (e.g. paying an invoice). */
export function mandateDataField(): INodeProperties {
	return objectField('mandate_data', 'Mandate Data', [customerAcceptanceField()], {
		description: "The customer's consent to be charged off-session",
	});
}
