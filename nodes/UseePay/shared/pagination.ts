import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

/** UNCERTAIN in the docs; the emulator and our tests cap page_size at this. */
export const MAX_PAGE_SIZE = 100;

/**
 * Reads a list page defensively: UseePay's docs show `{items, has_more}`, its PHP SDK reads `data`.
 */
export function readListPage(body: unknown): { items: IDataObject[]; hasMore: boolean } {
	const page = (body ?? {}) as IDataObject;
	const items = (Array.isArray(page.items) ? page.items : Array.isArray(page.data) ? page.data : []) as IDataObject[];
	return { items, hasMore: page.has_more === true || page.has_more === 'true' };
}

/**
 * Pages through a UseePay list: page_num 0, 1, 2 ... while `has_more` and the limit is not
 * reached. Written as a function (not n8n's `generic` pagination) because generic pagination
 * evaluates `$request` once and would re-request the same page.
 */
export async function paginateUseePayList(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const limit = requestData.maxResults ? Number(requestData.maxResults) : Infinity;
	const results: INodeExecutionData[] = [];
	for (let pageNum = 0; results.length < limit; pageNum++) {
		const pageSize = Math.min(MAX_PAGE_SIZE, limit - results.length);
		const responseItems = await this.makeRoutingRequest({
			...requestData,
			options: {
				...requestData.options,
				qs: { ...(requestData.options.qs as IDataObject), page_num: pageNum, page_size: pageSize },
			},
		});
		const first = responseItems[0];
		// A failed page under Continue On Fail arrives as one error item: pass it on and stop.
		if (!first || first.json.error !== undefined) return first ? [first] : results;
		const { items, hasMore } = readListPage(first.json);
		results.push(...items.map((json) => ({ json })));
		if (!hasMore || items.length === 0) break;
	}
	return results;
}

/** Return All, Limit and a Filters collection for a Get Many operation. */
export function getManyFields(
	show: { resource: string[]; operation: string[] },
	filters: INodeProperties[],
	resourcePlural: string,
): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			displayOptions: { show },
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { ...show, returnAll: [false] } },
			typeOptions: { minValue: 1 },
			default: 50,
			description: 'Max number of results to return',
			routing: { output: { maxResults: '={{$value}}' } },
		},
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			displayOptions: { show },
			description: `Only return ${resourcePlural} that match all of these`,
			options: [...filters, ...createdAtFilters].sort((a, b) => a.displayName.localeCompare(b.displayName)),
		},
	];
}

/** A filter on another object's ID (Customer ID, Subscription ID ...), sent under its wire name. */
export function idFilter(name: string, displayName: string, example: string): INodeProperties {
	return queryFilter({ displayName, name, type: 'string', default: '', placeholder: `e.g. ${example}` });
}

/**
 * A Status filter. Where UseePay has a cancelled status it spells it both `cancelled` (webhooks)
 * and `canceled` (some answers); the option sends `cancelled`, an expression can send the other.
 */
export function statusFilter(statuses: INodePropertyOptions[], defaultStatus: string): INodeProperties {
	return queryFilter({
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: statuses,
		default: defaultStatus,
	});
}

/** A filter sent as a query parameter under its own (wire) name. */
export function queryFilter(property: INodeProperties): INodeProperties {
	return { ...property, routing: { send: { type: 'query', property: property.name } } };
}

const createdAtFilters: INodeProperties[] = [
	{
		displayName: 'Created After',
		name: 'from_created_at',
		type: 'dateTime',
		default: '',
		description: 'Only objects created at or after this time',
		routing: { send: { type: 'query', property: 'from_created_at', value: '={{ new Date($value).toISOString() }}' } },
	},
	{
		displayName: 'Created Before',
		name: 'to_created_at',
		type: 'dateTime',
		default: '',
		description: 'Only objects created before this time',
		routing: { send: { type: 'query', property: 'to_created_at', value: '={{ new Date($value).toISOString() }}' } },
	},
];
