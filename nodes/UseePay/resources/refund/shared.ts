import type { INodeProperties } from 'n8n-workflow';

import { resourceLocator } from '../../shared/locators';

/** The refund picked by Get and Update. */
export const refundLocator = resourceLocator({
	name: 'refundId',
	displayName: 'Refund',
	searchListMethod: 'searchRefunds',
	placeholder: 'e.g. 3f2a9c0d5e6b47a18c9d0e1f2a3b4c5d',
});

export const reasonField: INodeProperties = {
	displayName: 'Reason',
	name: 'reason',
	type: 'string',
	default: '',
	placeholder: 'e.g. Customer returned the item',
	description: 'Why the payment is refunded (free text)',
};
