import { byDisplayName } from '../../shared/fields';
import { amountField, currencyField } from '../../shared/money';
import { updateOperation } from '../../shared/resource';
import { paymentLinkFields } from './shared';

// Every create field, amount and currency included, is optional.
export const update = updateOperation(
	'a payment link',
	'/api/v1/payment_links/{paymentLinkId}',
	[amountField(), ...paymentLinkFields, currencyField()].sort(byDisplayName),
);
