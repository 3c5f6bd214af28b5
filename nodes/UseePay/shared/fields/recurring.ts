import type { INodeProperties } from 'n8n-workflow';

import { objectField, optionsOf } from './kit';

/** Billing: periods, recurring prices, how invoices are paid. */

/** A billing period: Interval (day/week/month/year) × Interval Count. */
export const billingIntervalFields: INodeProperties[] = [
	{
		displayName: 'Interval',
		name: 'interval',
		type: 'options',
		options: optionsOf('day', 'month', 'week', 'year'),
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
export function recurringField(): INodeProperties {
	return objectField(
		'recurring',
		'Recurring',
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
		{
			description:
				'The billing schedule. To stop after a number of periods, add {"recurring": {"total_billing_cycles": 12}} to Extra Fields (JSON).',
		},
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
