import type { IDataObject } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

/**
 * UseePay retries a delivery until it gets a 2xx (for about two hours), so one event can arrive
 * several times. The ids of recent events are kept in the node's static data (saved with the
 * workflow, so it holds in queue mode too, unlike module memory), oldest first, bounded.
 */
export const RECENT_EVENTS_KEPT = 500;

/** Records the id; returns false when it was already seen. */
export function rememberEvent(staticData: IDataObject, eventId: string, kept = RECENT_EVENTS_KEPT): boolean {
	const recent = Array.isArray(staticData.recentEventIds) ? (staticData.recentEventIds as string[]) : [];
	if (recent.includes(eventId)) return false;
	recent.push(eventId);
	staticData.recentEventIds = recent.slice(-kept);
	return true;
}

// The reset comes ~2 ms after webhook() returns and n8n's save ~25 ms after (measured in queue
// mode): re-mark every millisecond at first, then every 10 ms, for 3 s at most.
const FAST_EVERY_MS = 1;
const FAST_FOR_MS = 250;
const REASSERT_EVERY_MS = 10;
const REASSERT_FOR_MS = 3000;

/**
 * Works around n8n 2.41: when webhook() starts an execution, n8n's WorkflowRunner wraps the same
 * static-data object in a new Workflow before saving it (establishContextForPersistence), which
 * clears the "changed" flag, so what webhook() recorded is not written to the database and the
 * next retry of the same event would run again. Re-assigning the (unchanged) list for a short,
 * bounded time sets the flag again after that reset, so n8n's save right after the response
 * writes it. Harmless when n8n is fixed: it only re-marks data that is already current.
 */
export function keepMarkedChanged(staticData: IDataObject): void {
	void (async () => {
		for (let waited = 0; waited < REASSERT_FOR_MS; ) {
			const step = waited < FAST_FOR_MS ? FAST_EVERY_MS : REASSERT_EVERY_MS;
			await sleep(step);
			waited += step;
			staticData.recentEventIds = staticData.recentEventIds as string[];
		}
	})();
}
