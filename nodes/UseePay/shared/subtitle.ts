import type { UseePayResource } from './resource';

/**
 * The canvas subtitle in the words the panel uses ("Create or Update: Customer"), not the
 * parameter values ("createOrUpdate: customer"). n8n evaluates the subtitle as an expression over
 * the node's parameters and has no helper for an option's display name, so the expression carries
 * the names from the resources' definitions: one lookup by resource, one by resource.operation.
 * A value the maps do not know (an expression, a removed operation) shows as it is.
 */
export function subtitleOf(resources: UseePayResource[]): string {
	const resourceNames: Record<string, string> = {};
	const operationNames: Record<string, string> = {};
	for (const { value, displayName, operations } of resources) {
		resourceNames[value] = displayName;
		for (const op of operations) operationNames[`${value}.${op.value}`] = op.name;
	}
	const operation = `(${JSON.stringify(operationNames)}[$parameter["resource"] + "." + $parameter["operation"]] || $parameter["operation"])`;
	const resource = `(${JSON.stringify(resourceNames)}[$parameter["resource"]] || $parameter["resource"])`;
	return `={{${operation} + ": " + ${resource}}}`;
}
