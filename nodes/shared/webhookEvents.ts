import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * UseePay's webhooks as both nodes offer them (the UseePay node's Webhook resource, the trigger):
 * the event types and the api_version values. The event types (names and object types) are
 * copied from the API reference's webhook-events.json, in its order; test/shared/webhookEvents.test.ts
 * fails if the two ever differ. The descriptions are what the editor shows: user words; what we
 * learned while researching an event is a comment beside it.
 */
export interface WebhookEvent {
	/** The event name UseePay sends and subscribes to, e.g. `payment_intent.succeeded`. */
	event: string;
	description: string;
	/** The type of the object the event carries, e.g. `payment_intent`. */
	objectType: string;
}

export const WEBHOOK_EVENTS: WebhookEvent[] = [
	{
		event: 'payment_intent.created',
		description: 'A payment intent was created.',
		objectType: 'payment_intent',
	},
	{
		event: 'payment_intent.requires_payment_method',
		description: 'The payment intent is waiting for a payment method.',
		objectType: 'payment_intent',
	},
	{
		event: 'payment_intent.requires_customer_action',
		description: 'The customer must act (e.g. a 3DS challenge or a redirect) before the payment can continue.',
		objectType: 'payment_intent',
	},
	{
		event: 'payment_intent.requires_capture',
		description: 'The payment is authorised; capture it to collect the funds.',
		objectType: 'payment_intent',
	},
	{
		event: 'payment_intent.pending',
		description: 'UseePay accepted the payment; its outcome is not known yet.',
		objectType: 'payment_intent',
	},
	{
		// UseePay's docs: treat as terminal, do not let later (out-of-order) events downgrade it.
		event: 'payment_intent.succeeded',
		description:
			'The payment completed. This status is final: an event that arrives later with an earlier status is out of order.',
		objectType: 'payment_intent',
	},
	{
		// The event name says 'cancelled'; some API answers spell the status 'canceled'.
		event: 'payment_intent.cancelled',
		description: "The payment intent was cancelled. Its status may read 'cancelled' or 'canceled'.",
		objectType: 'payment_intent',
	},
	{
		event: 'payment_intent.failed',
		description: 'The payment failed.',
		objectType: 'payment_intent',
	},
	{
		event: 'refund.received',
		description: 'UseePay received the refund request and queued it.',
		objectType: 'refund',
	},
	{
		event: 'refund.accepted',
		description:
			'The refund was accepted and is in progress; when it arrives depends on the card issuer or payment method.',
		objectType: 'refund',
	},
	{
		event: 'refund.succeeded',
		description: 'The refund completed.',
		objectType: 'refund',
	},
	{
		event: 'refund.failed',
		description: 'The refund failed.',
		objectType: 'refund',
	},
	{
		event: 'subscription.created',
		description: 'A subscription was created.',
		objectType: 'subscription',
	},
	{
		event: 'subscription.active',
		description: 'The subscription became active.',
		objectType: 'subscription',
	},
	{
		event: 'subscription.paused',
		description: 'The subscription was paused.',
		objectType: 'subscription',
	},
	{
		event: 'subscription.unpaid',
		description: 'The subscription is unpaid (an invoice is outstanding).',
		objectType: 'subscription',
	},
	{
		event: 'subscription.cancelled',
		description: 'The subscription was cancelled.',
		objectType: 'subscription',
	},
	{
		event: 'subscription.expired',
		description: 'The subscription expired.',
		objectType: 'subscription',
	},
	{
		// Listed only in the older of UseePay's two event lists.
		event: 'subscription.updated',
		description: 'The subscription changed (status, trial start or end, cancel at period end ...).',
		objectType: 'subscription',
	},
	{
		// One older revision of UseePay's docs calls this event invoice.open.
		event: 'invoice.sent',
		description: 'The invoice was issued and can be paid.',
		objectType: 'invoice',
	},
	{
		// Seen in one revision of UseePay's docs only; whether UseePay still sends it is not known.
		event: 'invoice.open',
		description: 'The invoice was issued and can be paid (an older name of Invoice Sent).',
		objectType: 'invoice',
	},
	{
		event: 'invoice.paid',
		description: 'The invoice was paid.',
		objectType: 'invoice',
	},
	{
		// Older docs: to be treated as bad debt.
		event: 'invoice.payment_failed',
		description: "The invoice's payment failed.",
		objectType: 'invoice',
	},
	{
		event: 'invoice.cancelled',
		description: 'The invoice was cancelled.',
		objectType: 'invoice',
	},
	{
		event: 'checkout_session.completed',
		description: 'The checkout session completed.',
		objectType: 'checkout_session',
	},
	{
		event: 'checkout_session.expired',
		description: 'The checkout session expired before it was completed.',
		objectType: 'checkout_session',
	},
	{
		// Only for transactions made through OpenAPI; data.id is the dispute's id.
		event: 'dispute.created',
		description:
			'A dispute (a retrieval request or a chargeback) was opened on a payment made through the API. The event carries the dispute; one order can have several.',
		objectType: 'dispute',
	},
	{
		event: 'dispute.closed',
		description:
			'A stage of a dispute ended (won, reversed or lost). More disputes on the same order are still possible.',
		objectType: 'dispute',
	},
	{
		// Listed only in the older of UseePay's two event lists.
		event: 'payment_method.created',
		description: 'A payment method was created.',
		objectType: 'payment_method',
	},
	{
		// Listed only in the older of UseePay's two event lists.
		event: 'payment_method.updated',
		description: 'A payment method was updated.',
		objectType: 'payment_method',
	},
];

/** Every event type as an option, labelled by `label`, in label order, after the "every event" option. */
export function webhookEventOptions(
	everyEvent: INodePropertyOptions,
	label: (event: string) => string,
): INodePropertyOptions[] {
	const options = WEBHOOK_EVENTS.map(({ event, description }) => ({ name: label(event), value: event, description }));
	return [everyEvent, ...options.sort((a, b) => a.name.localeCompare(b.name))];
}

/** The api_version values of webhook endpoints, oldest first (UseePay's webhook docs, "Event format"). */
export const WEBHOOK_API_VERSIONS = ['2024-10-10', '2024-11-21', '2024-12-21', '2025-11-06', '2026-04'];
/** The newest version, which UseePay recommends. */
export const DEFAULT_API_VERSION = '2026-04';
/** From this version on events are posted as JSON; older ones as a form field `data`. */
const FIRST_JSON_API_VERSION = '2025-11-06';

export type PayloadFormat = 'json' | 'form';

/** How deliveries of an api_version are encoded (versions compare as text: YYYY-MM-DD). */
export function payloadFormat(apiVersion: string): PayloadFormat {
	return apiVersion >= FIRST_JSON_API_VERSION ? 'json' : 'form';
}

/** The api_version options, each labelled by `label` from its format and whether it is the recommended one. */
export function apiVersionOptions(
	label: (version: string, format: PayloadFormat, recommended: boolean) => Omit<INodePropertyOptions, 'value'>,
): INodePropertyOptions[] {
	return WEBHOOK_API_VERSIONS.map((version) => ({
		...label(version, payloadFormat(version), version === DEFAULT_API_VERSION),
		value: version,
	}));
}
