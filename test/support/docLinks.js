'use strict';
/**
 * What people read resolves: the relative links and #anchors of the README (which ships in the
 * package and is what an n8n user sees in the node's details) and of docs/ and the emulator's
 * README, checked as GitHub renders them. Plain JavaScript: it reads files (n8n's lint forbids
 * that in .ts files).
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..', '..');

/** The Markdown files whose links are checked, relative to the root. */
function documents() {
	const docs = fs
		.readdirSync(path.join(ROOT, 'docs'))
		.filter((name) => name.endsWith('.md'))
		.map((name) => `docs/${name}`);
	return ['README.md', 'emulator/README.md', ...docs];
}

/** @param {string} file relative to the root */
const read = (file) => fs.readFileSync(path.join(ROOT, file), 'utf8');

/** @param {string} file relative to the root */
const lineCount = (file) => read(file).trimEnd().split('\n').length;

/**
 * GitHub's heading anchors: lower case, punctuation dropped, each space a hyphen; repeats get -1, -2 …
 * @param {string} markdown
 * @returns {Set<string>}
 */
function anchorsOf(markdown) {
	const anchors = new Set();
	/** @type {Map<string, number>} */
	const seen = new Map();
	let inFence = false;
	for (const line of markdown.split('\n')) {
		if (line.startsWith('```')) inFence = !inFence;
		const heading = !inFence && /^#{1,6}\s+(.*)$/.exec(line);
		if (!heading) continue;
		const base = heading[1]
			.trim()
			.toLowerCase()
			.replace(/[^\p{L}\p{N}\s_-]/gu, '')
			.replace(/\s/g, '-');
		const count = seen.get(base) ?? 0;
		seen.set(base, count + 1);
		anchors.add(count ? `${base}-${count}` : base);
	}
	return anchors;
}

/**
 * Markdown links `[text](target)` outside code fences and inline code, with their line.
 * @param {string} markdown
 * @returns {Array<{target: string, line: number}>}
 */
function linksOf(markdown) {
	/** @type {Array<{target: string, line: number}>} */
	const links = [];
	let inFence = false;
	markdown.split('\n').forEach((text, index) => {
		if (text.startsWith('```')) inFence = !inFence;
		if (inFence) return;
		const withoutCode = text.replace(/`[^`]*`/g, '');
		for (const match of withoutCode.matchAll(/\]\(([^)\s]+)\)/g)) links.push({ target: match[1], line: index + 1 });
	});
	return links;
}

/**
 * Every relative link of `document` that points at no file, or at no heading of its target.
 * @param {string} document relative to the root
 * @returns {string[]} `document:line → target (why)`
 */
function brokenLinks(document) {
	/** @type {string[]} */
	const broken = [];
	for (const { target, line } of linksOf(read(document))) {
		if (/^[a-z]+:/i.test(target)) continue; // https:, mailto: … are not ours to check offline
		const [file, anchor] = target.split('#');
		const resolved = file ? path.join(ROOT, path.dirname(document), file) : path.join(ROOT, document);
		if (!fs.existsSync(resolved)) {
			broken.push(`${document}:${line} → ${target} (no ${path.relative(ROOT, resolved)})`);
			continue;
		}
		if (anchor !== undefined && resolved.endsWith('.md')) {
			if (!anchorsOf(fs.readFileSync(resolved, 'utf8')).has(anchor))
				broken.push(`${document}:${line} → ${target} (no heading #${anchor})`);
		}
	}
	return broken;
}

module.exports = { documents, lineCount, anchorsOf, linksOf, brokenLinks };
