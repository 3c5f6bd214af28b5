import { sleep } from 'n8n-workflow';

/**
 * Time as the bulk path sees it. The real clock is Date.now() and n8n-workflow's sleep (nodes may
 * not use timers directly); tests pass a fake clock whose sleeps end when the test advances it.
 */
export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

export const realClock: Clock = {
	now: () => Date.now(),
	sleep: async (ms) => {
		if (ms > 0) await sleep(ms);
	},
};
