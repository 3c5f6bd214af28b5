import type { INodeProperties } from 'n8n-workflow';

import { getManyFields, statusFilter } from '../../shared/pagination';
import { paymentLinkStatusOptions } from './shared';

const showOnlyForPaymentLinkGetMany = { operation: ['getAll'], resource: ['paymentLink'] };

export const paymentLinkGetManyFields: INodeProperties[] = getManyFields(
	showOnlyForPaymentLinkGetMany,
	[statusFilter(paymentLinkStatusOptions, 'active')],
	'payment links',
);
