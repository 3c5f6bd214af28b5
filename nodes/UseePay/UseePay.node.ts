import type { INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { USEEPAY_BASE_URL_EXPRESSION } from '../../credentials/UseePayApi.credentials';
import { checkoutSessionDescription } from './resources/checkoutSession';
import { customerDescription } from './resources/customer';
import { customerCreate, customerCreateOrUpdate, customerUpdate } from './resources/customer/bulk';
import { invoiceDescription } from './resources/invoice';
import { mandateDescription } from './resources/mandate';
import { paymentIntentDescription } from './resources/paymentIntent';
import { paymentLinkDescription } from './resources/paymentLink';
import { paymentMethodDescription } from './resources/paymentMethod';
import { refundDescription } from './resources/refund';
import { subscriptionDescription } from './resources/subscription';
import { webhookDescription } from './resources/webhook';
import { searchList } from './shared/locators';

/**
 * The UseePay node: a declarative node. This file is the table of contents; each resource lives
 * in resources/<resource>/ (index.ts lists its operations, one file per operation's fields),
 * and what all operations share (body building, errors, paging, locators) lives in shared/.
 *
 * A hybrid: the customer writes a CRM sync sends by the thousand (Create, Update, Create or
 * Update) are `customOperations`, code that n8n runs instead of routing for that resource and
 * operation, with a request scheduler and retry policy (shared/bulk/). Everything else is routed.
 */
export class UseePay implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'UseePay',
		name: 'useePay',
		icon: { light: 'file:../../icons/useepay.svg', dark: 'file:../../icons/useepay.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Create and manage customers, payments, subscriptions and more in UseePay',
		defaults: { name: 'UseePay' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'useePayApi', required: true }],
		requestDefaults: {
			baseURL: USEEPAY_BASE_URL_EXPRESSION,
			headers: { Accept: 'application/json', 'Content-Type': 'application/json' },
			json: true,
			// UseePay's error body {code, source, message} is read by throwOnUseePayError.
			ignoreHttpStatusErrors: true,
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Checkout Session', value: 'checkoutSession' },
					{ name: 'Customer', value: 'customer' },
					{ name: 'Invoice', value: 'invoice' },
					{ name: 'Mandate', value: 'mandate' },
					{ name: 'Payment Intent', value: 'paymentIntent' },
					{ name: 'Payment Link', value: 'paymentLink' },
					{ name: 'Payment Method', value: 'paymentMethod' },
					{ name: 'Refund', value: 'refund' },
					{ name: 'Subscription', value: 'subscription' },
					{ name: 'Webhook', value: 'webhook' },
				],
				default: 'customer',
			},
			...checkoutSessionDescription,
			...customerDescription,
			...invoiceDescription,
			...mandateDescription,
			...paymentIntentDescription,
			...paymentLinkDescription,
			...paymentMethodDescription,
			...refundDescription,
			...subscriptionDescription,
			...webhookDescription,
		],
	};

	customOperations = {
		customer: {
			create: customerCreate,
			createOrUpdate: customerCreateOrUpdate,
			update: customerUpdate,
		},
	};

	methods = {
		// "From List" of every resource locator: a page of the resource's list, filtered here.
		listSearch: {
			searchCheckoutSessions: searchList(
				'/api/v1/checkout_sessions',
				(s) => `${s.status ?? 'session'} ${s.amount ?? ''} ${s.currency ?? ''}`,
			),
			searchCustomers: searchList('/api/v1/customers', (c) =>
				String(c.name || c.email || c.merchant_customer_id || 'Customer'),
			),
			searchInvoices: searchList(
				'/api/v1/invoices',
				(i) => `${i.number ?? 'Invoice'} · ${i.total_amount ?? ''} ${i.currency ?? ''} · ${i.status ?? ''}`,
			),
			searchMandates: searchList('/api/v1/mandates', (m) => `Mandate ${m.customer_id ?? ''} · ${m.status ?? ''}`),
			searchPaymentIntents: searchList(
				'/api/v1/payment_intents',
				(p) => `${p.merchant_order_id ?? 'Payment'} · ${p.amount ?? ''} ${p.currency ?? ''} · ${p.status ?? ''}`,
			),
			searchPaymentLinks: searchList('/api/v1/payment_links', (l) => String(l.name || l.url || 'Payment link')),
			searchPaymentMethods: searchList(
				'/api/v1/payment_methods',
				(m) => `${m.type ?? 'method'} ${((m.card as { last4?: string }) ?? {}).last4 ?? ''}`,
			),
			searchRefunds: searchList('/api/v1/refunds', (r) => `${r.amount ?? ''} ${r.currency ?? ''} · ${r.status ?? ''}`),
			searchSubscriptions: searchList(
				'/api/v1/subscriptions',
				(s) => `${s.customer_id ?? 'Subscription'} · ${s.status ?? ''}`,
			),
			searchWebhooks: searchList('/api/v1/webhooks', (w) => String(w.url || 'Webhook')),
		},
	};
}
