import type { IDataObject } from 'n8n-workflow';

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
