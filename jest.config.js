/** Tests live in test/ (outside the build and the n8n scanner). Tooling they start in-process
 *  (emulator, recording server) is plain CommonJS JavaScript and is required as-is. */
module.exports = {
	testEnvironment: 'node',
	roots: ['<rootDir>/test'],
	testMatch: ['**/*.test.ts'],
	transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
	testTimeout: 30000,
};
