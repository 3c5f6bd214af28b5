import type { INodeProperties } from 'n8n-workflow';

import { BULK_DEFAULTS } from '../../nodes/UseePay/shared/bulk/n8n';
import { UseePay } from '../../nodes/UseePay/UseePay.node';

describe('the Options of the bulk customer operations', () => {
	const options = new UseePay().description.properties.filter(
		(p) => p.name === 'options' && p.displayOptions?.show?.resource?.includes('customer'),
	);

	it('an Options collection for Create and Update, and one for Create or Update (with its sync options)', () => {
		expect(options.map((o) => o.displayOptions?.show?.operation)).toEqual([['create', 'update'], ['createOrUpdate']]);
	});

	it('shows the defaults the code uses', () => {
		for (const collection of options) {
			const defaults = Object.fromEntries((collection.options as INodeProperties[]).map((o) => [o.name, o.default]));
			expect(defaults).toMatchObject(BULK_DEFAULTS);
		}
		const sync = Object.fromEntries((options[1].options as INodeProperties[]).map((o) => [o.name, o.default]));
		expect(sync).toEqual({ ...BULK_DEFAULTS, emptyValues: 'ignore', previewOnly: false, skipUnchanged: true });
	});
});
