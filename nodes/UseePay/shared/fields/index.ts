/**
 * The field-shape kit: every shape a resource's fields are built from, defined once. Parameter
 * names are UseePay's wire names, so body.ts sends each value under its own name.
 * - kit.ts: objectField / listField / textField, the Additional Fields and Update Fields
 *   collections, and forOperation (displayOptions for one operation);
 * - common.ts: description, metadata, Extra Fields (JSON), Customer ID, payment method IDs and types;
 * - contact.ts: one builder for addresses, customers given inline, billing and shipping contacts;
 * - payment.ts: orders, cards, payment method data and options, device data, mandates;
 * - recurring.ts: billing periods, recurring prices, collection method.
 */
export * from './common';
export * from './contact';
export * from './kit';
export * from './payment';
export * from './recurring';
