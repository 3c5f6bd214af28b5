import { getManyOperation, statusFilter } from '../../shared/getMany';
import { webhookStatusOptions } from './shared';

export const getMany = getManyOperation('webhooks', 'List webhook endpoints', '/api/v1/webhooks', [
	statusFilter(webhookStatusOptions, 'enabled'),
]);
