export function loopTurnWatch(): () => boolean;
export function busyFor(ms: number): void;
