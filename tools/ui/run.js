'use strict';
/**
 * Editor test in a real browser (`npm run test:ui`): the demo (emulator + real n8n with our
 * packed package, see tools/demo/demo.js) driven through the n8n editor with Debian's Chromium
 * and playwright-core, the way a user clicks through it:
 *   sign-in → nodes panel search (trigger and node, with icons) → UseePay Trigger's panel, its
 *   event list and its setup notice → nodes panel after the trigger: the UseePay entry where
 *   actions are added, its actions listed first → UseePay node's panel: Customer → Update with an
 *   Address added under Update Fields (opened at once) kept after Email gets an expression, also
 *   once the node is re-opened; for a sample of
 *   operations of every resource, the fields that must show (from the built node description)
 *   and none of the other operations' fields
 *   → credential modal: the Test (Retry) button against the emulator, and a wrong key failing
 *   → canvas: icons and the node's subtitle in words → the emulator's dashboard (dashboard.js):
 *   a payment confirmed and refunded there runs the published events workflow once per event
 *   → the examples run twice, leaving no webhook endpoint with failing deliveries (examples.js)
 *   → the CRM preview example's Preview node executed in the editor, its output in the table view
 *   (one action per CRM row, preview.js).
 * Nothing may leave 127.0.0.1: the page's other requests are aborted and recorded, Chromium
 * itself resolves only loopback, and n8n runs with a preload that refuses and records any
 * non-loopback connection (net-guard.cjs).
 * Screenshots go to artifacts/ui/. Prints `ok - …` / `not ok - …`, then `ui: N passed, M failed`;
 * exits non-zero on a failure.
 *
 * env: UI_OPS="customer:update,invoice:pay,…" (default: the sample below; "all" = every operation),
 *      UI_KEEP=1 keeps the temp dir, CHROMIUM=<path> another Chromium binary.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { REPO_ROOT, ensureRuntime } = require('../lib/n8n');
const { port, assertPortsFree } = require('../lib/ports');
const { aptInstall } = require('../lib/system');
const { createChecks, sleep } = require('../lib/checks');
const { dashboardChecks } = require('./dashboard');
const { examplesTwice } = require('./examples');
const { previewTableChecks } = require('./preview');

const STARTED = Date.now();
const OUT = path.join(REPO_ROOT, 'artifacts', 'ui');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const PACKAGE = 'n8n-nodes-useepay';
const N8N_PORT = port(5900);
const BROKER_PORT = port(5901);

/**
 * Resource/operation pairs opened in the node's panel by default, from the built description: one
 * per resource (a new resource is sampled without editing this file), spread over the kinds of
 * operation: the kind sampled least so far, on a tie the one with the most parameters of its own.
 * @param {{properties: Property[]}} node
 * @returns {string[][]}
 */
function defaultSample(node) {
	/** @type {Map<string, number>} */
	const sampled = new Map();
	return resourceOptions(node).map((resource) => {
		/** @param {{value: string}} op */
		const own = (op) =>
			node.properties.filter(
				(p) =>
					p.displayOptions?.show?.resource?.includes(resource.value) &&
					p.displayOptions?.show?.operation?.includes(op.value),
			).length;
		/** @param {{value: string}} op */
		const rank = (op) => (sampled.get(op.value) ?? 0) * 1000 - own(op);
		const [pick] = [...operationsOf(node.properties, resource.value)].sort((a, b) => rank(a) - rank(b));
		sampled.set(pick.value, (sampled.get(pick.value) ?? 0) + 1);
		return [resource.value, pick.value];
	});
}

/**
 * Requests the n8n editor page makes to the internet by design and that cannot be turned off: the community "Node details" panel (opened by clicking the package in the
 * nodes panel) looks the package up on npm for its author and download count. They are aborted
 * like every other non-loopback request and reported, but do not fail the test.
 */
const KNOWN_UNAVOIDABLE = [
	new RegExp(`^https://registry\\.npmjs\\.org/${PACKAGE}$`),
	new RegExp(`^https://api\\.npmjs\\.org/downloads/[^?]*${PACKAGE}`),
];

// ---------------------------------------------------------------------------------------------
// results

const checks = createChecks();
const { record } = checks;
/** @param {string} line */
const log = (line) => process.stdout.write(`# ${line}\n`);
let currentStage = 'start';
/** @param {string} name the step of the walk-through running now (named when it fails) */
const stage = (name) => (currentStage = name);
/** @param {number} ms */
const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------
// Chromium from Debian, nothing else

function ensureChromium() {
	if (fs.existsSync(CHROMIUM)) return;
	if (process.env.CHROMIUM) throw new Error(`CHROMIUM=${CHROMIUM} does not exist`);
	aptInstall(['chromium'], log);
	if (!fs.existsSync(CHROMIUM)) throw new Error(`apt-get install chromium did not provide ${CHROMIUM}`);
}

/** Loopback (and the page's own data:/blob: URLs) only. @param {string} url */
function isLocal(url) {
	try {
		const { protocol, hostname } = new URL(url);
		if (['data:', 'blob:', 'about:', 'chrome-error:'].includes(protocol)) return true;
		return ['127.0.0.1', 'localhost', '[::1]'].includes(hostname);
	} catch {
		return false;
	}
}

/** @param {string} profile the Chromium profile folder */
async function launchBrowser(profile) {
	const { chromium } = require('playwright-core');
	// A quiet profile: no autofill lookups, password manager/leak check or Google sign-in.
	fs.mkdirSync(path.join(profile, 'Default'), { recursive: true });
	fs.writeFileSync(
		path.join(profile, 'Default', 'Preferences'),
		JSON.stringify({
			autofill: { enabled: false, profile_enabled: false, credit_card_enabled: false },
			credentials_enable_service: false,
			profile: { password_manager_enabled: false, password_manager_leak_detection: false },
			signin: { allowed: false },
			safebrowsing: { enabled: false },
		}),
	);
	return chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		viewport: { width: 1440, height: 900 },
		args: [
			'--headless',
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
			'--disable-default-apps',
			'--disable-domain-reliability',
			'--no-pings',
			// the browser process itself can resolve and reach nothing but loopback
			'--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost , EXCLUDE 127.0.0.1',
			'--proxy-server=http://127.0.0.1:9',
			'--gaia-url=http://127.0.0.1:9',
			'--google-apis-url=http://127.0.0.1:9',
			'--component-updater=url-source=http://127.0.0.1:9/',
		],
	});
}

// ---------------------------------------------------------------------------------------------
// what the panel must show, from the built node description

/** @returns {Descriptions} */
function loadDescriptions() {
	const { UseePay } = require(path.join(REPO_ROOT, 'dist', 'nodes', 'UseePay', 'UseePay.node.js'));
	const { UseePayTrigger } = require(path.join(REPO_ROOT, 'dist', 'nodes', 'UseePayTrigger', 'UseePayTrigger.node.js'));
	return { node: new UseePay().description, trigger: new UseePayTrigger().description };
}

/**
 * A node parameter as the built description has it (the fields these checks read).
 * @typedef {{name: string, displayName: string, type: string, default?: unknown, options?: any[], displayOptions?: {show?: Record<string, unknown[]>, hide?: Record<string, unknown[]>}}} Property
 */

/**
 * Top-level parameters n8n shows for resource/operation, other conditions read at their defaults.
 * @param {Property[]} properties
 * @param {string} resource
 * @param {string} operation
 */
function visibleParameters(properties, resource, operation) {
	const defaults = Object.fromEntries(
		properties.filter((p) => !['resource', 'operation'].includes(p.name)).map((p) => [p.name, p.default]),
	);
	/** @param {string} key */
	const value = (key) =>
		key === 'resource' ? resource : key === 'operation' ? operation : key === '@version' ? 1 : defaults[key];
	/** @param {Record<string, unknown[]>|undefined} conditions @param {boolean} all */
	const matches = (conditions, all) => {
		const tests = Object.entries(conditions || {}).map(([key, allowed]) => allowed.includes(value(key)));
		return all ? tests.every(Boolean) : tests.some(Boolean);
	};
	return properties.filter(
		(p) =>
			p.type !== 'hidden' &&
			p.type !== 'notice' &&
			matches(p.displayOptions?.show, true) &&
			!(p.displayOptions?.hide && matches(p.displayOptions.hide, false)),
	);
}

/**
 * The operations of a resource: `{name, value, action}` options.
 * @param {Property[]} properties
 * @param {string} resource
 * @returns {any[]}
 */
function operationsOf(properties, resource) {
	const op = properties.find((p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(resource));
	return op?.options ?? [];
}

/**
 * The node's resources: `{name, value}` options.
 * @param {{properties: Property[]}} node
 * @returns {any[]}
 */
const resourceOptions = (node) => node.properties.find((p) => p.name === 'resource')?.options ?? [];

// ---------------------------------------------------------------------------------------------
// the browser session

/**
 * Waits until an <img> has loaded (or failed) and reports its natural width.
 * @param {import('playwright-core').Locator} locator
 * @returns {Promise<{src: string|null, width: number}>}
 */
async function imageLoaded(locator) {
	await locator.waitFor({ state: 'attached' });
	return locator.evaluate(
		(img) =>
			new Promise((resolve) => {
				const image = /** @type {HTMLImageElement} */ (img);
				const done = () => resolve({ src: image.getAttribute('src'), width: image.naturalWidth });
				if (image.complete) done();
				else {
					image.addEventListener('load', done, { once: true });
					image.addEventListener('error', done, { once: true });
				}
			}),
	);
}

/**
 * The nodes panel slides in: waits until it stops moving before a screenshot.
 * @param {import('playwright-core').Locator} locator
 */
async function settle(locator) {
	let previous = '';
	for (let i = 0; i < 30; i++) {
		const box = JSON.stringify(await locator.boundingBox());
		if (box === previous) return;
		previous = box;
		await sleep(100);
	}
}

/**
 * The page and what every step of the walk-through uses: screenshots, the nodes panel, the
 * node's panel (NDV) and its parameters, the nodes panel's search, selects and shown parameters.
 * @param {import('playwright-core').Page} page
 * @param {string[]} shots files written so far
 */
function uiSession(page, shots) {
	const creator = page.getByTestId('node-creator');
	const params = page.getByTestId('node-parameters');
	const useepayItem = creator.getByTestId('item-iterator-item').filter({
		has: page.getByTestId('node-creator-item-name').getByText('UseePay', { exact: true }),
	});
	return {
		page,
		creator,
		ndv: page.getByTestId('ndv'),
		params,
		useepayItem,
		/**
		 * Opens the nodes panel with a plus button and searches "UseePay", until its entry shows.
		 * @param {string} plusButton the button's test id
		 */
		async searchUseePay(plusButton) {
			await page.getByTestId(plusButton).click();
			await creator.waitFor({ state: 'visible' });
			await page.getByTestId('node-creator-search-bar').fill('UseePay');
			await useepayItem.first().waitFor({ state: 'visible' });
		},
		/** @param {string} name */
		async shot(name) {
			const file = path.join(OUT, name);
			await page.screenshot({ path: file });
			shots.push(file);
		},
		/**
		 * Picks an option of an n8n select (resource, operation, …) by its label.
		 * @param {string} parameter
		 * @param {string} label
		 */
		async choose(parameter, label) {
			await params.getByTestId(`parameter-input-${parameter}`).click();
			const option = page
				.locator('[data-test-id="parameter-input-item"]:visible')
				.filter({ has: page.locator('.option-headline').getByText(label, { exact: true }) });
			await option.first().click();
			await option.first().waitFor({ state: 'hidden' });
		},
		/** The parameters the panel shows: name and label text. */
		shownParameters: () =>
			params.locator('label.n8n-input-label[for]').evaluateAll((labels) =>
				labels
					.filter((label) => /** @type {HTMLElement} */ (label).offsetParent !== null)
					.map((label) => ({
						name: String(label.getAttribute('for')),
						text: (label.querySelector('span')?.textContent || '').trim(),
					})),
			),
	};
}

/**
 * @typedef {ReturnType<typeof uiSession>} Ui
 * @typedef {{node: any, trigger: any}} Descriptions the built nodes' descriptions
 */

/** @param {string} text */
const oneLine = (text) => text.replace(/\s+/g, ' ');

/**
 * 1. Sign in through the real sign-in page, straight into a new workflow (one full page load).
 * @param {Ui} ui
 * @param {any} demo
 */
async function signIn({ page }, demo) {
	stage('sign-in');
	const t = Date.now();
	await page.goto(`${demo.n8n.url}/signin?redirect=${encodeURIComponent('/workflow/new')}`);
	await page.getByTestId('emailOrLdapLoginId').locator('input').fill(demo.owner.email);
	await page.getByTestId('password').locator('input').fill(demo.owner.password);
	await page.getByTestId('form-submit-button').click();
	await page.getByTestId('canvas-plus-button').waitFor({ state: 'visible' });
	record(
		'sign-in with the demo owner opens a new workflow in the editor',
		/\/workflow\//.test(page.url()),
		`${new URL(page.url()).pathname}, ${seconds(Date.now() - t)}`,
	);
}

/**
 * 2. The nodes panel on an empty workflow: the trigger, with its icon.
 * @param {Ui} ui
 * @param {Descriptions} descriptions
 */
async function triggerInNodesPanel(ui, { trigger }) {
	stage('nodes panel (trigger)');
	const { creator, useepayItem } = ui;
	await ui.searchUseePay('canvas-plus-button');
	await settle(creator);
	const triggerItemText = oneLine(await useepayItem.first().innerText());
	record(
		'nodes panel search "UseePay" (first step) lists UseePay, saying it can start a workflow on an event',
		triggerItemText.includes(trigger.description) && triggerItemText.includes('start a workflow when UseePay sends'),
		triggerItemText,
	);
	const icon = await imageLoaded(useepayItem.first().locator('img').first());
	record(
		"the trigger's icon loads in the nodes panel",
		icon.width > 0 && String(icon.src).includes(`/icons/${PACKAGE}/`),
		JSON.stringify(icon),
	);
	await ui.shot('01-nodes-panel-search-trigger.png');
}

/**
 * 3. The package's details: the trigger events; add one → the trigger's panel, its event list
 * and its setup notice.
 * @param {Ui} ui
 * @param {any} demo
 * @param {Descriptions} descriptions
 */
async function triggerPanel(ui, demo, { trigger }) {
	stage('trigger panel');
	const { page, creator, ndv, params } = ui;
	await ui.useepayItem.first().click();
	const triggerEvents = trigger.properties.find((/** @type {any} */ p) => p.name === 'events').options;
	const firstTriggerAction = creator.getByText('On invoice paid', { exact: true });
	await firstTriggerAction.waitFor({ state: 'visible' });
	const detailsText = oneLine(await creator.innerText());
	record(
		"the package's node details list the trigger events",
		detailsText.includes(`Triggers (${triggerEvents.length - 1})`),
		(detailsText.match(/Triggers \(\d+\)/) || ['no "Triggers (n)"'])[0],
	);
	await firstTriggerAction.click();
	await ndv.waitFor({ state: 'visible' });
	await params.getByTestId('parameter-input-events').waitFor({ state: 'visible' });
	const ndvTitle = (await ndv.getByTestId('node-title-container').innerText()).trim();
	record('adding "On invoice paid" opens the UseePay Trigger panel', ndvTitle === trigger.defaults.name, ndvTitle);
	const selectedEvent = (await params.getByTestId('parameter-input-events').innerText()).trim();
	record('the trigger panel has invoice.paid selected', selectedEvent.includes('invoice.paid'), selectedEvent);
	const triggerCredential = await page.getByTestId('node-credentials-select').locator('input').first().inputValue();
	record('the trigger panel picked the demo credential', triggerCredential === demo.credential.name, triggerCredential);
	await triggerEventList(ui, triggerEvents);
	await ui.shot('02-trigger-panel-events.png');
	await page.keyboard.press('Escape');
	const setupNotice = trigger.properties.find((/** @type {any} */ p) => p.type === 'notice');
	const noticeText = (await params.getByText(setupNotice.displayName.slice(0, 40)).first().textContent()) ?? '';
	const facts = [/registers its own webhook/, /UseePay Public Key/, /over HTTPS/];
	record(
		'the trigger panel opens with a notice of the three setup facts (own webhook, public key, HTTPS)',
		facts.every((fact) => fact.test(noticeText)),
		oneLine(noticeText).trim(),
	);
	await page.getByTestId('ndv-close-button').click();
	await ndv.waitFor({ state: 'hidden' });
}

/**
 * The trigger's event list, opened: every event of the description is offered.
 * @param {Ui} ui
 * @param {Array<{name: string}>} triggerEvents
 */
async function triggerEventList({ page, params }, triggerEvents) {
	await params.getByTestId('parameter-input-events').click();
	const eventOptions = page.locator('.el-select-dropdown__item:visible');
	await eventOptions.first().waitFor({ state: 'visible' });
	const eventTexts = (await eventOptions.allInnerTexts()).map((text) => text.trim().split('\n')[0].trim());
	const missingEvents = triggerEvents.map((e) => e.name).filter((name) => !eventTexts.includes(name));
	record(
		`the trigger's event list offers all ${triggerEvents.length} events`,
		eventTexts.length === triggerEvents.length && missingEvents.length === 0,
		`${eventTexts.length} shown${missingEvents.length ? `, missing ${missingEvents.join(' ')}` : ''}`,
	);
}

/**
 * 4. The nodes panel after the trigger: the UseePay node and its actions (one per operation),
 * actions first. Returns the "Update a customer" action.
 * @param {Ui} ui
 * @param {Descriptions} descriptions
 */
async function nodeActions(ui, { node }) {
	stage('nodes panel (node actions)');
	const { creator, useepayItem } = ui;
	await ui.searchUseePay('node-creator-plus-button');
	const icon = await imageLoaded(useepayItem.first().locator('img').first());
	record(
		'nodes panel search "UseePay" (next step) lists the UseePay node with its icon',
		icon.width > 0,
		JSON.stringify(icon),
	);
	// n8n merges a node and its "<name>Trigger" into one entry and gives it the trigger's
	// description (useActionsGeneration.ts: `app.description = trigger.description`), so the
	// trigger's description starts with the action node's.
	const nextStepText = oneLine(await useepayItem.first().innerText());
	record(
		"where actions are added, the one UseePay entry shows the action node's description",
		(await useepayItem.count()) === 1 && nextStepText.includes(node.description),
		nextStepText,
	);
	await useepayItem.first().click();
	const updateCustomer = creator.getByText('Update a customer', { exact: true });
	await updateCustomer.waitFor({ state: 'visible' });
	await settle(creator);
	const resources = resourceOptions(node);
	const allActions = resources.flatMap((r) => operationsOf(node.properties, r.value).map((o) => o.action));
	const actionsText = oneLine(await creator.innerText());
	const missingActions = allActions.filter((a) => !actionsText.includes(a));
	record(
		`node details list all ${allActions.length} actions of the UseePay node`,
		actionsText.includes(`Actions (${allActions.length})`) && missingActions.length === 0,
		missingActions.length ? `missing: ${missingActions.join(', ')}` : (actionsText.match(/Actions \(\d+\)/) || [''])[0],
	);
	record(
		'after a trigger, the node details put the actions first, before the triggers',
		actionsText.indexOf('Actions (') >= 0 && actionsText.indexOf('Actions (') < actionsText.indexOf('Triggers ('),
		`${actionsText.indexOf('Actions (')} < ${actionsText.indexOf('Triggers (')}`,
	);
	const actionIcons = creator.locator(`img[src*="/icons/${PACKAGE}/"]`);
	const actionIconCount = await actionIcons.count();
	const actionIcon = actionIconCount ? await imageLoaded(actionIcons.last()) : { width: 0 };
	record(
		'the node details show the UseePay icon on its entries',
		actionIconCount > 1 && actionIcon.width > 0,
		`${actionIconCount} icons, last ${JSON.stringify(actionIcon)}`,
	);
	await ui.shot('03-nodes-panel-node-actions.png');
	return updateCustomer;
}

/**
 * 5. The UseePay node's panel: for each sampled operation, the fields it must show (from the
 * built description) and none of the other operations' fields.
 * @param {Ui} ui
 * @param {any} demo
 * @param {Descriptions} descriptions
 * @param {string[][]} sample resource/operation pairs
 * @param {import('playwright-core').Locator} updateCustomer the action that opens the panel
 */
async function nodePanel(ui, demo, { node, trigger }, sample, updateCustomer) {
	stage('node panel');
	const { page, ndv, params } = ui;
	const t = Date.now();
	await updateCustomer.click();
	await ndv.waitFor({ state: 'visible' });
	await params.getByTestId('parameter-input-resource').waitFor({ state: 'visible' });
	const nodeCredential = await page.getByTestId('node-credentials-select').locator('input').first().inputValue();
	record(
		'"Update a customer" opens the UseePay panel with the demo credential',
		nodeCredential === demo.credential.name,
		nodeCredential,
	);
	await addressSurvivesExpression(ui, node, trigger.defaults.name);
	for (const [resource, operation] of sample) await operationPanel(ui, node, resource, operation);
	log(`${sample.length} operations checked in ${seconds(Date.now() - t)}`);
}

/**
 * 5a. Customer → Update (the panel opens on it): Add Field → Address under Update Fields shows the
 * Address fields at once (one level: the group's default is its open `details`), then Email is set
 * to an expression; the empty Address must still be shown, also after the panel is closed and
 * opened again (n8n used to drop an empty object group when it recomputed the parameters after
 * another field changed). The expression is typed, not dragged: the trigger never ran, so the
 * input panel has no data to map from. Ends on Customer → Get, which clears Update Fields.
 * @param {Ui} ui
 * @param {any} node the built node description
 * @param {string} triggerName the trigger's name on the canvas (the other node)
 */
async function addressSurvivesExpression(ui, node, triggerName) {
	stage('node panel (Address after an expression in Email)');
	const { page, ndv, params } = ui;
	const name = 'Customer → Update: an empty Address added under Update Fields';
	try {
		const updateFields = node.properties.find(
			(/** @type {any} */ p) => p.name === 'updateFields' && p.displayOptions?.show?.resource?.includes('customer'),
		);
		const addressFields = updateFields.options.find((/** @type {any} */ o) => o.name === 'address').options[0].values;
		const box = params
			.locator('div.multi-parameter')
			.filter({ has: page.locator('label.n8n-input-label[for="updateFields"]') })
			.first();
		const address = box.getByTestId('fixed-collection-address');
		/** Add Field → an option, by its label (the legacy select, or the newer dropdown). @param {string} label */
		const addField = async (label) => {
			await box
				.getByTestId('collection-parameter-add')
				.or(box.getByTestId('collection-parameter-add-dropdown'))
				.first()
				.click();
			const option = page
				.locator('.el-select-dropdown__item:visible, [role="menuitem"]:visible')
				.filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) });
			await option.first().click();
		};
		await addField('Address');
		await address.waitFor({ state: 'visible' });
		/** The Address fields shown (names), in the group's panel. */
		const shownAddressFields = async () => {
			const shown = [];
			for (const field of addressFields)
				if (await address.locator(`label.n8n-input-label[for="${field.name}"]`).first().isVisible())
					shown.push(field.name);
			return shown;
		};
		await address
			.locator(`label.n8n-input-label[for="${addressFields[0].name}"]`)
			.first()
			.waitFor({ state: 'visible', timeout: 5000 })
			.catch(() => {});
		const atOnce = await shownAddressFields();
		record(
			`Add Field → Address under Update Fields shows the ${addressFields.length} Address fields at once (no Add Address click)`,
			atOnce.length === addressFields.length,
			atOnce.join(', ') || 'none shown',
		);
		await addField('Email');
		const emailItem = box
			.locator('.parameter-item')
			.filter({ has: page.getByTestId('parameter-input-email') })
			.first();
		await emailItem.hover();
		await emailItem.getByText('Expression', { exact: true }).first().click();
		const editor = emailItem.getByTestId('inline-expression-editor-input').locator('.cm-content').first();
		await editor.waitFor({ state: 'visible' });
		await editor.fill('{{ $json.email }}');
		// leave the editor (its value is saved as typed); clicking a label changes nothing
		await box.locator('label.n8n-input-label[for="updateFields"]').first().click();
		await sleep(500);
		const emailText = oneLine(await editor.innerText()).trim();
		const shownAfter = await shownAddressFields();
		record(
			`${name} stays shown after Email is set to a typed expression (input panel has no data to drag)`,
			(await address.isVisible()) && shownAfter.length === atOnce.length && emailText.includes('$json.email'),
			`Email "${emailText}", Address ${(await address.isVisible()) ? `fields shown: ${shownAfter.join(', ') || 'none'}` : 'gone'}`,
		);
		await ui.shot('04a-node-panel-address-after-expression.png');
		await page.getByTestId('ndv-close-button').click();
		await ndv.waitFor({ state: 'hidden' });
		await page.locator('[data-test-id="canvas-node"]').filter({ hasNotText: triggerName }).first().dblclick();
		await ndv.waitFor({ state: 'visible' });
		await box.waitFor({ state: 'visible' });
		const reopenedEmail = oneLine(
			await box.getByTestId('parameter-input-email').or(emailItem).first().innerText(),
		).trim();
		const reopened = await address.isVisible();
		const shownReopened = reopened ? await shownAddressFields() : [];
		record(
			`${name} is still shown after closing and re-opening the node, with the Email expression`,
			reopened && shownReopened.length === atOnce.length && reopenedEmail.includes('$json.email'),
			`Email "${reopenedEmail}", Address ${reopened ? `fields shown: ${shownReopened.join(', ') || 'none'}` : 'gone'}`,
		);
	} catch (error) {
		record(name, false, String(error instanceof Error ? error.message : error).split('\n')[0]);
		await ui.shot('04a-node-panel-address-failure.png').catch(() => {});
		await page.keyboard.press('Escape').catch(() => {});
		if (!(await ndv.isVisible()))
			await page.locator('[data-test-id="canvas-node"]').filter({ hasNotText: triggerName }).first().dblclick();
	}
	const get = operationsOf(node.properties, 'customer').find((/** @type {any} */ o) => o.value === 'get');
	await ui
		.choose('operation', get.name)
		.catch((error) => record(`${name}: back to Customer → Get`, false, String(error)));
}

/**
 * One operation in the node's panel: its fields shown with their labels, no other operation's.
 * @param {Ui} ui
 * @param {any} node
 * @param {string} resource
 * @param {string} operation
 */
async function operationPanel(ui, node, resource, operation) {
	const resourceOption = resourceOptions(node).find((r) => r.value === resource);
	const operations = operationsOf(node.properties, resource);
	const op = operations.find((/** @type {any} */ o) => o.value === operation);
	const name = `${resourceOption?.name} → ${op?.name}`;
	try {
		await ui.choose('resource', resourceOption.name);
		await ui.choose('operation', op.name);
		const expected = visibleParameters(node.properties, resource, operation);
		const expectedNames = new Set(expected.map((p) => p.name));
		const others = new Set(
			operations
				.filter((/** @type {any} */ o) => o.value !== operation)
				.flatMap((/** @type {any} */ o) => visibleParameters(node.properties, resource, o.value))
				.map((p) => p.name)
				.filter((n) => !expectedNames.has(n)),
		);
		// the panel re-renders after the switch: wait for the last expected field
		await ui.params
			.locator(`label.n8n-input-label[for="${expected[expected.length - 1].name}"]`)
			.waitFor({ state: 'visible' });
		/** @type {Map<string, string>} the first label of each shown parameter */
		const shown = new Map();
		for (const { name: shownName, text } of await ui.shownParameters())
			if (!shown.has(shownName)) shown.set(shownName, text);
		const missing = expected.filter((p) => !shown.has(p.name)).map((p) => p.name);
		const wrongLabel = expected
			.filter((p) => shown.has(p.name) && shown.get(p.name) !== p.displayName)
			.map((p) => `${p.name}="${shown.get(p.name)}"`);
		const foreign = [...others].filter((n) => shown.has(n));
		const fields = expected.filter((p) => !['resource', 'operation'].includes(p.name)).map((p) => p.displayName);
		record(
			`panel ${name}: shows ${fields.length ? fields.join(', ') : '(no fields)'}; no other operation's fields`,
			missing.length === 0 && wrongLabel.length === 0 && foreign.length === 0 && fields.length > 0,
			[
				missing.length && `missing ${missing}`,
				wrongLabel.length && `labels ${wrongLabel}`,
				foreign.length && `foreign ${foreign}`,
			]
				.filter(Boolean)
				.join('; ') || `${others.size} other-operation fields absent`,
		);
		await ui.shot(`04-node-panel-${resource}-${operation}.png`);
	} catch (error) {
		record(`panel ${name}`, false, String(error instanceof Error ? error.message : error).split('\n')[0]);
		await ui.shot(`04-node-panel-${resource}-${operation}-failure.png`).catch(() => {});
		await ui.page.keyboard.press('Escape').catch(() => {});
	}
}

/** The credential modal (the one holding the credential edit dialog). @param {import('playwright-core').Page} page */
const credentialModalOf = (page) =>
	page.locator('[data-test-id$="-modal"]').filter({ has: page.getByTestId('credential-edit-dialog') });

/**
 * 6. The credential modal: the existing demo credential, tested against the emulator (Retry).
 * @param {Ui} ui
 * @param {any} demo
 * @param {Descriptions} descriptions
 */
async function credentialTest(ui, demo, { trigger }) {
	stage('credential modal (test)');
	const { page, ndv } = ui;
	const credentialModal = credentialModalOf(page);
	const success = credentialModal.getByTestId('credentials-config-container-test-success');
	const customerLists = () =>
		demo.emulator.requests().filter((/** @type {any} */ r) => r.method === 'GET' && r.path === '/api/v1/customers')
			.length;
	await page.getByTestId('credential-edit-button').click();
	await credentialModal.waitFor({ state: 'visible' });
	await success.waitFor({ state: 'visible' }); // opening a saved credential tests it once by itself
	await credentialFields(ui, credentialModal);
	const before = customerLists();
	const testResponse = page.waitForResponse(
		(r) => r.url().includes('/rest/credentials/test') && r.request().method() === 'POST',
	);
	const retry = success.getByRole('button', { name: 'Retry' });
	await retry.click();
	const answer = await (await testResponse).json().catch(() => ({}));
	await success.waitFor({ state: 'visible' });
	// the button spins while the test runs: wait until it is a plain "Retry" button again
	await page.mouse.move(5, 5);
	const spinning = () =>
		retry.evaluate(
			(button) =>
				/** @type {HTMLButtonElement} */ (button).disabled ||
				button.getAttribute('aria-busy') === 'true' ||
				!!button.querySelector('[class*="spin"], [class*="loading"], [class*="Loading"]'),
		);
	for (let i = 0; i < 50 && (await spinning()); i++) await sleep(100);
	const successText = oneLine(await success.innerText()).trim();
	const reached = customerLists() - before;
	record(
		'credential Test (Retry) succeeds against the emulator',
		answer?.data?.status === 'OK' && successText.includes('Connection tested successfully') && reached >= 1,
		`${JSON.stringify(answer?.data)}; "${successText}"; ${reached} GET /api/v1/customers reached the emulator on Retry`,
	);
	await ui.shot('05-credential-modal-test-success.png');
	await credentialModal.getByTestId('credential-save-button').waitFor({ state: 'visible' });
	await page.keyboard.press('Escape');
	await credentialModal.waitFor({ state: 'hidden' });
	// Escape may close the node's panel too: reopen it from the canvas
	await sleep(300);
	if (!(await ndv.isVisible())) {
		await page.locator('[data-test-id="canvas-node"]').filter({ hasNotText: trigger.defaults.name }).first().dblclick();
		await ndv.waitFor({ state: 'visible' });
	}
}

/**
 * The modal shows the UseePay API credential with all its fields and its icon.
 * @param {Ui} ui
 * @param {import('playwright-core').Locator} credentialModal
 */
async function credentialFields(ui, credentialModal) {
	const fields = ['environment', 'baseUrl', 'merchantNo', 'appId', 'apiKey', 'webhookSignatureCert'];
	const missingFields = [];
	for (const field of fields)
		if (!(await credentialModal.getByTestId(`parameter-input-${field}`).isVisible())) missingFields.push(field);
	const modalText = oneLine(await credentialModal.innerText());
	record(
		'credential modal: UseePay API with all fields',
		modalText.includes('UseePay API') && missingFields.length === 0,
		missingFields.length ? `missing ${missingFields}` : fields.join(', '),
	);
	const icon = await imageLoaded(credentialModal.locator(`img[src*="/icons/${PACKAGE}/"]`).first());
	record('credential modal shows the UseePay icon', icon.width > 0, JSON.stringify(icon));
}

/**
 * 7. A new credential with a wrong API key: Save runs the test, which must fail with our message.
 * @param {Ui} ui
 * @param {any} demo
 */
async function credentialWrongKey(ui, demo) {
	stage('credential modal (wrong key)');
	const { page, ndv } = ui;
	const credentialModal = credentialModalOf(page);
	await page.getByTestId('node-credentials-select').locator('input').first().click();
	await page.getByTestId('node-credentials-select-item-new').click();
	await credentialModal.waitFor({ state: 'visible' });
	await credentialModal.getByTestId('parameter-input-environment').click();
	await page
		.locator('[data-test-id="parameter-input-item"]:visible')
		.filter({ hasText: 'Custom Base URL' })
		.first()
		.click();
	/** @param {string} field @param {string} value */
	const fill = (field, value) => credentialModal.getByTestId(`parameter-input-${field}`).locator('input').fill(value);
	await fill('baseUrl', demo.emulatorUrl);
	await fill('merchantNo', demo.merchant.merchantNo);
	await fill('appId', demo.merchant.appId);
	await fill('apiKey', 'UseePay_SK_wrong_key');
	const failedTest = page.waitForResponse(
		(r) => r.url().includes('/rest/credentials/test') && r.request().method() === 'POST',
	);
	await credentialModal.getByTestId('credential-save-button').click();
	const failedAnswer = await (await failedTest).json().catch(() => ({}));
	await credentialModal
		.getByText(/Couldn.t connect with these settings/)
		.first()
		.waitFor({ state: 'visible' });
	await credentialModal.getByText('More details').first().click();
	await credentialModal
		.getByText(/UseePay rejected the Merchant Number/)
		.first()
		.waitFor({ state: 'visible' });
	const bannerText = oneLine(await credentialModal.innerText());
	record(
		"credential Test with a wrong API key fails with the credential's 401 message",
		failedAnswer?.data?.status === 'Error' &&
			bannerText.includes('UseePay rejected the Merchant Number, API Key or App ID'),
		String(JSON.stringify(failedAnswer?.data)).slice(0, 160),
	);
	await ui.shot('06-credential-modal-test-failure.png');
	await page.keyboard.press('Escape');
	await credentialModal.waitFor({ state: 'hidden' });
	await sleep(300);
	if (await ndv.isVisible()) await page.getByTestId('ndv-close-button').click();
	await ndv.waitFor({ state: 'hidden' });
}

/**
 * The node's subtitle on the canvas names the operation the panel was left on in words
 * ("Get: Checkout Session"), from the description's display names, not the raw values.
 * @param {Ui} ui
 * @param {Descriptions} descriptions
 * @param {string[][]} sample the panel's operations, in order (the last one stays set)
 */
async function canvasSubtitle({ page }, { node, trigger }, sample) {
	const [resource, operation] = sample[sample.length - 1];
	const resourceName = resourceOptions(node).find((r) => r.value === resource)?.name;
	const operationName = operationsOf(node.properties, resource).find((o) => o.value === operation)?.name;
	const expected = `${operationName}: ${resourceName}`;
	const canvasNode = page.locator('[data-test-id="canvas-node"]').filter({ hasNotText: trigger.defaults.name });
	const subtitle = oneLine(await canvasNode.first().locator('[class*="_subtitle_"]').first().innerText()).trim();
	record(`the node's canvas subtitle reads "${expected}" (display names, not values)`, subtitle === expected, subtitle);
}

/**
 * 8. The canvas: both nodes with their icons, the node's subtitle; every icon request answered 200.
 * @param {Ui} ui
 * @param {Record<string, number>} iconResponses status by icon path
 * @param {Descriptions} descriptions
 * @param {string[][]} sample
 */
async function canvasIcons(ui, iconResponses, descriptions, sample) {
	stage('canvas');
	const icons = ui.page.locator(`[data-test-id="canvas-node"] img[src*="/icons/${PACKAGE}/"]`);
	await icons.first().waitFor({ state: 'visible' });
	const canvasInfo = [];
	for (let i = 0; i < (await icons.count()); i++) canvasInfo.push(await imageLoaded(icons.nth(i)));
	record(
		'canvas shows the trigger and the node with their icons',
		canvasInfo.length === 2 && canvasInfo.every((i) => i.width > 0),
		JSON.stringify(canvasInfo),
	);
	await ui.shot('07-canvas.png');
	await canvasSubtitle(ui, descriptions, sample);
	const ours = Object.entries(iconResponses).filter(([url]) => url.includes(`/icons/${PACKAGE}/`));
	record(
		`icon requests under /icons/${PACKAGE}/ answered 200`,
		ours.length > 0 && ours.every(([, status]) => status === 200),
		ours.map(([url, status]) => `${status} ${url}`).join(', '),
	);
}

/**
 * The whole walk-through, step by step (see the top of this file).
 * @param {{page: import('playwright-core').Page, demo: any, descriptions: Descriptions, sample: string[][], shots: string[], iconResponses: Record<string, number>}} session
 */
async function browserChecks({ page, demo, descriptions, sample, shots, iconResponses }) {
	const ui = uiSession(page, shots);
	await signIn(ui, demo);
	await triggerInNodesPanel(ui, descriptions);
	await triggerPanel(ui, demo, descriptions);
	const updateCustomer = await nodeActions(ui, descriptions);
	await nodePanel(ui, demo, descriptions, sample, updateCustomer);
	await credentialTest(ui, demo, descriptions);
	await credentialWrongKey(ui, demo);
	await canvasIcons(ui, iconResponses, descriptions, sample);
	stage('emulator dashboard');
	const dashboardPage = await page.context().newPage();
	/** @param {string} name */
	const shot = async (name) => {
		const file = path.join(OUT, name);
		await dashboardPage.screenshot({ path: file, fullPage: true });
		shots.push(file);
	};
	await dashboardChecks({ page: dashboardPage, demo, record, shot });
	stage('examples run twice');
	await examplesTwice({ demo, record });
	stage('CRM preview in the table view');
	await previewTableChecks({ page, demo, record, out: OUT, shots });
}

// ---------------------------------------------------------------------------------------------

/**
 * The operations to open: UI_OPS ("all", or "resource:operation,…"), else the default sample.
 * @param {Descriptions} descriptions
 * @returns {string[][]}
 */
function operationSample({ node }) {
	const spec = process.env.UI_OPS;
	const resources = resourceOptions(node);
	const sample =
		spec === 'all'
			? resources.flatMap((r) => operationsOf(node.properties, r.value).map((o) => [r.value, o.value]))
			: spec
				? spec.split(',').map((pair) => pair.trim().split(':'))
				: defaultSample(node);
	const uncovered = resources.map((r) => r.value).filter((r) => !sample.some(([resource]) => resource === r));
	if (uncovered.length) log(`note: the sample leaves out resources ${uncovered.join(', ')}`);
	return sample;
}

/**
 * What the browser run observed besides the checks.
 * @typedef {object} Observed
 * @property {Map<string, number>} blocked non-loopback requests aborted, by URL without query
 * @property {Record<string, number>} iconResponses status by icon path
 * @property {string[]} consoleErrors
 * @property {string[]} shots
 */

/**
 * Chromium with every non-loopback request aborted (and recorded), a page whose icon answers
 * and console errors are recorded.
 * @param {string} workDir
 * @param {any} demo
 * @param {Observed} observed
 */
async function openPage(workDir, demo, observed) {
	const { selectors } = require('playwright-core');
	selectors.setTestIdAttribute('data-test-id');
	const context = await launchBrowser(path.join(workDir, 'chromium-profile'));
	await context.route('**/*', (route) => {
		const url = route.request().url();
		if (isLocal(url)) return route.continue();
		const key = url.split('?')[0];
		observed.blocked.set(key, (observed.blocked.get(key) || 0) + 1);
		return route.abort('blockedbyclient');
	});
	const page = context.pages()[0] || (await context.newPage());
	page.setDefaultTimeout(60000); // a first editor load on 2 busy cores can take well over 20 s
	page.on('websocket', (ws) => !isLocal(ws.url()) && observed.blocked.set(ws.url(), 1));
	page.on('response', (response) => {
		if (response.url().includes('/icons/'))
			observed.iconResponses[response.url().replace(demo.n8n.url, '')] = response.status();
	});
	page.on(
		'console',
		(message) => message.type() === 'error' && observed.consoleErrors.push(message.text().slice(0, 200)),
	);
	return { context, page };
}

/**
 * Chromium and n8n present, then the demo with n8n under the network guard (only n8n: see
 * net-guard.cjs) and a few more "calls home" switched off on top of tools/lib/n8n.js's defaults.
 * @param {string} workDir
 * @param {string} guardLog
 */
async function startGuardedDemo(workDir, guardLog) {
	let t = Date.now();
	const { startDemo, demoPorts } = require('../demo/demo');
	await assertPortsFree(demoPorts({ n8nPort: N8N_PORT, emulatorPort: 0, brokerPort: BROKER_PORT }));
	ensureChromium();
	await ensureRuntime({ log }); // installs Node.js + n8n on a cold machine, before the network guard is armed
	log(`chromium and n8n present (${seconds(Date.now() - t)})`);
	Object.assign(process.env, {
		NODE_OPTIONS: `${process.env.NODE_OPTIONS || ''} --require=${path.join(__dirname, 'net-guard.cjs')}`.trim(),
		UI_NET_GUARD_LOG: guardLog,
		N8N_VERSION_NOTIFICATIONS_WHATS_NEW_ENABLED: 'false',
		N8N_DYNAMIC_BANNERS_ENABLED: 'false',
		N8N_LICENSE_AUTO_RENEW_ENABLED: 'false',
	});
	t = Date.now();
	const demo = await startDemo({ dir: workDir, n8nPort: N8N_PORT, emulatorPort: 0, brokerPort: BROKER_PORT, log });
	log(`demo up: n8n ${demo.n8n.url}, emulator ${demo.emulatorUrl} (${seconds(Date.now() - t)})`);
	return demo;
}

/**
 * Nothing may have left 127.0.0.1: the page's requests (but the known npm lookups) and n8n's
 * connections (the guard's log).
 * @param {Observed} observed
 * @param {string} guardLog
 */
function networkChecks({ blocked, consoleErrors }, guardLog) {
	const unexpected = [...blocked.keys()].filter((url) => !KNOWN_UNAVOIDABLE.some((re) => re.test(url)));
	const known = [...blocked.keys()].filter((url) => KNOWN_UNAVOIDABLE.some((re) => re.test(url)));
	if (known.length)
		log(
			`aborted, known and unavoidable (the nodes panel's "Node details" asks npm about the package): ${known.join(' ')}`,
		);
	record(
		'the editor page requested nothing but 127.0.0.1 (other than the known npm lookups)',
		unexpected.length === 0,
		unexpected.join(' ') || 'none',
	);
	const guardLines = fs.readFileSync(guardLog, 'utf8').trim();
	record(
		'n8n opened no connection beyond loopback',
		guardLines === '',
		guardLines.split('\n').slice(0, 5).join('; ') || 'none',
	);
	if (consoleErrors.length) log(`console errors (informational): ${consoleErrors.length}, first: ${consoleErrors[0]}`);
}

/**
 * The demo and the browser walk-through; a failure is recorded with the step it stopped in.
 * @param {string} workDir
 * @param {string} guardLog
 * @param {Observed} observed
 */
async function editorRun(workDir, guardLog, observed) {
	let demo;
	let context;
	try {
		demo = await startGuardedDemo(workDir, guardLog);
		const descriptions = loadDescriptions();
		const sample = operationSample(descriptions);
		const t = Date.now();
		const opened = await openPage(workDir, demo, observed);
		context = opened.context;
		const { page } = opened;
		try {
			await browserChecks({
				page,
				demo,
				descriptions,
				sample,
				shots: observed.shots,
				iconResponses: observed.iconResponses,
			});
		} catch (error) {
			record(
				`editor walk-through ran to the end (stopped in: ${currentStage})`,
				false,
				String(error instanceof Error ? error.message : error).split('\n')[0],
			);
			const file = path.join(OUT, 'zz-failure.png');
			await page.screenshot({ path: file }).catch(() => {});
			observed.shots.push(file);
		}
		log(`browser part ${seconds(Date.now() - t)}`);
	} catch (error) {
		record(
			'test:ui setup',
			false,
			String(error instanceof Error ? error.stack : error)
				.split('\n')
				.slice(0, 3)
				.join(' | '),
		);
	} finally {
		if (context) await context.close().catch(() => {});
		if (demo) await demo.stop().catch(() => {});
	}
}

async function main() {
	fs.rmSync(OUT, { recursive: true, force: true });
	fs.mkdirSync(OUT, { recursive: true });
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'useepay-ui-'));
	const guardLog = path.join(workDir, 'n8n-net-guard.log');
	fs.writeFileSync(guardLog, '');
	/** @type {Observed} */
	const observed = { blocked: new Map(), iconResponses: {}, consoleErrors: [], shots: [] };
	await editorRun(workDir, guardLog, observed);
	networkChecks(observed, guardLog);
	for (const file of observed.shots) log(`screenshot ${path.relative(REPO_ROOT, file)}`);
	if (process.env.UI_KEEP === '1') log(`kept ${workDir}`);
	else fs.rmSync(workDir, { recursive: true, force: true });
	process.exit(checks.summary('ui', seconds(Date.now() - STARTED)) ? 0 : 1);
}

main();
