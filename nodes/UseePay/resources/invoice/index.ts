import { moneyMoveRun } from '../../shared/moneyMoves';
import { getOperation, updateOperation, useePayResource } from '../../shared/resource';
import { create } from './create';
import { getMany } from './getAll';
import { pay } from './pay';
import { preparePay } from './payOnce';
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
		// Runs as code: a paid invoice is not paid again, whatever retries happen (payOnce.ts).
		{ ...pay, run: moneyMoveRun(preparePay) },
		updateOperation('an invoice', '/api/v1/invoices/{invoiceId}', invoiceFields),
	],
});
