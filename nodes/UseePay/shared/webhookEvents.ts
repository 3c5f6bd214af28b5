/**
 * UseePay's webhook event types: the single source for every node that lists events (the UseePay
 * node's Webhook resource, the trigger node). Copied from the API reference's webhook-events.json,
 * in its order; test/webhookEvents.test.ts fails if the two ever differ.
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
