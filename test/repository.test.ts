import { findingsIn, reachesOutside, trackedFiles } from './support/standalone';

describe('the repository stands alone (a plain clone has nothing beside it)', () => {
	it('reads the tracked files', () => {
		expect(trackedFiles()).toEqual(expect.arrayContaining(['package.json', '.ci/run']));
	});

	it('finds an import above the root and a citation of notes kept outside the repository', () => {
		// Built from parts so that this test does not itself cite the folder it forbids.
		const notes = ['shared', 'useepay-api'].join('/');
		const outside = ['../..', notes, 'core-endpoints.json'].join('/');
		expect(findingsIn('test/coverage.test.ts', `import core from '${outside}';`)).toEqual([
			expect.stringContaining(`test/coverage.test.ts:1: cites ${notes}`),
			'test/coverage.test.ts:1: imports ' + outside,
		]);
		expect(findingsIn('nodes/UseePay/shared/money.ts', ` * them (${'core'}.md §1)`)).toEqual([
			'nodes/UseePay/shared/money.ts:1: cites core.md',
		]);
		expect(findingsIn('nodes/UseePay/resources/customer/index.ts', "import { x } from '../../shared/body';")).toEqual(
			[],
		);
	});

	it('no tracked file imports, reads or cites anything outside the repository', () => {
		expect(reachesOutside()).toEqual([]);
	});
});
