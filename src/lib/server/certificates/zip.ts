// Many certificates in one ZIP. PDFs are already compressed inside, so they are stored, not deflated again.
import { zipSync, type Zippable } from 'fflate';

export interface ZipEntry {
	name: string;
	data: Uint8Array;
}

/** Names are made unique (a second "x.pdf" becomes "x-2.pdf"); every entry has the same fixed time. */
export function zipCertificates(entries: ZipEntry[], mtime = new Date(Date.UTC(2020, 0, 1))): Uint8Array {
	const files: Zippable = {};
	for (const entry of entries) {
		let name = entry.name;
		for (let i = 2; name in files; i++) name = entry.name.replace(/(\.pdf)?$/, `-${i}$1`);
		files[name] = [entry.data, { level: 0, mtime }];
	}
	return zipSync(files);
}

/** A file name from a person's name: letters kept (ZIP stores UTF-8 names), everything else a dash. */
export function fileNameFor(name: string, code: string): string {
	const base = name
		.normalize('NFC')
		.replace(/[^\p{L}\p{N}]+/gu, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 80);
	return `${base || 'zaswiadczenie'}-${code}.pdf`;
}
