import { extraFieldsField, metadataField } from '../../shared/fields';
import { getOperation, updateOperation, useePayResource } from '../../shared/resource';
import { create, customerAcceptance } from './create';
import { getMany } from './getAll';

/** Mandates: the customer's recorded consent to future merchant-initiated charges. */
export const mandate = useePayResource({
	value: 'mandate',
	displayName: 'Mandate',
	idPlaceholder: 'e.g. man_1JA7UDDQG3800',
	list: { label: (m) => `Mandate ${m.customer_id ?? ''} · ${m.status ?? ''}` },
	operations: [
		create,
		getOperation('a mandate', '/api/v1/mandates/{mandateId}'),
		getMany,
		updateOperation('a mandate', '/api/v1/mandates/{mandateId}', [customerAcceptance, extraFieldsField, metadataField]),
	],
});
