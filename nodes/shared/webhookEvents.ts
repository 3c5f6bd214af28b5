import type { INodePropertyOptions } from 'n8n-workflow';

/**
 * UseePay's webhooks as both nodes offer them (the UseePay node's Webhook resource, the trigger):
 * the event types and the api_version values. The event types are copied from the API
 * reference's webhook-events.json, in its order; test/shared/webhookEvents.test.ts fails if the
 * two ever differ.
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
		description: 'A PaymentIntent was created.',
		objectType: 'payment_intent',
	},
	{
		event: 'payment_intent.requires_payment_method',
		description: 'The PaymentIntent is waiting for a payment method.',
		objectType: 'payment_intent',
	},
	{
		event: 'payment_intent.requires_customer_action',
		description: 'The customer must act (e.g. 3DS challenge, redirect) before the payment can continue.',
		objectType: 'payment_intent',
	},
	{
		event: 'payment_intent.requires_capture',
		description: 'Authorised; the merchant must capture to collect funds.',
		objectType: 'payment_intent',
	},
	{
		event: 'payment_intent.pending',
		description: 'Accepted by UseePay; final outcome not known yet.',
		objectType: 'payment_intent',
	},
	{
		event: 'payment_intent.succeeded',
		description: 'Payment completed. Treat as terminal: do not let later events downgrade it.',
		objectType: 'payment_intent',
	},
	{
		event: 'payment_intent.cancelled',
		description:
			"PaymentIntent cancelled. The event name uses 'cancelled', but some API responses spell the status 'canceled'; accept both.",
		objectType: 'payment_intent',
	},
	{
		event: 'payment_intent.failed',
		description: 'Payment failed.',
		objectType: 'payment_intent',
	},
	{
		event: 'refund.received',
		description: 'Refund request received and queued.',
		objectType: 'refund',
	},
	{
		event: 'refund.accepted',
		description: 'Refund accepted and in progress; settlement time depends on issuer/method.',
		objectType: 'refund',
	},
	{
		event: 'refund.succeeded',
		description: 'Refund completed.',
		objectType: 'refund',
	},
	{
		event: 'refund.failed',
		description: 'Refund failed.',
		objectType: 'refund',
	},
	{
		event: 'subscription.created',
		description: 'Subscription created.',
		objectType: 'subscription',
	},
	{
		event: 'subscription.active',
		description: 'Subscription became active.',
		objectType: 'subscription',
	},
	{
		event: 'subscription.paused',
		description: 'Subscription paused.',
		objectType: 'subscription',
	},
	{
		event: 'subscription.unpaid',
		description: 'Subscription unpaid (outstanding invoice).',
		objectType: 'subscription',
	},
	{
		event: 'subscription.cancelled',
		description: 'Subscription cancelled.',
		objectType: 'subscription',
	},
	{
		event: 'subscription.expired',
		description: 'Subscription expired.',
		objectType: 'subscription',
	},
	{
		event: 'subscription.updated',
		description:
			'Subscription changed (status, trial start/end, cancel-at-period-end...). Listed only in the older event list.',
		objectType: 'subscription',
	},
	{
		event: 'invoice.sent',
		description: 'Invoice issued and payable. (One older page version calls this invoice.open.)',
		objectType: 'invoice',
	},
	{
		event: 'invoice.open',
		description: 'Older/alternate name for invoice.sent seen in one page revision. UNCERTAIN whether still emitted.',
		objectType: 'invoice',
	},
	{
		event: 'invoice.paid',
		description: 'Invoice paid.',
		objectType: 'invoice',
	},
	{
		event: 'invoice.payment_failed',
		description: 'Invoice payment failed (to be treated as bad debt per older docs).',
		objectType: 'invoice',
	},
	{
		event: 'invoice.cancelled',
		description: 'Invoice cancelled.',
		objectType: 'invoice',
	},
	{
		event: 'checkout_session.completed',
		description: 'Checkout session completed.',
		objectType: 'checkout_session',
	},
	{
		event: 'checkout_session.expired',
		description: 'Checkout session expired before completion.',
		objectType: 'checkout_session',
	},
	{
		event: 'dispute.created',
		description:
			'A dispute (retrieval/chargeback) was opened. Only for transactions made through OpenAPI. data.id is the dispute id; one order can have several disputes.',
		objectType: 'dispute',
	},
	{
		event: 'dispute.closed',
		description: 'A dispute stage finished (won/reversed or lost). Does not mean no further disputes for the order.',
		objectType: 'dispute',
	},
	{
		event: 'payment_method.created',
		description: 'Payment method created. Listed only in the older event list.',
		objectType: 'payment_method',
	},
	{
		event: 'payment_method.updated',
		description: 'Payment method updated. Listed only in the older event list.',
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
