import { describeRouting } from '../support/routingTable';

const id = (value: string, mode = 'id') => ({ __rl: true, mode, value });

describeRouting(
	'Payment link operations through n8n-core routing',
	'paymentLink',
	[
		{
			name: 'Create sends amount, currency and the additional fields of the reference example',
			parameters: {
				operation: 'create',
				amount: 25,
				currency: 'USD',
				additionalFields: {
					reusable: false,
					title: 'Invoice 1001',
					description: 'Consulting, May',
					reference: 'INV-1001',
					customer_id: 'cus_1KX0CUSTOMER0',
					supported_currencies: ['USD', 'EUR'],
					collectable_options: {
						details: {
							billing_address: true,
							message: false,
							phone_number: true,
							reference: false,
							shipping_address: false,
						},
					},
					metadata: { entries: [{ key: 'crm_id', value: '42' }] },
					extraFields: '{"expires_at":"2025-06-01T00:00:00Z"}',
				},
			},
			method: 'POST',
			path: '/api/v1/payment_links/create',
			body: {
				amount: 25,
				currency: 'USD',
				reusable: false,
				title: 'Invoice 1001',
				description: 'Consulting, May',
				reference: 'INV-1001',
				customer_id: 'cus_1KX0CUSTOMER0',
				supported_currencies: ['USD', 'EUR'],
				collectable_options: {
					billing_address: true,
					message: false,
					phone_number: true,
					reference: false,
					shipping_address: false,
				},
				metadata: { crm_id: '42' },
				expires_at: '2025-06-01T00:00:00Z',
			},
		},
		{
			name: 'Create sends an inline customer and an order with shipping',
			parameters: {
				operation: 'create',
				amount: 12.34,
				currency: 'EUR',
				additionalFields: {
					customer: {
						details: {
							email: 'ada@example.com',
							first_name: 'Ada',
							phone_number: '+44 20',
							address: { details: { country: 'GB', city: 'London' } },
						},
					},
					order: {
						details: {
							category: 'Services',
							shipping: {
								details: {
									first_name: 'Ada',
									phone_number: '+44 20',
									shipping_method: 'sameday',
									address: { details: { country_code: 'GB', line1: '1 Main St' } },
								},
							},
						},
					},
				},
			},
			method: 'POST',
			path: '/api/v1/payment_links/create',
			body: {
				amount: 12.34,
				currency: 'EUR',
				customer: {
					email: 'ada@example.com',
					first_name: 'Ada',
					phone_number: '+44 20',
					address: { country: 'GB', city: 'London' },
				},
				order: {
					category: 'Services',
					shipping: {
						first_name: 'Ada',
						phone_number: '+44 20',
						shipping_method: 'sameday',
						address: { country_code: 'GB', line1: '1 Main St' },
					},
				},
			},
		},
		{
			name: 'Create sends order products as a JSON array (the `items` group)',
			parameters: {
				operation: 'create',
				amount: 25,
				currency: 'USD',
				additionalFields: {
					order: {
						details: {
							category: 'Services',
							products: {
								items: [
									{
										name: 'Consulting hour',
										code: 'CH-1',
										quantity: 1,
										unit_price: 25,
										type: 'physical',
										sku: 'CH-1',
										seller: { details: { identifier: 's-1', name: 'Seller' } },
									},
								],
							},
						},
					},
				},
			},
			method: 'POST',
			path: '/api/v1/payment_links/create',
			body: {
				amount: 25,
				currency: 'USD',
				order: {
					category: 'Services',
					products: [
						{
							name: 'Consulting hour',
							code: 'CH-1',
							quantity: 1,
							unit_price: 25,
							type: 'physical',
							sku: 'CH-1',
							seller: { identifier: 's-1', name: 'Seller' },
						},
					],
				},
			},
		},
		{
			name: 'Get reads one payment link by ID',
			parameters: { operation: 'get', paymentLinkId: id('plk_A-b_9', 'list') },
			method: 'GET',
			path: '/api/v1/payment_links/plk_A-b_9',
		},
		{
			name: 'Update sends the reference example exactly',
			parameters: {
				operation: 'update',
				paymentLinkId: id('plk_1KX0LINK0000'),
				updateFields: { title: 'Invoice 1001 (revised)', metadata: { entries: [{ key: 'crm_id', value: '42' }] } },
			},
			method: 'POST',
			path: '/api/v1/payment_links/plk_1KX0LINK0000',
			body: { title: 'Invoice 1001 (revised)', metadata: { crm_id: '42' } },
		},
		{
			name: 'Update can change amount and currency',
			parameters: {
				operation: 'update',
				paymentLinkId: id('plk_1'),
				updateFields: { amount: 30.5, currency: 'GBP', reusable: true },
			},
			method: 'POST',
			path: '/api/v1/payment_links/plk_1',
			body: { amount: 30.5, currency: 'GBP', reusable: true },
		},
		{
			name: 'Get Many with a status filter',
			parameters: { operation: 'getAll', returnAll: false, limit: 20, filters: { status: 'active' } },
			method: 'GET',
			path: '/api/v1/payment_links',
			query: { status: 'active', page_num: '0', page_size: '20' },
		},
	],
	[
		{
			name: 'empty currency',
			parameters: { operation: 'create', amount: 1, currency: '={{ "" }}' },
			message: /^'Currency' is required \[item 0\]$/,
		},
		{
			name: 'malformed inline customer email',
			parameters: {
				operation: 'create',
				amount: 1,
				currency: 'USD',
				additionalFields: { customer: { details: { email: 'ada@' } } },
			},
			message: /^'Email' is not a valid email address \[item 0\]$/,
		},
		{
			name: 'extra fields not a JSON object',
			parameters: { operation: 'update', paymentLinkId: id('plk_1'), updateFields: { extraFields: '[1]' } },
			message: /^'Extra Fields \(JSON\)' must be a JSON object \[item 0\]$/,
		},
	],
	{
		parameters: { filters: { status: 'active', to_created_at: '2025-01-01T00:00:00.000Z' } },
		path: '/api/v1/payment_links',
		query: { status: 'active', to_created_at: '2025-01-01T00:00:00.000Z' },
	},
);
