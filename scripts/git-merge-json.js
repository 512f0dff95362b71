#!/usr/bin/env node
// Git merge driver for messages/*.json: keeps every key either side added, so two features adding strings
// never conflict. Set up once per clone: git config merge.json-union.driver "node scripts/git-merge-json.js %O %A %B"
import { readFileSync, writeFileSync } from 'node:fs';

const [basePath, oursPath, theirsPath] = process.argv.slice(2);
const read = (p) => {
	try {
		return JSON.parse(readFileSync(p, 'utf8'));
	} catch {
		return {};
	}
};
const base = read(basePath);
const ours = read(oursPath);
const theirs = read(theirsPath);
const merged = { ...ours };
let conflict = false;
for (const [key, value] of Object.entries(theirs)) {
	if (!(key in ours)) merged[key] = value;
	else if (ours[key] !== value) {
		if (ours[key] === base[key]) merged[key] = value;
		else if (theirs[key] !== base[key]) conflict = true;
	}
}
for (const key of Object.keys(base)) if (!(key in theirs) && ours[key] === base[key]) delete merged[key];
writeFileSync(oursPath, JSON.stringify(merged, null, '\t') + '\n');
process.exit(conflict ? 1 : 0);
