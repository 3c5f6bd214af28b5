import { byDisplayName, customerIdField, recurringField } from '../../shared/fields';
import { currencyField } from '../../shared/money';
import { updateOperation } from '../../shared/resource';
import { subscriptionFields } from './shared';

export const update = updateOperation(
	'a subscription',
	'/api/v1/subscriptions/{subscriptionId}',
	[...subscriptionFields, currencyField(), customerIdField(), recurringField()].sort(byDisplayName),
);
