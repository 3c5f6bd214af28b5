import { getOperation, updateOperation, useePayResource } from '../../shared/resource';
import { create } from './create';
import { getMany } from './getAll';
import { pay } from './pay';
import { invoiceFields } from './shared';

export const invoice = useePayResource({
	value: 'invoice',
	displayName: 'Invoice',
	idPlaceholder: 'e.g. inv_1JBQRUTEC0000',
	list: { label: (i) => `${i.number ?? 'Invoice'} · ${i.total_amount ?? ''} ${i.currency ?? ''} · ${i.status ?? ''}` },
	operations: [
		create,
		getOperation('an invoice', '/api/v1/invoices/{invoiceId}'),
		getMany,
		pay,
		updateOperation('an invoice', '/api/v1/invoices/{invoiceId}', invoiceFields),
	],
});
