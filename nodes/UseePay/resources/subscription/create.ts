import type { INodeProperties } from 'n8n-workflow';

import { additionalFields, byDisplayName, recurringField } from '../../shared/fields';
import { customerIdLocator } from '../../shared/locators';
import { currencyField } from '../../shared/money';
import type { OperationSpec } from '../../shared/resource';
import { subscriptionFields } from './shared';

const currentPeriodStart: INodeProperties = {
	displayName: 'Current Period Start',
	name: 'current_period_start',
	type: 'dateTime',
	default: '',
	description: 'When the first billing period starts',
};

export const create: OperationSpec = {
	name: 'Create',
	value: 'create',
	action: 'Create a subscription',
	description: 'Create a subscription',
	method: 'POST',
	path: '/api/v1/subscriptions/create',
	body: { required: ['customer_id', 'currency', 'recurring'], collection: 'additionalFields' },
	fields: [
		customerIdLocator('The customer to bill'),
		currencyField({ required: true }),
		{ ...recurringField(), required: true },
		additionalFields([...subscriptionFields, currentPeriodStart].sort(byDisplayName)),
	],
};
