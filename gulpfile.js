// Copies the non-TypeScript assets (icons, codex JSON files) into dist/, at the same relative
// paths, after `n8n-node build` has compiled the TypeScript.
const { src, dest } = require('gulp');

function buildAssets() {
	return src(['icons/*.svg', 'nodes/**/*.{svg,png}', 'nodes/**/*.node.json', 'credentials/**/*.{svg,png}'], {
		base: '.',
		encoding: false,
	}).pipe(dest('dist'));
}

exports['build:assets'] = buildAssets;
