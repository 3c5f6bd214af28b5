import { randomUUID } from 'crypto';
import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

/**
 * Which events a trigger has already started its workflow for. UseePay retries a delivery until it
 * gets a 2xx (for about two hours), and a slow answer makes it send the same event again while the
 * first is still in flight, so each event id must be decided exactly once.
 *
 * The decision is made in this process's ledger: a check and a record with no `await` between
 * them, so two deliveries of one event handled by this process can never both be admitted (n8n
 * loads a separate copy of the workflow's static data for every request, so a check against that
 * copy alone lets concurrent repeats through). The ledger is also written into the node's static
 * data (the same object, so every save writes the newest ids) and merged back from it, so the ids
 * survive a restart and reach other n8n processes once saved. The three figures below are the
 * only statement of how long and how many ids are kept: docs and tests refer to these names.
 */
/** How long an id is kept. */
export const EVENT_MEMORY_SECONDS = 72 * 3600;
/** How many ids are kept at most, beyond which the oldest past RETRY_HORIZON_SECONDS make room. */
export const EVENT_MEMORY_MAX = 20000;
/**
 * An id younger than this is never pushed out: when the ledger is full of such ids, new events are
 * refused with "try again" and UseePay delivers them later. UseePay's retries end about two hours
 * after the first attempt.
 */
export const RETRY_HORIZON_SECONDS = 3 * 3600;

interface Ledger {
	/**
	 * event id → when it was admitted (Unix seconds), oldest first: the order ids are dropped in.
	 * A Map, because an object lists integer-like keys ("123") first whatever their age, which
	 * would stop makeRoom at a young id and refuse every new event as 'full'.
	 */
	seen: Map<string, number>;
	/** The newest admission time in `seen` (an id saved elsewhere may be older: see absorbSaved). */
	newest: number;
	/** The same ids as an object, for the node's static data (JSON); its key order does not matter. */
	saved: Record<string, number>;
	/** Admitted but not yet final (Confirm With UseePay is running): repeats must wait. */
	pending: Set<string>;
	/** The newest static data to keep marked changed (see keepMarkedChanged), and until when. */
	remark?: { staticData: IDataObject; fastUntil: number; until: number };
}

export type Claim = 'new' | 'duplicate' | 'in progress' | 'full';

/** Marks static data last written by this process: its ids are already in the ledger. */
let processToken = randomUUID();
const ledgers = new Map<string, Ledger>();

function ledgerFor(key: string): Ledger {
	let ledger = ledgers.get(key);
	if (!ledger) {
		const saved = Object.create(null) as Record<string, number>;
		ledger = { seen: new Map(), newest: 0, saved, pending: new Set() };
		ledgers.set(key, ledger);
	}
	return ledger;
}

function record(ledger: Ledger, eventId: string, at: number): void {
	if (ledger.seen.has(eventId)) return;
	ledger.seen.set(eventId, at);
	ledger.saved[eventId] = at;
	ledger.newest = Math.max(ledger.newest, at);
}

/**
 * Ids saved by another process (or by an older version of this node) join the ledger, in the
 * order of their age (a saved object lists integer-like ids first). Returns whether the saved copy
 * is someone else's (then this process's ledger must be written back).
 */
function absorbSaved(ledger: Ledger, staticData: IDataObject, now: number): boolean {
	if (staticData.seenEventsBy === processToken) return false;
	const unknown: Array<[string, number]> = [];
	const saved = staticData.seenEvents;
	if (saved && typeof saved === 'object' && !Array.isArray(saved)) {
		for (const [id, at] of Object.entries(saved as IDataObject)) {
			if (!ledger.seen.has(id)) unknown.push([id, Number(at) || now]);
		}
	}
	if (Array.isArray(staticData.recentEventIds)) {
		for (const id of staticData.recentEventIds) if (!ledger.seen.has(String(id))) unknown.push([String(id), now]);
	}
	if (unknown.length === 0) return true;
	unknown.sort((a, b) => a[1] - b[1]);
	// Older than ids already held: the whole ledger is put back in age order.
	const entries = unknown[0][1] < ledger.newest ? [...ledger.seen, ...unknown].sort((a, b) => a[1] - b[1]) : unknown;
	if (entries !== unknown) ledger.seen.clear();
	for (const [id, at] of entries) {
		ledger.seen.set(id, at);
		ledger.saved[id] = at;
		ledger.newest = Math.max(ledger.newest, at);
	}
	return true;
}

/** Drops the oldest ids past EVENT_MEMORY_SECONDS; when still full, those past RETRY_HORIZON_SECONDS. */
function makeRoom(ledger: Ledger, now: number, max: number): boolean {
	for (const [id, at] of ledger.seen) {
		const age = now - at;
		const mayDrop = age > EVENT_MEMORY_SECONDS || (ledger.seen.size >= max && age > RETRY_HORIZON_SECONDS);
		if (!mayDrop) break;
		ledger.seen.delete(id);
		delete ledger.saved[id];
	}
	return ledger.seen.size < max;
}

function save(ledger: Ledger, staticData: IDataObject): void {
	staticData.seenEvents = ledger.saved;
	staticData.seenEventsBy = processToken;
	delete staticData.recentEventIds;
}

/**
 * Decides one delivery: 'new' (run it; recorded now, or held as pending until settleEvent when
 * `pending` is set), 'duplicate' (already run), 'in progress' (the same event is being confirmed
 * right now: answer "try again"), 'full' (no room without forgetting an id UseePay may still retry).
 * `ledgerKey` names the workflow, node and mode (test and production URLs receive the same events).
 */
export function claimEvent(
	staticData: IDataObject,
	ledgerKey: string,
	eventId: string,
	{ pending = false, now = Date.now(), max = EVENT_MEMORY_MAX } = {},
): Claim {
	const ledger = ledgerFor(ledgerKey);
	const seconds = Math.floor(now / 1000);
	const foreign = absorbSaved(ledger, staticData, seconds);
	let claim: Claim;
	if (ledger.seen.has(eventId)) claim = 'duplicate';
	else if (ledger.pending.has(eventId)) claim = 'in progress';
	else if (!makeRoom(ledger, seconds, max - ledger.pending.size)) claim = 'full';
	else {
		claim = 'new';
		if (pending) ledger.pending.add(eventId);
		else record(ledger, eventId, seconds);
	}
	// A repeat changes nothing: no database write, unless the saved copy was another process's.
	if (claim === 'new' || foreign) save(ledger, staticData);
	return claim;
}

/** Ends a pending claim: recorded when the workflow runs, forgotten so UseePay's retry can run it. */
export function settleEvent(staticData: IDataObject, ledgerKey: string, eventId: string, runs: boolean): void {
	const ledger = ledgerFor(ledgerKey);
	ledger.pending.delete(eventId);
	if (runs) record(ledger, eventId, Math.floor(Date.now() / 1000));
	save(ledger, staticData);
}

/** For tests: forget every ledger of this process, as after a restart. */
export function forgetLedgers(): void {
	ledgers.clear();
	processToken = randomUUID();
}

// The reset comes ~2 ms after webhook() returns and n8n's save ~25 ms after (measured in queue
// mode): re-mark every millisecond at first, then every 10 ms, for 3 s after the newest event.
const FAST_FOR_MS = 250;
const REMARK_FOR_MS = 3000;

/**
 * Persistence only (the exactly-once decision above does not depend on it): n8n 2.41 clears the
 * "changed" flag of static data written by a webhook() that starts an execution (WorkflowRunner's
 * establishContextForPersistence wraps the same object in a new Workflow before n8n saves it), so
 * the ids would reach the database only with the next delivery that starts nothing. Re-assigning
 * the ledger for a short, bounded time sets the flag again after that reset, so n8n's save right
 * after the response writes it. Every save writes the whole ledger, so only the newest request's
 * static data is re-marked: one loop per workflow, whatever the delivery rate. Harmless when n8n
 * is fixed.
 */
export function keepMarkedChanged(staticData: IDataObject, ledgerKey: string): void {
	const ledger = ledgerFor(ledgerKey);
	const now = Date.now();
	const looping = ledger.remark !== undefined;
	ledger.remark = { staticData, fastUntil: now + FAST_FOR_MS, until: now + REMARK_FOR_MS };
	if (looping) return;
	void (async () => {
		for (let remark = ledger.remark; remark && Date.now() < remark.until; remark = ledger.remark) {
			await sleep(Date.now() < remark.fastUntil ? 1 : 10);
			(ledger.remark ?? remark).staticData.seenEvents = ledger.saved;
		}
		ledger.remark = undefined;
	})();
}
