import { anchorsOf, brokenLinks, documents, lineCount, linksOf } from '../support/docLinks';

/** The README ships in the package: n8n users read it; contributor material lives in docs/. */
const README_MAX_LINES = 300;

describe('documentation links', () => {
	it(`the README has at most ${README_MAX_LINES} lines`, () => {
		expect(lineCount('README.md')).toBeLessThanOrEqual(README_MAX_LINES);
	});

	it.each(documents())('every relative link and anchor of %s resolves', (document) => {
		expect(brokenLinks(document)).toEqual([]);
	});

	it('reads anchors as GitHub makes them and skips code (the check itself can fail)', () => {
		expect(
			anchorsOf("## What we chose where UseePay's docs are open\n## CRM sync: Customer → Create or Update"),
		).toEqual(new Set(['what-we-chose-where-useepays-docs-are-open', 'crm-sync-customer--create-or-update']));
		expect(linksOf('see [a](docs/NOPE.md#x) and `[b](c)`\n```\n[d](e)\n```')).toEqual([
			{ target: 'docs/NOPE.md#x', line: 1 },
		]);
	});
});
