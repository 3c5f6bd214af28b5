'use strict';
/**
 * End-to-end tests in a real n8n (`npm run test:e2e`): our packed package loaded the way n8n
 * loads community packages, workflows imported and run with the n8n CLI, and what reached the
 * UseePay API checked on the wire. Prints `N passed, M failed` and exits non-zero on a failure.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const assert = require('node:assert/strict');

const { ensureRuntime, packPackage, N8nInstance } = require('../lib/n8n');
const { startRecorder } = require('../../test/support/recorder');

const FIXTURES = path.join(__dirname, 'fixtures');
const readFixture = (name) => JSON.parse(fs.readFileSync(path.join(FIXTURES, name), 'utf8'));

const results = [];
async function check(name, fn) {
	const started = Date.now();
	try {
		await fn();
		results.push({ name, ok: true });
		process.stdout.write(`ok - ${name} (${Date.now() - started} ms)\n`);
	} catch (error) {
		results.push({ name, ok: false });
		process.stdout.write(`not ok - ${name}\n  ${String(error && error.stack).split('\n').join('\n  ')}\n`);
	}
}

const CREDENTIAL = { merchantNo: '500000000007245', apiKey: 'UseePay_SK_e2e_only', appId: 'www.pay.com' };

function credentialFor(baseUrl) {
	return {
		id: 'useepayE2eCred01',
		name: 'UseePay (e2e)',
		type: 'useePayApi',
		data: { environment: 'custom', baseUrl, ...CREDENTIAL, webhookSignatureCert: '' },
	};
}

async function main() {
	const runtime = ensureRuntime();
	const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'useepay-e2e-'));
	const tarball = packPackage(path.join(workDir, 'pack'));
	const recorder = await startRecorder((request) => ({ status: 200, body: { id: request.path.split('/').pop(), ...(request.body || {}) } }));
	const n8n = new N8nInstance({ runtime, dir: path.join(workDir, 'n8n'), port: 5688, brokerPort: 5689 });
	n8n.installPackage(tarball);

	try {
		await check('n8n imports the UseePay credential (custom base URL) and the workflow', async () => {
			await n8n.importCredentials([credentialFor(recorder.url)]);
			await n8n.importWorkflow(readFixture('customer-update.workflow.json'));
		});

		await check('Customer Update runs in real n8n and sends the reference example exactly', async () => {
			const run = await n8n.execute('useepayE2eUpdate');
			assert.equal(run.code, 0, `n8n execute exited ${run.code}\n${run.stdout.slice(-3000)}\n${run.stderr.slice(-3000)}`);
			assert.equal(recorder.requests.length, 1);
			const [request] = recorder.requests;
			assert.equal(request.method, 'POST');
			assert.equal(request.path, '/api/v1/customers/cus_1JA7UDDQG3800');
			assert.equal(request.headers['x-merchant-no'], CREDENTIAL.merchantNo);
			assert.equal(request.headers['x-api-key'], CREDENTIAL.apiKey);
			assert.equal(request.headers['x-app-id'], CREDENTIAL.appId);
			assert.equal(
				request.rawBody,
				'{"name":"zhangsan","email":"zhangsan@useepay.com","phone":"134251756712","first_name":"zhang","address":{"country":"CN","city":"shanghai"},"shipping":{"name":"SHI-zhangsan"}}',
			);
			assert.equal(run.output?.data?.resultData?.runData?.['Update Customer']?.[0]?.executionStatus, 'success');
		});

		await check('a UseePay error fails the execution with UseePay message, and no API key in the output', async () => {
			recorder.setResponder(() => ({ status: 400, body: { code: 'invalid_argument', source: 'email', message: 'email is invalid' } }));
			const run = await n8n.execute('useepayE2eUpdate');
			assert.equal(run.code, 1, `expected exit 1, got ${run.code}`);
			const all = run.stdout + run.stderr;
			assert.match(all, /UseePay rejected the request: email is invalid/);
			assert.ok(!all.includes(CREDENTIAL.apiKey), 'the API key appears in n8n output');
		});
	} finally {
		await n8n.stop();
		await recorder.close();
	}

	const passed = results.filter((r) => r.ok).length;
	const failed = results.length - passed;
	process.stdout.write(`e2e: ${passed} passed, ${failed} failed\n`);
	if (failed === 0 && !process.env.KEEP_E2E_DIR) fs.rmSync(workDir, { recursive: true, force: true });
	process.exit(failed === 0 ? 0 : 1);
}

main().catch((error) => {
	process.stdout.write(`not ok - e2e harness\n  ${error && error.stack}\n`);
	process.stdout.write('e2e: 0 passed, 1 failed\n');
	process.exit(1);
});
