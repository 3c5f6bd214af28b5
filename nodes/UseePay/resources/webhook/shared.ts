import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { labelOf } from '../../shared/body';
import { descriptionField, extraFieldsField, metadataField } from '../../shared/fields';
import { resourceLocator } from '../../shared/locators';
import { WEBHOOK_EVENTS } from '../../shared/webhookEvents';

/** The webhook endpoint picked by Get and Update. */
export const webhookLocator = resourceLocator({
	name: 'webhookId',
	displayName: 'Webhook',
	searchListMethod: 'searchWebhooks',
	placeholder: 'e.g. wek_1KX0HOOK0000',
});

/** `*` (every event) first, then every event of shared/webhookEvents.ts by label. */
export const WEBHOOK_EVENT_OPTIONS: INodePropertyOptions[] = [
	{ name: 'All Events', value: '*', description: 'Every event, including event types UseePay adds later' },
	...WEBHOOK_EVENTS.map(({ event, description }) => ({ name: labelOf(event), value: event, description })).sort(
		(a, b) => a.name.localeCompare(b.name),
	),
];

export const eventsField: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	options: WEBHOOK_EVENT_OPTIONS,
	default: [],
	description: 'The events UseePay delivers to the URL',
};

export const urlField: INodeProperties = {
	displayName: 'URL',
	name: 'url',
	type: 'string',
	default: '',
	placeholder: 'e.g. https://n8n.example.com/webhook/useepay',
	description: 'The HTTPS endpoint that receives the event deliveries',
};

export const webhookStatusOptions: INodePropertyOptions[] = [
	{ name: 'Disabled', value: 'disabled' },
	{ name: 'Enabled', value: 'enabled' },
];

const apiVersionField: INodeProperties = {
	displayName: 'API Version',
	name: 'api_version',
	type: 'options',
	options: [
		{ name: '2024-10-10', value: '2024-10-10', description: 'Older format, posted as form data' },
		{ name: '2024-11-21', value: '2024-11-21' },
		{ name: '2024-12-21', value: '2024-12-21' },
		{ name: '2025-11-06', value: '2025-11-06', description: 'Posted as JSON' },
		{ name: '2026-04 (Recommended)', value: '2026-04', description: 'Posted as JSON; the version UseePay recommends' },
	],
	default: '2026-04',
	description: 'The format of the event deliveries',
};

const statusField: INodeProperties = {
	displayName: 'Status',
	name: 'status',
	type: 'options',
	options: webhookStatusOptions,
	default: 'enabled',
	description: 'Whether UseePay delivers events to this endpoint',
};

/** The optional webhook fields of Create (Additional Fields); Update adds Events and URL. */
export const webhookFields: INodeProperties[] = [
	apiVersionField,
	descriptionField,
	extraFieldsField,
	metadataField,
	statusField,
];
