import type { INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { apiVersionOptions, DEFAULT_API_VERSION, webhookEventOptions } from '../../../shared/webhookEvents';
import { labelOf } from '../../shared/checks';
import { descriptionField, extraFieldsField, metadataField, textField } from '../../shared/fields';

/** `*` (every event) first, then every event of shared/webhookEvents.ts by label. */
export const WEBHOOK_EVENT_OPTIONS: INodePropertyOptions[] = webhookEventOptions(
	{ name: 'All Events', value: '*', description: 'Every event, including event types UseePay adds later' },
	labelOf,
);

export const eventsField: INodeProperties = {
	displayName: 'Events',
	name: 'events',
	type: 'multiOptions',
	options: WEBHOOK_EVENT_OPTIONS,
	default: [],
	description: 'The events UseePay delivers to the URL',
};

export const urlField = textField('url', 'URL', {
	placeholder: 'e.g. https://n8n.example.com/webhook/useepay',
	description: 'The HTTPS endpoint that receives the event deliveries',
});

export const webhookStatusOptions: INodePropertyOptions[] = [
	{ name: 'Disabled', value: 'disabled' },
	{ name: 'Enabled', value: 'enabled' },
];

const apiVersionField: INodeProperties = {
	displayName: 'API Version',
	name: 'api_version',
	type: 'options',
	options: apiVersionOptions((version, format, recommended) => ({
		name: recommended ? `${version} (Recommended)` : version,
		description: `${format === 'json' ? 'Posted as JSON' : 'Older format, posted as form data'}${recommended ? '; the version UseePay recommends' : ''}`,
	})),
	default: DEFAULT_API_VERSION,
	description: 'The format of the event deliveries',
};

/** The optional webhook fields of Create (Additional Fields); Update adds Events and URL. */
export const webhookFields: INodeProperties[] = [
	apiVersionField,
	descriptionField,
	extraFieldsField,
	metadataField,
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: webhookStatusOptions,
		default: 'enabled',
		description: 'Whether UseePay delivers events to this endpoint',
	},
];
