import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { useePayBaseUrl } from '../../../credentials/UseePayApi.credentials';
import type { PageAnswer } from '../../shared/listPage';
import { failedPage, readListPage } from '../../shared/listPage';
import { pagingFailure, pagingProfile, readList } from '../../shared/pagination';
import { byDisplayName, optionsOf } from './fields';
import type { OperationSpec } from './operationSpec';

/** How a cancelled object's status is sent: `canceled`, as UseePay's one real answer sample and its PHP SDK spell it. */
export const CANCELED = 'canceled';
/** The other spelling (webhook event names), asked for when `canceled` matches nothing. */
const CANCELLED = 'cancelled';

/**
 * Get Many's pagination (routing's `operations.pagination`): readList over n8n's routing
 * request, so Return All and Limit get the same paging, pacing (100 requests per second, the
 * Requests Per Second default) and guards as every other listing. Written as a function (not
 * n8n's `generic` pagination) because generic pagination evaluates `$request` once and would
 * re-request the same page.
 */
export async function paginateUseePayList(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const limit = requestData.maxResults ? Number(requestData.maxResults) : Infinity;
	const baseQuery = (requestData.options.qs ?? {}) as IDataObject;
	const profile = pagingProfile(useePayBaseUrl(await this.getCredentials('useePayApi')));
	// A failed page: the error to throw, or (Continue On Fail) the error item routing made.
	type Failed = { error: unknown } | { item: INodeExecutionData };
	const fetchPage = async (query: IDataObject): Promise<PageAnswer<Failed>> => {
		let first: INodeExecutionData | undefined;
		try {
			[first] = await this.makeRoutingRequest({ ...requestData, options: { ...requestData.options, qs: query } });
		} catch (error) {
			const { httpCode, context } = error as { httpCode?: unknown; context?: IDataObject };
			return failedPage({ error }, httpCode, context?.useePay as IDataObject | undefined);
		}
		if (!first) return { page: { items: [], hasMore: false } };
		if (first.json.error === undefined) return { page: readListPage(first.json) };
		const { httpCode, source, error } = first.json;
		return failedPage({ item: first }, httpCode, { source, message: error });
	};
	/** One listing of `query`: its items, or the error item routing made (Continue On Fail). */
	const list = async (query: IDataObject): Promise<{ items: INodeExecutionData[]; failed?: true }> => {
		const items: INodeExecutionData[] = [];
		try {
			for await (const page of readList(fetchPage, profile, { query, limit })) {
				if ('failed' in page) {
					if ('item' in page.failed) return { items: [page.failed.item], failed: true };
					throw page.failed.error;
				}
				for (const json of page.items) if (items.length < limit) items.push({ json });
			}
		} catch (error) {
			throw pagingFailure(this.getNode(), error);
		}
		return { items };
	};
	const status = baseQuery.status;
	if (status !== CANCELED && status !== CANCELLED) return (await list(baseQuery)).items;
	// A cancelled status: in the spelling this UseePay has answered to; until it has, when
	// `canceled` matches nothing, `cancelled` is asked for too (a server that stores that one).
	const spellings: Array<typeof CANCELED | typeof CANCELLED> = profile.cancelSpelling
		? [profile.cancelSpelling]
		: [CANCELED, CANCELLED];
	let listed: Awaited<ReturnType<typeof list>> = { items: [] };
	for (const spelling of spellings) {
		listed = await list({ ...baseQuery, status: spelling });
		if (listed.failed) return listed.items;
		if (listed.items.length > 0) {
			profile.cancelSpelling = spelling;
			break;
		}
	}
	return listed.items;
}

/**
 * Get Many: `objects` (plural, e.g. 'payment intents') page by page from `path`, with Return All,
 * Limit and a Filters collection (the filters given, and when the objects were created).
 */
export function getManyOperation(
	objects: string,
	description: string,
	path: string,
	filters: INodeProperties[],
): OperationSpec {
	return {
		name: 'Get Many',
		value: 'getAll',
		action: `Get many ${objects}`,
		description,
		method: 'GET',
		path,
		list: true,
		fields: [
			{
				displayName: 'Return All',
				name: 'returnAll',
				type: 'boolean',
				default: false,
				description: 'Whether to return all results or only up to a given limit',
			},
			{
				displayName: 'Limit',
				name: 'limit',
				type: 'number',
				displayOptions: { show: { returnAll: [false] } },
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
				description: `Only return ${objects} that match all of these`,
				options: [...filters, ...createdAtFilters].sort(byDisplayName),
			},
		],
	};
}

/** A filter on another object's ID (Customer ID, Subscription ID ...), sent under its wire name. */
export function idFilter(name: string, displayName: string, example: string): INodeProperties {
	return queryFilter({ displayName, name, type: 'string', default: '', placeholder: `e.g. ${example}` });
}

/**
 * A Status filter: each status a value (labelled by it, see optionsOf) or an option of its own
 * (with a description). UseePay spells a cancelled status both `cancelled` (webhook event names)
 * and `canceled` (its one real answer sample, the PHP SDK): the option is `canceled`, and
 * `cancelled` (workflows saved before, an expression) is sent as `canceled` too, so both spellings
 * ask for the same objects; should nothing match, paginateUseePayList asks for `cancelled`.
 */
export function statusFilter(statuses: Array<string | INodePropertyOptions>, defaultStatus: string): INodeProperties {
	const spelled = (status: string) => (status === 'cancelled' ? CANCELED : status);
	const options = statuses.map((status) => (typeof status === 'string' ? optionsOf(spelled(status))[0] : status));
	return {
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options,
		default: spelled(defaultStatus),
		routing: {
			send: { type: 'query', property: 'status', value: `={{ $value === "cancelled" ? "${CANCELED}" : $value }}` },
		},
	};
}

/** A filter sent as a query parameter under its own (wire) name. */
export function queryFilter(property: INodeProperties): INodeProperties {
	return { ...property, routing: { send: { type: 'query', property: property.name } } };
}

/** Created After / Created Before: ISO timestamps, as UseePay's lists take them. */
const createdAtFilter = (name: string, displayName: string, description: string): INodeProperties => ({
	displayName,
	name,
	type: 'dateTime',
	default: '',
	description,
	routing: { send: { type: 'query', property: name, value: '={{ new Date($value).toISOString() }}' } },
});

const createdAtFilters: INodeProperties[] = [
	createdAtFilter('from_created_at', 'Created After', 'Only objects created at or after this time'),
	createdAtFilter('to_created_at', 'Created Before', 'Only objects created before this time'),
];
