'use strict';
/**
 * n8n's REST API as the instance owner: the owner is set up (first start) and logged in, and the
 * session reads executions (all of a workflow, their count, or once the expected number has
 * finished).
 */
const { jsonRequest } = require('./http');
const { waitFor } = require('./checks');
const { OWNER } = require('./fixtures');

/** Statuses of an execution that has not finished yet. */
const UNFINISHED = ['new', 'running'];

/**
 * @typedef {object} OwnerSession
 * @property {string} cookie n8n's auth cookie (`name=value`)
 * @property {(method: string, restPath: string, body?: unknown) => Promise<import('./http').JsonAnswer>} rest
 * @property {(workflowId: string) => Promise<any[]>} executions the workflow's executions, newest first
 * @property {(workflowId: string) => Promise<number>} executionCount how many executions n8n lists for it
 * @property {(workflowId: string, count: number) => Promise<any[]>} finishedExecutions
 *   once at least `count` are listed and none is still running
 */

/**
 * Creates the instance owner (first start only; later calls change nothing) and logs in.
 * @param {string} n8nUrl
 * @param {import('./fixtures').Owner} [owner]
 * @returns {Promise<OwnerSession>}
 */
async function ownerSession(n8nUrl, owner = OWNER) {
	// n8n answers /healthz/readiness once its database is ready, which can be seconds before its
	// REST routes are mounted (they 404 until then; a busy machine widens that gap). So the
	// setup is retried until n8n answers it: 200 (done now) or 400 (an owner already exists).
	/** @type {import('./http').JsonAnswer | undefined} */
	let setup;
	await waitFor(
		'n8n to answer the owner setup',
		async () => {
			setup = await jsonRequest(`${n8nUrl}/rest/owner/setup`, { method: 'POST', body: owner });
			return setup.status === 200 || setup.status === 400;
		},
		60000,
	).catch((error) => {
		throw new Error(`${error.message}; last answer HTTP ${setup?.status} ${JSON.stringify(setup?.json)}`);
	});
	const login = await jsonRequest(`${n8nUrl}/rest/login`, {
		method: 'POST',
		body: { emailOrLdapLoginId: owner.email, password: owner.password },
	});
	if (login.status !== 200)
		throw new Error(
			`n8n login failed: HTTP ${login.status} ${JSON.stringify(login.json)} ` +
				`(owner setup answered HTTP ${setup?.status} ${JSON.stringify(setup?.json)})`,
		);
	const cookie = (login.headers.get('set-cookie') || '').split(';')[0];
	/** @type {OwnerSession['rest']} */
	const rest = (method, restPath, body) => jsonRequest(`${n8nUrl}${restPath}`, { method, body, headers: { cookie } });
	/** @param {string} workflowId @param {string} [extra] more query parameters */
	const listExecutions = async (workflowId, extra = '') => {
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const response = await rest('GET', `/rest/executions?filter=${filter}${extra}`);
		if (response.status !== 200)
			throw new Error(`executions: HTTP ${response.status} ${JSON.stringify(response.json)}`);
		return response.json.data;
	};
	/** @type {OwnerSession['executions']} */
	const executions = async (workflowId) => (await listExecutions(workflowId)).results;
	return {
		cookie,
		rest,
		executions,
		executionCount: async (workflowId) => (await listExecutions(workflowId, '&limit=1')).count,
		// On a busy machine an execution is listed while it still runs: wait until it finished.
		finishedExecutions: (workflowId, count) =>
			waitFor(`${count} finished execution(s) of ${workflowId}`, async () => {
				const list = await executions(workflowId);
				return list.length >= count && list.every((e) => !UNFINISHED.includes(e.status)) ? list : null;
			}),
	};
}

module.exports = { ownerSession, UNFINISHED };
