import reference from '../reference/useepay-api.json';
import { WEBHOOK_EVENTS } from '../../nodes/shared/webhookEvents';
import { WEBHOOK_EVENT_OPTIONS } from '../../nodes/UseePay/resources/webhook/shared';

describe('WEBHOOK_EVENTS (nodes/shared/webhookEvents.ts)', () => {
	it('is exactly the webhook events of the reference (test/reference/useepay-api.json), in its order', () => {
		const typesOf = (events: Array<{ event: string; objectType: string }>) =>
			events.map(({ event, objectType }) => ({ event, objectType }));
		expect(typesOf(WEBHOOK_EVENTS)).toEqual(typesOf(reference.webhookEvents));
	});

	it("describes every event in the user's words, without research notes (the editor shows them)", () => {
		const notes =
			/UNCERTAIN|older (event )?list|page (revision|version)|per older docs|listed only|PaymentIntent|data\.id|\//i;
		for (const { event, description } of WEBHOOK_EVENTS) {
			expect([event, description]).toEqual([event, expect.not.stringMatching(notes)]);
			expect(description).toMatch(/^[A-Z].*\.$/);
		}
	});

	it('has no duplicate event names', () => {
		const names = WEBHOOK_EVENTS.map((e) => e.event);
		expect(new Set(names).size).toBe(names.length);
	});

	it('the Webhook Events option list is All Events (*) then every event, sorted by label', () => {
		expect(WEBHOOK_EVENT_OPTIONS[0]).toMatchObject({ name: 'All Events', value: '*' });
		const rest = WEBHOOK_EVENT_OPTIONS.slice(1);
		expect(rest.map((o) => o.value).sort()).toEqual(WEBHOOK_EVENTS.map((e) => e.event).sort());
		const labels = rest.map((o) => o.name);
		expect(labels).toEqual([...labels].sort((a, b) => a.localeCompare(b)));
		expect(rest.find((o) => o.value === 'payment_intent.succeeded')?.name).toBe('Payment Intent Succeeded');
	});
});
