import type { INodeProperties } from 'n8n-workflow';

import { resourceLocator } from '../../shared/locators';

/** The subscription picked by Get, Update and Cancel. */
export const subscriptionLocator = resourceLocator({
	name: 'subscriptionId',
	displayName: 'Subscription',
	searchListMethod: 'searchSubscriptions',
	placeholder: 'e.g. sub_1JBPC9HT80000',
});

export const defaultPaymentMethodField: INodeProperties = {
	displayName: 'Default Payment Method',
	name: 'default_payment_method',
	type: 'string',
	default: '',
	placeholder: 'e.g. pm_1JA7UDDQG3800',
	description: 'ID of the saved payment method charged automatically',
};

/** The subscription's customer, as an ID (Update). Create picks it with a resource locator. */
export const customerIdField: INodeProperties = {
	displayName: 'Customer ID',
	name: 'customer_id',
	type: 'string',
	default: '',
	placeholder: 'e.g. cus_1JA7UDDQG3800',
};

export const currentPeriodStartField: INodeProperties = {
	displayName: 'Current Period Start',
	name: 'current_period_start',
	type: 'dateTime',
	default: '',
	description: 'When the first billing period starts',
};
