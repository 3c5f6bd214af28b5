export interface DrivenClock {
	now(): number;
	readonly nextWakeUp: number | undefined;
	advance(ms: number): Promise<void>;
}
export function drive<T>(
	clock: DrivenClock,
	promise: Promise<T>,
	options?: { onTurn?: () => void; deadline?: () => number },
): Promise<T>;
