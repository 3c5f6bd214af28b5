import { failingEndpoints } from '../../tools/ui/examples';

const attempt = (endpoint_id: string, event_id: string, ok: boolean, status: number | null = ok ? 200 : 404) => ({
	endpoint_id,
	event_id,
	ok,
	status,
	error: status === null ? 'connect ECONNREFUSED 127.0.0.1:5678' : null,
	name: 'payment_intent.succeeded',
	url: `http://127.0.0.1/${endpoint_id}`,
});

describe('the examples check (tools/ui/examples.js failingEndpoints)', () => {
	it('an endpoint whose latest attempt for an event failed is failing; a later success clears it', () => {
		expect(
			failingEndpoints([
				attempt('wh_a', 'evt_1', false),
				attempt('wh_a', 'evt_1', true),
				attempt('wh_b', 'evt_1', false, null),
				attempt('wh_b', 'evt_2', true),
				attempt('wh_c', 'evt_3', true),
			]),
		).toEqual(['wh_b (http://127.0.0.1/wh_b: payment_intent.succeeded connect ECONNREFUSED 127.0.0.1:5678)']);
		expect(failingEndpoints([])).toEqual([]);
	});
});
