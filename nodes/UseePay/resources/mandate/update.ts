import { extraFieldsField, metadataField, updateFields } from '../../shared/fields';
import type { OperationSpec } from '../../shared/resource';
import { customerAcceptance } from './create';

export const update: OperationSpec = {
	name: 'Update',
	value: 'update',
	action: 'Update a mandate',
	description: 'Update a mandate',
	method: 'POST',
	path: '/api/v1/mandates/{mandateId}',
	body: { collection: 'updateFields' },
	fields: [updateFields([customerAcceptance, extraFieldsField, metadataField])],
};
