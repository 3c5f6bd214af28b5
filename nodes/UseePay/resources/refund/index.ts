import { extraFieldsField, metadataField } from '../../shared/fields';
import { moneyMoveRun } from '../../shared/moneyMoves';
import { getOperation, updateOperation, useePayResource } from '../../shared/resource';
import { create, reasonField } from './create';
import { prepareRefund } from './createOnce';
import { getMany } from './getAll';

export const refund = useePayResource({
	value: 'refund',
	displayName: 'Refund',
	idPlaceholder: 'e.g. 3f2a9c0d5e6b47a18c9d0e1f2a3b4c5d',
	list: { label: (r) => `${r.amount ?? ''} ${r.currency ?? ''} · ${r.status ?? ''}` },
	operations: [
		// Runs as code: at most one refund per idempotency key (createOnce.ts).
		{ ...create, run: moneyMoveRun(prepareRefund) },
		getOperation('a refund', '/api/v1/refunds/{refundId}'),
		getMany,
		updateOperation(
			'a refund',
			'/api/v1/refunds/{refundId}',
			[extraFieldsField, metadataField, reasonField],
			'Update the reason or metadata of a refund',
		),
	],
});
