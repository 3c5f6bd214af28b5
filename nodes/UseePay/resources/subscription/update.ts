import { byDisplayName, customerIdField, recurringField, updateFields } from '../../shared/fields';
import { currencyField } from '../../shared/money';
import type { OperationSpec } from '../../shared/resource';
import { subscriptionFields } from './shared';

export const update: OperationSpec = {
	name: 'Update',
	value: 'update',
	action: 'Update a subscription',
	description: 'Update a subscription',
	method: 'POST',
	path: '/api/v1/subscriptions/{subscriptionId}',
	body: { collection: 'updateFields' },
	fields: [
		updateFields([...subscriptionFields, currencyField(), customerIdField(), recurringField()].sort(byDisplayName)),
	],
};
