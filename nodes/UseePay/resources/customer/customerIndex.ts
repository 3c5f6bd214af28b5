import type { IDataObject } from 'n8n-workflow';

import type { ListPage } from '../../../shared/listPage';

export type MatchOn = 'merchant_customer_id' | 'email';

/** A row's match key: the field and its value (an email in lower case). */
export interface RowKey {
	field: MatchOn;
	value: string;
}

/** What the index knows about a row's customer. */
export type Resolution =
	/**
	 * The customers whose key is the row's (more than one only for an email), as the list (or the
	 * lookup) showed them: Skip Unchanged and Preview compare them with the row.
	 */
	| { kind: 'found'; ids: string[]; customers: IDataObject[] }
	/** Not in the account when its list was read. */
	| { kind: 'absent' }
	/** The index cannot tell (no key, list not read to its end): the row looks itself up. */
	| { kind: 'lookup' };

export const keyOf = (field: MatchOn, value: string): RowKey => ({
	field,
	value: field === 'email' ? value.toLowerCase() : value,
});

const mapKey = (key: RowKey) => `${key.field}:${key.value}`;

/** The resolution of a row whose customers the list or a lookup showed. */
export const found = (customers: IDataObject[]): Resolution => ({
	kind: 'found',
	ids: customers.map((customer) => String(customer.id)),
	customers,
});

/**
 * Customer → Create or Update's index: the account's customers, read once per run, matched
 * against the rows' keys, so that each row needs one write instead of a lookup and a write.
 *
 * Only what the rows ask for is kept (the customers whose Merchant Customer ID or email is some
 * row's key, as listed, for Skip Unchanged to compare), so memory grows with the rows, not with
 * the account. The index also
 * decides the order in which rows start (`next`): a row whose customer a page has shown starts
 * at once, while the list is still being read, so the writes don't wait for the whole list; a
 * row keyed by email waits for the end of the list (a later page may hold a second customer
 * with that email); rows not found start when the list has been read to its end, as creates.
 */
export class CustomerIndex {
	private readonly rowsByKey = new Map<string, number[]>();

	private readonly customersByKey = new Map<string, IDataObject[]>();

	private readonly resolutions: Array<Resolution | undefined>;

	private readonly ready: number[] = [];

	private readyHead = 0;

	private waiters: Array<(row: number | undefined) => void> = [];

	private unresolvedByMerchantId = 0;

	private unresolved = 0;

	/** Merchant Customer IDs some row has that no page has shown yet. */
	private merchantIdsUnseen = 0;

	private isClosed = false;

	constructor(private readonly keys: Array<RowKey | undefined>) {
		this.resolutions = new Array<Resolution | undefined>(keys.length);
		keys.forEach((key, row) => {
			if (!key) {
				this.resolve(row, { kind: 'lookup' });
				return;
			}
			const rows = this.rowsByKey.get(mapKey(key));
			if (rows) rows.push(row);
			else {
				this.rowsByKey.set(mapKey(key), [row]);
				if (key.field === 'merchant_customer_id') this.merchantIdsUnseen++;
			}
			this.unresolved++;
			if (key.field === 'merchant_customer_id') this.unresolvedByMerchantId++;
		});
	}

	/** The key the row was indexed under. */
	keyOf(row: number): RowKey | undefined {
		return this.keys[row];
	}

	/** What the index found for a row it has handed out. */
	resolutionOf(row: number): Resolution {
		return this.resolutions[row] ?? { kind: 'lookup' };
	}

	/** The run is over: the list need not be read on. */
	get closed(): boolean {
		return this.isClosed;
	}

	/** Rows still waiting for the list (0: every row has its answer, reading on is pointless). */
	get pending(): number {
		return this.unresolved;
	}

	/**
	 * How many more customers the list may still have to show for the rows: the Merchant Customer
	 * IDs not seen yet; unlimited while a row keyed by email waits (it needs the list's end).
	 */
	get sought(): number {
		if (this.isClosed) return 0;
		return this.unresolved > this.unresolvedByMerchantId ? Infinity : this.merchantIdsUnseen;
	}

	/** The next row to start: resolved rows first come, first served; undefined when none is left. */
	readonly next = async (): Promise<number | undefined> => {
		if (this.readyHead < this.ready.length) return this.ready[this.readyHead++];
		if (this.isClosed || this.unresolved === 0) return undefined;
		return await new Promise<number | undefined>((resolve) => this.waiters.push(resolve));
	};

	/** One page of the list: rows keyed by Merchant Customer ID whose customer is on it start now. */
	add(page: ListPage): void {
		for (const customer of page.items) {
			this.note('merchant_customer_id', customer.merchant_customer_id, customer);
			this.note('email', customer.email, customer);
		}
		if (this.unresolvedByMerchantId === 0) return;
		for (const customer of page.items) {
			const key = mapKey(keyOf('merchant_customer_id', String(customer.merchant_customer_id ?? '')));
			const rows = this.rowsByKey.get(key);
			if (!rows) continue;
			if (rows.some((row) => this.resolutions[row] === undefined)) this.merchantIdsUnseen--;
			for (const row of rows) {
				if (this.resolutions[row] !== undefined) continue;
				this.unresolvedByMerchantId--;
				this.resolve(row, found(this.customersByKey.get(key) ?? []));
			}
		}
	}

	/** The whole list has been read: every other row's answer is known now. */
	complete(): void {
		this.settleAll((key) => {
			const customers = this.customersByKey.get(mapKey(key));
			return customers ? found(customers) : { kind: 'absent' };
		});
	}

	/** The list could not be read to its end (failure, too long): the other rows look themselves up. */
	abandon(): void {
		this.settleAll(() => ({ kind: 'lookup' }));
	}

	/** The run is over (cancelled, or stopped at a failure): hand out no more rows. */
	close(): void {
		this.isClosed = true;
		for (const waiter of this.waiters.splice(0)) waiter(undefined);
	}

	/** Remembers the customer when some row has its key. */
	private note(field: MatchOn, value: unknown, customer: IDataObject): void {
		if (value === undefined || value === null || value === '') return;
		const key = mapKey(keyOf(field, String(value)));
		if (!this.rowsByKey.has(key)) return;
		const customers = this.customersByKey.get(key) ?? [];
		if (!customers.some((known) => String(known.id) === String(customer.id))) customers.push(customer);
		this.customersByKey.set(key, customers);
	}

	private settleAll(answer: (key: RowKey) => Resolution): void {
		this.keys.forEach((key, row) => {
			if (key && this.resolutions[row] === undefined) this.resolve(row, answer(key));
		});
		this.unresolvedByMerchantId = 0;
		this.merchantIdsUnseen = 0;
		// Nothing more will come: workers still waiting end.
		for (const waiter of this.waiters.splice(0)) waiter(undefined);
	}

	private resolve(row: number, resolution: Resolution): void {
		if (this.keys[row]) this.unresolved--;
		this.resolutions[row] = resolution;
		const waiter = this.waiters.shift();
		if (waiter) waiter(row);
		else this.ready.push(row);
	}
}
