import { updateOperation } from '../../shared/resource';
import { customerFields } from './shared';

/** Runs as code (writes.ts), which sends this call. */
export const update = updateOperation('a customer', '/api/v1/customers/{customerId}', customerFields);
