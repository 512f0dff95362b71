// The certificate font: DejaVu Sans (every Polish letter and the other Latin diacritics), shipped in
// static/fonts/dejavu with its licence. adapter-node copies static/ into build/client/, so `node build` finds
// it beside its own chunks even when started from another folder; the source tree serves dev, tests and scripts.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CertificateFonts {
	regular: Uint8Array;
	bold: Uint8Array;
}

const FILES = { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } as const;

function candidateDirs(): string[] {
	const here = dirname(fileURLToPath(import.meta.url));
	return [
		process.env.CERT_FONT_DIR ?? '',
		resolve('static/fonts/dejavu'),
		// build/server/chunks/*.js and build/server/*.js -> build/client/fonts/dejavu
		join(here, '../../client/fonts/dejavu'),
		join(here, '../client/fonts/dejavu'),
		// src/lib/server/certificates -> static/fonts/dejavu
		join(here, '../../../../static/fonts/dejavu')
	].filter(Boolean);
}

let cached: CertificateFonts | undefined;

export function loadCertificateFonts(): CertificateFonts {
	if (cached) return cached;
	const dir = candidateDirs().find((d) => existsSync(join(d, FILES.regular)) && existsSync(join(d, FILES.bold)));
	if (!dir) throw new Error(`Certificate fonts not found; looked in: ${candidateDirs().join(', ')}`);
	cached = { regular: readFileSync(join(dir, FILES.regular)), bold: readFileSync(join(dir, FILES.bold)) };
	return cached;
}
