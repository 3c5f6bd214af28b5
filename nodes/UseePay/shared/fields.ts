import type { INodeProperties } from 'n8n-workflow';

/**
 * Field shapes shared by every resource (addresses, shipping, metadata, the JSON escape hatch).
 * Defined once here; body.ts turns their `details` / `entries` groups into UseePay's objects.
 * Each factory takes the wire name, because UseePay reuses these shapes under several names
 * (address, billing address, shipping address ...).
 */

const addressDetails: INodeProperties[] = [
	{ displayName: 'City', name: 'city', type: 'string', default: '' },
	{
		displayName: 'Country',
		name: 'country',
		type: 'string',
		default: '',
		placeholder: 'e.g. US',
		description: 'Two-letter ISO 3166-1 country code',
	},
	{ displayName: 'Line 1', name: 'line1', type: 'string', default: '', placeholder: 'e.g. 1 Main Street' },
	{ displayName: 'Line 2', name: 'line2', type: 'string', default: '' },
	{ displayName: 'Postcode', name: 'postcode', type: 'string', default: '' },
	{ displayName: 'State', name: 'state', type: 'string', default: '' },
];

export function addressField(name = 'address', displayName = 'Address'): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		placeholder: 'Add Address',
		default: {},
		options: [{ displayName: 'Details', name: 'details', values: addressDetails }],
	};
}

export function shippingField(name = 'shipping', displayName = 'Shipping'): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		placeholder: 'Add Shipping',
		default: {},
		options: [
			{
				displayName: 'Details',
				name: 'details',
				values: [
					addressField(),
					{ displayName: 'First Name', name: 'first_name', type: 'string', default: '' },
					{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
					{ displayName: 'Name', name: 'name', type: 'string', default: '' },
					{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
					{
						displayName: 'Shipping Method',
						name: 'shipping_method',
						type: 'string',
						default: '',
						placeholder: 'e.g. express',
					},
				],
			},
		],
	};
}

export const metadataField: INodeProperties = {
	displayName: 'Metadata',
	name: 'metadata',
	type: 'fixedCollection',
	placeholder: 'Add Metadata Item',
	description: 'Your own key/value pairs, stored on the object',
	typeOptions: { multipleValues: true },
	default: {},
	options: [
		{
			displayName: 'Entries',
			name: 'entries',
			values: [
				{ displayName: 'Key', name: 'key', type: 'string', default: '' },
				{ displayName: 'Value', name: 'value', type: 'string', default: '' },
			],
		},
	],
};

export const extraFieldsField: INodeProperties = {
	displayName: 'Extra Fields (JSON)',
	name: 'extraFields',
	type: 'json',
	default: '{}',
	description:
		'More body fields as a JSON object, merged last (deeply) into the request. For fields UseePay accepts that this node has no field for.',
};

export const emailField: INodeProperties = {
	displayName: 'Email',
	name: 'email',
	type: 'string',
	placeholder: 'name@email.com',
	default: '',
};

export const descriptionField: INodeProperties = {
	displayName: 'Description',
	name: 'description',
	type: 'string',
	default: '',
};

/*
 * Payment shapes (PaymentIntents, subscriptions, invoices, checkout ...). Objects are
 * fixedCollections with one `details` group. A fixedCollection always sends every field of its
 * group (numbers and booleans with their defaults), so an object whose fields are all optional
 * and include numbers or booleans (device data, browser, card options) is a `collection`
 * instead: only the fields the user adds are sent.
 */

/** One group of a single-value fixedCollection (body.ts unwraps `details`). */
function objectField(
	name: string,
	displayName: string,
	values: INodeProperties[],
	description?: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		placeholder: `Add ${displayName}`,
		default: {},
		...(description ? { description } : {}),
		options: [{ displayName: 'Details', name: 'details', values }],
	};
}

/** An inline customer object (PaymentIntent `customer`), an alternative to `customer_id`. */
export function customerObjectField(name = 'customer', displayName = 'Customer'): INodeProperties {
	return objectField(
		name,
		displayName,
		[
			addressField(),
			emailField,
			{ displayName: 'First Name', name: 'first_name', type: 'string', default: '' },
			{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
			{
				displayName: 'Merchant Customer ID',
				name: 'merchant_customer_id',
				type: 'string',
				default: '',
				placeholder: 'e.g. CRM-00042',
				description: 'Your own ID for this customer',
			},
			{ displayName: 'Name', name: 'name', type: 'string', default: '', description: 'Full name or business name' },
			{ displayName: 'Phone', name: 'phone', type: 'string', default: '', placeholder: 'e.g. +14155550100' },
		],
		'A new customer given inline, instead of an existing Customer ID',
	);
}

const productValues: INodeProperties[] = [
	{ displayName: 'Category', name: 'category', type: 'string', default: '' },
	{ displayName: 'Code', name: 'code', type: 'string', default: '' },
	{ displayName: 'Description', name: 'desc', type: 'string', default: '' },
	{ displayName: 'Effective End At', name: 'effective_end_at', type: 'dateTime', default: '' },
	{ displayName: 'Effective Start At', name: 'effective_start_at', type: 'dateTime', default: '' },
	{ displayName: 'Name', name: 'name', type: 'string', default: '' },
	{ displayName: 'Quantity', name: 'quantity', type: 'number', typeOptions: { minValue: 0 }, default: 1 },
	objectField('seller', 'Seller', [
		{ displayName: 'Identifier', name: 'identifier', type: 'string', default: '' },
		{ displayName: 'Name', name: 'name', type: 'string', default: '' },
	]),
	{ displayName: 'SKU', name: 'sku', type: 'string', default: '' },
	{ displayName: 'Type', name: 'type', type: 'string', default: '', placeholder: 'e.g. physical' },
	{
		displayName: 'Unit Price',
		name: 'unit_price',
		type: 'number',
		typeOptions: { minValue: 0, numberPrecision: 3 },
		default: 0,
		description: 'Decimal price in major units of the currency, e.g. 25.50 for USD 25.50',
	},
	{ displayName: 'URL', name: 'url', type: 'string', default: '', placeholder: 'e.g. https://shop.example.com/p/42' },
];

/** Order line items: a list (body.ts sends the `items` group as an array). */
export function productsField(name = 'products', displayName = 'Products'): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		placeholder: 'Add Product',
		typeOptions: { multipleValues: true },
		default: {},
		options: [{ displayName: 'Product', name: 'items', values: productValues }],
	};
}

/** The shipping of an order: UseePay spells it differently from a customer's shipping. */
function orderShippingField(): INodeProperties {
	return objectField('shipping', 'Shipping', [
		objectField('address', 'Address', [
			{ displayName: 'City', name: 'city', type: 'string', default: '' },
			{
				displayName: 'Country Code',
				name: 'country_code',
				type: 'string',
				default: '',
				placeholder: 'e.g. US',
				description: 'Two-letter ISO 3166-1 country code',
			},
			{ displayName: 'Line 1', name: 'line1', type: 'string', default: '' },
			{ displayName: 'Postcode', name: 'postcode', type: 'string', default: '' },
			{ displayName: 'State', name: 'state', type: 'string', default: '' },
		]),
		{ displayName: 'First Name', name: 'first_name', type: 'string', default: '' },
		{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
		{ displayName: 'Phone Number', name: 'phone_number', type: 'string', default: '' },
		{
			displayName: 'Shipping Method',
			name: 'shipping_method',
			type: 'string',
			default: '',
			placeholder: 'e.g. sameday',
		},
	]);
}

/** An order: category, products and shipping (PaymentIntents, subscriptions ...). */
export function orderField(name = 'order', displayName = 'Order'): INodeProperties {
	return objectField(name, displayName, [
		{ displayName: 'Category', name: 'category', type: 'string', default: '' },
		productsField(),
		orderShippingField(),
	]);
}

/** A billing contact: name, email, phone and address. */
export function billingField(name = 'billing', displayName = 'Billing'): INodeProperties {
	return objectField(name, displayName, [
		addressField(),
		emailField,
		{ displayName: 'First Name', name: 'first_name', type: 'string', default: '' },
		{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
		{ displayName: 'Name', name: 'name', type: 'string', default: '' },
		{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
	]);
}

/** Raw card details. Sending them puts the workflow in PCI DSS scope. */
export function cardField(name = 'card', displayName = 'Card'): INodeProperties {
	return objectField(name, displayName, [
		{ displayName: 'Cardholder Name', name: 'name', type: 'string', default: '' },
		{ displayName: 'CVC', name: 'cvc', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Expiry Month', name: 'expiry_month', type: 'string', default: '', placeholder: 'e.g. 12' },
		{ displayName: 'Expiry Year', name: 'expiry_year', type: 'string', default: '', placeholder: 'e.g. 2030' },
		{ displayName: 'Number', name: 'number', type: 'string', typeOptions: { password: true }, default: '' },
		{ displayName: 'Number Type', name: 'number_type', type: 'string', default: '', placeholder: 'e.g. pan' },
	]);
}

/** Payment method details given inline: type, card and billing contact. */
export function paymentMethodDataField(
	name = 'payment_method_data',
	displayName = 'Payment Method Data',
): INodeProperties {
	return objectField(
		name,
		displayName,
		[
			billingField(),
			cardField(),
			{
				displayName: 'Type',
				name: 'type',
				type: 'string',
				default: 'card',
				placeholder: 'e.g. card',
				description: 'Payment method type, e.g. card or a local method name',
			},
		],
		'The payment method given inline (raw card data puts the workflow in PCI DSS scope)',
	);
}

/** Per-method options: type, and for cards the authorisation type, capture and 3-D Secure. */
export function paymentMethodOptionsField(
	name = 'payment_method_options',
	displayName = 'Payment Method Options',
): INodeProperties {
	return objectField(name, displayName, [
		{
			displayName: 'Card',
			name: 'card',
			type: 'collection',
			placeholder: 'Add Card Option',
			default: {},
			options: [
				{
					displayName: '3DS Action',
					name: 'three_ds_action',
					type: 'string',
					default: '',
					placeholder: 'e.g. force_3ds',
				},
				{
					displayName: 'Authorization Type',
					name: 'authorization_type',
					type: 'string',
					default: '',
					placeholder: 'e.g. final_auth',
				},
				{
					displayName: 'Auto Capture',
					name: 'auto_capture',
					type: 'boolean',
					default: true,
					description: 'Whether a card payment is captured right after authorisation',
				},
			],
		},
		{ displayName: 'Type', name: 'type', type: 'string', default: '', placeholder: 'e.g. card' },
	]);
}

/** The shopper's device, for risk checks and 3-D Secure. Only the fields added are sent. */
export function deviceDataField(name = 'device_data', displayName = 'Device Data'): INodeProperties {
	return {
		displayName,
		name,
		type: 'collection',
		placeholder: 'Add Device Field',
		default: {},
		description: "The shopper's device, for risk checks and 3-D Secure",
		options: [
			{ displayName: 'Accept Header', name: 'accept_header', type: 'string', default: '' },
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
					{ displayName: 'User Agent', name: 'user_agent', type: 'string', default: '' },
				],
			},
			{ displayName: 'Device ID', name: 'device_id', type: 'string', default: '' },
			{ displayName: 'IP Address', name: 'ip_address', type: 'string', default: '', placeholder: 'e.g. 203.0.113.7' },
			{ displayName: 'Language', name: 'language', type: 'string', default: '', placeholder: 'e.g. en-US' },
			objectField('location', 'Location', [
				{ displayName: 'Latitude', name: 'lat', type: 'string', default: '' },
				{ displayName: 'Longitude', name: 'lon', type: 'string', default: '' },
			]),
			objectField('mobile', 'Mobile', [
				{ displayName: 'Device Model', name: 'device_model', type: 'string', default: '' },
				{ displayName: 'OS Type', name: 'os_type', type: 'string', default: '', placeholder: 'e.g. IOS' },
				{ displayName: 'OS Version', name: 'os_version', type: 'string', default: '' },
			]),
			{ displayName: 'Screen Color Depth', name: 'screen_color_depth', type: 'number', default: 24 },
			{ displayName: 'Screen Height', name: 'screen_height', type: 'number', default: 0 },
			{ displayName: 'Screen Width', name: 'screen_width', type: 'number', default: 0 },
			{
				displayName: 'Timezone',
				name: 'timezone',
				type: 'string',
				default: '',
				placeholder: 'e.g. -2',
				description: 'UTC offset in hours, e.g. -2 or 3:30',
			},
		],
	};
}

/** The customer's consent to off-session charges (`mandate_data.customer_acceptance`). */
export function customerAcceptanceField(
	name = 'customer_acceptance',
	displayName = 'Customer Acceptance',
): INodeProperties {
	return objectField(name, displayName, [
		{
			displayName: 'Accepted At',
			name: 'accepted_at',
			type: 'dateTime',
			default: '',
			description: 'When the customer accepted',
		},
		objectField('online', 'Online', [
			{ displayName: 'IP Address', name: 'ip_address', type: 'string', default: '', placeholder: 'e.g. 203.0.113.7' },
			{ displayName: 'User Agent', name: 'user_agent', type: 'string', default: '' },
		]),
		{
			displayName: 'Type',
			name: 'type',
			type: 'options',
			options: [
				{ name: 'Offline', value: 'offline' },
				{ name: 'Online', value: 'online' },
			],
			default: 'online',
		},
	]);
}

/** Mandate data: the customer acceptance recorded with a payment (e.g. paying an invoice). */
export function mandateDataField(name = 'mandate_data', displayName = 'Mandate Data'): INodeProperties {
	return objectField(
		name,
		displayName,
		[customerAcceptanceField()],
		"The customer's consent to be charged off-session",
	);
}

/** A billing period: Interval (day/week/month/year) × Interval Count. */
export const billingIntervalFields: INodeProperties[] = [
	{
		displayName: 'Interval',
		name: 'interval',
		type: 'options',
		options: [
			{ name: 'Day', value: 'day' },
			{ name: 'Month', value: 'month' },
			{ name: 'Week', value: 'week' },
			{ name: 'Year', value: 'year' },
		],
		default: 'month',
		description: 'The unit of the billing period',
	},
	{
		displayName: 'Interval Count',
		name: 'interval_count',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
		description: 'How many intervals make one billing period, e.g. 3 with Month for quarterly',
	},
];

/**
 * A recurring price: interval, interval count and unit amount. UseePay's optional
 * `total_billing_cycles` (leave it out for no limit) is not a field here, because a
 * fixedCollection would always send it: set it with Extra Fields (JSON).
 */
export function recurringField(name = 'recurring', displayName = 'Recurring'): INodeProperties {
	return objectField(
		name,
		displayName,
		[
			...billingIntervalFields,
			{
				displayName: 'Unit Amount',
				name: 'unit_amount',
				type: 'number',
				typeOptions: { minValue: 0, numberPrecision: 3 },
				default: 0,
				description: 'Decimal amount billed each period, in major units of the currency',
			},
		],
		'The billing schedule. To stop after a number of periods, add {"recurring": {"total_billing_cycles": 12}} to Extra Fields (JSON).',
	);
}

/** How a subscription or invoice is paid. */
export const collectionMethodField: INodeProperties = {
	displayName: 'Collection Method',
	name: 'collection_method',
	type: 'options',
	options: [
		{
			name: 'Charge Automatically',
			value: 'charge_automatically',
			description: "Charge the customer's default payment method",
		},
		{ name: 'Send Invoice', value: 'send_invoice', description: 'Send an invoice the customer pays' },
	],
	default: 'charge_automatically',
};

export const daysUntilDueField: INodeProperties = {
	displayName: 'Days Until Due',
	name: 'days_until_due',
	type: 'number',
	typeOptions: { minValue: 0 },
	default: 30,
	description: 'Days the customer has to pay an invoice (with Send Invoice)',
};
