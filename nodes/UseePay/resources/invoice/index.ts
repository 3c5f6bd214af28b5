import { getOperation, useePayResource } from '../../shared/resource';
import { create } from './create';
import { getMany } from './getAll';
import { pay } from './pay';
import { update } from './update';

export const invoice = useePayResource({
	value: 'invoice',
	displayName: 'Invoice',
	idPlaceholder: 'e.g. inv_1JBQRUTEC0000',
	list: { label: (i) => `${i.number ?? 'Invoice'} · ${i.total_amount ?? ''} ${i.currency ?? ''} · ${i.status ?? ''}` },
	operations: [create, getOperation('an invoice', '/api/v1/invoices/{invoiceId}'), getMany, pay, update],
});
