import type { INode } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

import { UseePay } from '../../nodes/UseePay/UseePay.node';

/**
 * What an AI agent reads about a money-moving tool: with Tool Description "Set Automatically",
 * n8n (getToolDescriptionForNode → makeDescription) gives "<the operation's action> in UseePay".
 */
const toolDescription = (resource: string, operation: string) => {
	const node = { parameters: { resource, operation, descriptionType: 'auto' } } as unknown as INode;
	return NodeHelpers.getToolDescriptionForNode(node, new UseePay());
};

describe('money-moving operations tell an AI agent that they move money and whether a repeat is safe', () => {
	it.each([
		['refund', 'create', 'Create a refund (moves money: repeat only with Idempotency Key) in UseePay'],
		['paymentIntent', 'capture', 'Capture a payment intent (moves money; safe to repeat) in UseePay'],
		['paymentIntent', 'confirm', 'Confirm a payment intent (charges it; safe to repeat) in UseePay'],
		['invoice', 'pay', 'Pay an invoice (charges it; safe to repeat) in UseePay'],
	])('%s %s', (resource, operation, expected) => {
		expect(toolDescription(resource, operation)).toBe(expected);
		// n8n names a new tool node after the action, and the tool after the node: 64 characters at most.
		expect(expected.replace(/ in UseePay$/, '').length).toBeLessThanOrEqual(64);
	});

	it('the other operations do not say so', () => {
		expect(toolDescription('refund', 'get')).toBe('Get a refund in UseePay');
		expect(toolDescription('paymentIntent', 'cancel')).toBe('Cancel a payment intent in UseePay');
	});
});
