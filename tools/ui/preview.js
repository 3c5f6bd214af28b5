'use strict';
/**
 * Customer → Create or Update with Preview Only, run from the editor (part of `npm run test:ui`,
 * after the examples ran twice, so the three CRM rows are in UseePay as the CRM has them): Grace's
 * city is changed in UseePay, then the "Preview the sync" node of the preview example is executed
 * from its panel and its output shown in n8n's table view. The table must show the plan per row
 * (unchanged, update, unchanged) with the city change, and the preview must have sent only GETs.
 * The panel's screenshot is the README's (docs/screenshots/crm-preview-table.png).
 */
const path = require('node:path');
const { EXAMPLE } = require('../lib/fixtures');
const { emulatorApi } = require('../lib/http');
const { listed } = require('../lib/emulator');

const PREVIEW_NODE = 'Preview the sync';
const CHANGED_ROW = 'CRM-1002';
const EXPECTED_ACTIONS = ['unchanged', 'update', 'unchanged'];

/**
 * The CRM row changed in UseePay since the last sync (as if edited in UseePay's dashboard).
 * @param {any} demo
 * @returns {Promise<string>} the city UseePay now has
 */
async function changeGracesCity(demo) {
	const api = emulatorApi(demo.emulatorUrl, demo.merchant);
	const found = await api('GET', `/api/v1/customers?merchant_customer_id=${CHANGED_ROW}`);
	const grace = (listed(found.json) ?? [])[0];
	if (!grace) throw new Error(`${CHANGED_ROW} not in UseePay: ${JSON.stringify(found.json).slice(0, 200)}`);
	const edited = await api('POST', `/api/v1/customers/${grace.id}`, { address: { city: 'Boston', country: 'US' } });
	if (edited.status !== 200) throw new Error(`editing ${CHANGED_ROW}: ${edited.status} ${JSON.stringify(edited.json)}`);
	return 'Boston';
}

/**
 * The output table: its column headers and, per row, the cell texts by header.
 * @param {import('playwright-core').Locator} table
 * @returns {Promise<{headers: string[], rows: Array<Record<string, string>>}>}
 */
const readTable = (table) =>
	table.evaluate((element) => {
		/** @param {any} cell an HTMLElement */
		const text = (cell) => String(cell.innerText || '').trim();
		const headers = Array.from(element.querySelectorAll('thead th'), (th) => text(th).split('\n')[0].trim());
		const rows = Array.from(element.querySelectorAll('tbody > tr'), (row) => {
			const cells = Array.from(row.querySelectorAll(':scope > td'), text);
			return Object.fromEntries(headers.map((header, i) => [header, cells[i] ?? '']));
		});
		return { headers, rows };
	});

/**
 * @param {{page: import('playwright-core').Page, demo: any, record: (name: string, ok: boolean, detail?: string) => void, out: string, shots: string[]}} session
 */
async function previewTableChecks({ page, demo, record, out, shots }) {
	const city = await changeGracesCity(demo);
	const editor = await page.context().newPage();
	editor.setDefaultTimeout(60000);
	// wide enough for the output panel (about a third of the panel) to show every column
	await editor.setViewportSize({ width: 2600, height: 900 });
	try {
		await editor.goto(`${demo.n8n.url}/workflow/${EXAMPLE.crmPreview}`);
		const node = editor.locator(`[data-test-id="canvas-node"][data-node-name="${PREVIEW_NODE}"]`);
		await node.waitFor({ state: 'visible' });
		await node.dblclick();
		const ndv = editor.getByTestId('ndv');
		await ndv.waitFor({ state: 'visible' });
		const before = demo.emulator.requests().length;
		await ndv.getByTestId('node-execute-button').first().click();
		const output = editor.getByTestId('output-panel');
		const modes = output.getByTestId('ndv-run-data-display-mode');
		await modes.waitFor({ state: 'visible' });
		await modes.getByTestId('radio-button-table').click();
		const table = output.getByTestId('ndv-data-container').locator('table').first();
		await table
			.locator('tbody > tr')
			.nth(EXPECTED_ACTIONS.length - 1)
			.waitFor({ state: 'visible' });
		const { headers, rows } = await readTable(table);
		const actions = rows.map((row) => row.action);
		record(
			`Preview Only run from the editor: the output's table view has an action column reading ${EXPECTED_ACTIONS.join(', ')}`,
			headers.includes('action') && JSON.stringify(actions) === JSON.stringify(EXPECTED_ACTIONS),
			`columns ${headers.join(', ')}; action ${actions.join(', ')}`,
		);
		const changed = rows.find((row) => row.merchant_customer_id === CHANGED_ROW);
		const changes = (changed?.changes ?? '').replace(/\s+/g, ' ');
		record(
			`the table's update row (${CHANGED_ROW}) shows the change address.city from ${city} to New York`,
			changed?.action === 'update' &&
				/address\.city/.test(changes) &&
				changes.includes(city) &&
				changes.includes('New York'),
			`${CHANGED_ROW}: ${changed?.action}, changes "${changes}"`,
		);
		const writes = demo.emulator
			.requests()
			.slice(before)
			.filter((/** @type {any} */ r) => r.path.startsWith('/api/v1/customers') && r.method !== 'GET')
			.map((/** @type {any} */ r) => `${r.method} ${r.path}`);
		record('the Preview run from the editor sent UseePay only GETs', writes.length === 0, writes.join(', ') || 'none');
		await editor.mouse.move(5, 5);
		// the README's picture: the output panel down to the table's last row
		const panel = await output.boundingBox();
		const tableBox = await table.boundingBox();
		if (!panel || !tableBox) throw new Error('the output panel or its table has no box');
		const height = Math.min(panel.height, tableBox.y + tableBox.height + 16 - panel.y);
		const file = path.join(out, '09-crm-preview-table.png');
		await editor.screenshot({ path: file, clip: { x: panel.x, y: panel.y, width: panel.width, height } });
		shots.push(file);
	} catch (error) {
		record(
			'Preview Only run from the editor shows its output in the table view',
			false,
			String(error instanceof Error ? error.message : error).split('\n')[0],
		);
		const file = path.join(out, '09-crm-preview-failure.png');
		await editor.screenshot({ path: file }).catch(() => {});
		shots.push(file);
	} finally {
		await editor.close().catch(() => {});
	}
}

module.exports = { previewTableChecks };
