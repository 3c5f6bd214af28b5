'use strict';
/**
 * An AI agent calls the UseePay tools in real n8n: the example workflow
 * examples/ai-agent-useepay-tools.workflow.json (AI Agent + OpenAI Chat Model + two UseePay tools
 * whose fields come from `$fromAI`) runs against a scripted OpenAI-compatible server on
 * 127.0.0.1. The "model" answers the first request with a call to the Create or Update tool and
 * the second, which carries the tool's result, with text. Checked: what the model was offered
 * (tool names, descriptions, argument schemas), what the emulator received, what went back to
 * the model and what the agent answered.
 */
const assert = require('node:assert/strict');

const { startRecorder } = require('../lib/recorder');
const { readExample } = require('../lib/fixtures');
const { emulatorApi } = require('../lib/http');

const WORKFLOW = readExample('ai-agent-useepay-tools.workflow.json');
const CRM_CUSTOMER = { merchant_customer_id: 'CRM-2001', name: 'Ada Lovelace', email: 'ada@example.com' };
const OPENAI_CREDENTIAL_ID = WORKFLOW.nodes.find((/** @type {any} */ n) => n.credentials?.openAiApi).credentials
	.openAiApi.id;

/**
 * A chat completion request as OpenAI's API takes it (the fields the scripted model reads).
 * @typedef {{model: string, stream?: boolean, messages: Array<{role: string, content: unknown, tool_call_id?: string}>, tools?: Array<{function: {name: string}}>}} ChatRequest
 */

/**
 * One answer of the scripted model, as a JSON completion or as a stream (what LangChain asked for).
 * @param {import('../lib/recorder').RecordedRequest} request
 * @param {{content?: string, tool_calls?: object[]}} message
 * @returns {import('../lib/recorder').ScriptedAnswer}
 */
function completion(request, message) {
	const body = /** @type {ChatRequest} */ (request.body);
	const base = { id: `chatcmpl-${Date.now()}`, created: Math.floor(Date.now() / 1000), model: body.model };
	const finish = message.tool_calls ? 'tool_calls' : 'stop';
	if (!body.stream) {
		return {
			body: {
				...base,
				object: 'chat.completion',
				choices: [{ index: 0, message: { role: 'assistant', content: null, ...message }, finish_reason: finish }],
				usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
			},
		};
	}
	const delta = message.tool_calls
		? { role: 'assistant', tool_calls: message.tool_calls.map((call, index) => ({ index, ...call })) }
		: { role: 'assistant', content: message.content };
	const chunks = [
		{ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: null }] },
		{ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: finish }] },
	];
	return {
		headers: { 'content-type': 'text/event-stream' },
		body: `${chunks.map((c) => `data: ${JSON.stringify(c)}\n\n`).join('')}data: [DONE]\n\n`,
	};
}

/**
 * The scripted model: a tool call first, text once a tool result is in the conversation.
 * @type {import('../lib/recorder').Responder}
 */
function scriptedModel(request) {
	if (request.method !== 'POST' || !request.path.endsWith('/chat/completions')) return { status: 404, body: {} };
	const body = /** @type {ChatRequest} */ (request.body);
	const toolResult = body.messages.find((m) => m.role === 'tool');
	if (!toolResult) {
		const tool = body.tools?.find((t) => /create_or_update/i.test(t.function.name));
		if (!tool) return completion(request, { content: 'I have no tool to create a customer.' });
		return completion(request, {
			tool_calls: [
				{
					id: 'call_upsert_1',
					type: 'function',
					function: { name: tool.function.name, arguments: JSON.stringify(CRM_CUSTOMER) },
				},
			],
		});
	}
	const id = String(toolResult.content).match(/cus_[A-Za-z0-9]+/)?.[0] ?? 'unknown';
	return completion(request, { content: `Ada Lovelace is in UseePay as ${id}.` });
}

/**
 * What the model was offered: both tools, named and described by their action, with the
 * arguments their `$fromAI` fields ask for.
 * @param {import('../lib/recorder').RecordedRequest} firstCall
 */
function assertOfferedTools(firstCall) {
	const body = /** @type {any} */ (firstCall.body);
	const offered = Object.fromEntries(body.tools.map((/** @type {any} */ t) => [t.function.name, t.function]));
	assert.deepEqual(Object.keys(offered).sort(), [
		'Create_or_update_a_customer_in_UseePay',
		'Get_a_customer_in_UseePay',
	]);
	assert.equal(offered.Create_or_update_a_customer_in_UseePay.description, 'Create or update a customer in UseePay');
	assert.equal(offered.Get_a_customer_in_UseePay.description, 'Get a customer in UseePay');
	const upsertArgs = offered.Create_or_update_a_customer_in_UseePay.parameters;
	assert.deepEqual(Object.keys(upsertArgs.properties).sort(), ['email', 'merchant_customer_id', 'name']);
	assert.deepEqual([...upsertArgs.required].sort(), ['email', 'merchant_customer_id', 'name']);
	assert.equal(upsertArgs.properties.merchant_customer_id.description, 'The customer ID in our CRM, e.g. CRM-2001');
	assert.deepEqual(Object.keys(offered.Get_a_customer_in_UseePay.parameters.properties), ['customer_id']);
}

/**
 * The tool's result went back to the model (the customer created, its id) and that customer is
 * in UseePay; returns its id.
 * @param {import('../lib/recorder').RecordedRequest} secondCall
 * @param {any} demo
 */
async function assertToolResult(secondCall, demo) {
	const toolMessage = /** @type {any} */ (secondCall.body).messages.find((/** @type {any} */ m) => m.role === 'tool');
	assert.equal(toolMessage.tool_call_id, 'call_upsert_1');
	const customerId = String(toolMessage.content).match(/cus_[A-Za-z0-9]+/)?.[0];
	assert.ok(customerId, `no customer ID in the tool result: ${toolMessage.content}`);
	assert.match(String(toolMessage.content), /"action":\s*"created"/);
	const stored = await emulatorApi(demo.emulatorUrl, demo.merchant)('GET', `/api/v1/customers/${customerId}`);
	assert.equal(stored.json.merchant_customer_id, CRM_CUSTOMER.merchant_customer_id, JSON.stringify(stored.json));
	return customerId;
}

/**
 * @param {{check: (name: string, fn: () => Promise<void>) => Promise<boolean>, demo: any}} context
 *   the suite's `check` and a running demo (tools/demo/demo.js)
 */
async function agentSuite({ check, demo }) {
	const model = await startRecorder(scriptedModel);
	try {
		await check('an AI Agent calls the UseePay Create or Update tool (scripted model on 127.0.0.1)', async () => {
			await demo.n8n.importCredentials([
				{
					id: OPENAI_CREDENTIAL_ID,
					name: 'OpenAI',
					type: 'openAiApi',
					data: { apiKey: 'sk-test-only', url: `${model.url}/v1` },
				},
			]);
			const before = demo.emulator.requests().length;
			const run = await demo.n8n.execute(WORKFLOW.id);
			assert.equal(run.status, 'success', `${run.stdout.slice(-3000)}\n${run.stderr.slice(-2000)}`);
			const calls = model.requests.filter((r) => r.path.endsWith('/chat/completions'));
			assert.equal(calls.length, 2, `${calls.length} model requests`);
			assertOfferedTools(calls[0]);

			// what UseePay received: the lookup by the CRM ID, then the create with the model's arguments
			const useepay = demo.emulator
				.requests()
				.slice(before)
				.filter((/** @type {any} */ r) => r.path.startsWith('/api/v1/'));
			assert.deepEqual(
				useepay.map((/** @type {any} */ r) => `${r.method} ${r.path}`),
				['GET /api/v1/customers', 'POST /api/v1/customers/create'],
			);
			assert.equal(useepay[0].query.merchant_customer_id, CRM_CUSTOMER.merchant_customer_id);
			assert.deepEqual(useepay[1].body, CRM_CUSTOMER);

			// the agent answered with the model's text, which names the customer the tool created
			const customerId = await assertToolResult(calls[1], demo);
			const answer = run.output.data.resultData.runData['AI Agent'][0].data.main[0][0].json.output;
			assert.equal(answer, `Ada Lovelace is in UseePay as ${customerId}.`);
		});
	} finally {
		await model.close();
	}
}

module.exports = { agentSuite };
