import type { INodeProperties } from 'n8n-workflow';

import { BULK_DEFAULTS } from '../../nodes/UseePay/shared/bulk/n8n';
import { UseePay } from '../../nodes/UseePay/UseePay.node';

describe('the Options of the bulk customer operations', () => {
	const options = new UseePay().description.properties.filter(
		(p) => p.name === 'options' && p.displayOptions?.show?.resource?.includes('customer'),
	);

	it('one Options collection, shown for Create, Create or Update and Update', () => {
		expect(options).toHaveLength(1);
		expect(options[0].displayOptions?.show?.operation).toEqual(['create', 'createOrUpdate', 'update']);
	});

	it('shows the defaults the code uses', () => {
		const defaults = Object.fromEntries((options[0].options as INodeProperties[]).map((o) => [o.name, o.default]));
		expect(defaults).toEqual(BULK_DEFAULTS);
	});
});
