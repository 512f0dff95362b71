// The PDF read back the way a person and a phone would: its text (poppler's pdftotext) and its QR code (the page
// rasterised by pdftoppm, decoded by jsQR).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { renderCertificatePdf, type CertificateToPrint, type PrintOptions } from '$lib/server/certificates/pdf';

const dir = mkdtempSync(join(tmpdir(), 'akademia-cert-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cert: CertificateToPrint = {
	code: 'K7M2Q-9XWZ4',
	nameAsPrinted: 'Łucja Żółkiewska-Gęślak',
	courseTitle: 'Kompetencje międzykulturowe: Bliski i Daleki Wschód',
	hours: 5,
	completedAt: new Date('2026-11-25T23:30:00Z'),
	issuer: 'Akademia współpracy międzynarodowej samorządów',
	issuedAt: new Date('2026-11-26T10:05:00Z')
};
const options: PrintOptions = {
	verifyUrl: 'https://akademia.example.pl/verify/K7M2Q-9XWZ4',
	wordingPl: 'potwierdza ukończenie kursu e-learningowego',
	wordingEn: 'certifies completion of the e-learning course',
	courseTitleEn: 'Intercultural competence: the Middle East and the Far East',
	bilingual: true
};

let n = 0;
function save(pdf: Uint8Array): string {
	const path = join(dir, `c${++n}.pdf`);
	writeFileSync(path, pdf);
	return path;
}

const text = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });

function decodeQr(path: string): string | undefined {
	execFileSync('pdftoppm', ['-png', '-r', '150', '-singlefile', path, path]);
	const png = PNG.sync.read(readFileSync(`${path}.png`));
	return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
}

describe('certificate PDF', () => {
	it('prints the Polish name, course title, dates, hours, code and link intact', async () => {
		const out = text(save(await renderCertificatePdf(cert, options)));
		expect(out).toContain('ZAŚWIADCZENIE');
		// The name is a labelled field in the nominative, never after "wydane dla" (which needs the genitive).
		expect(out).toContain('Imię i nazwisko');
		expect(out).not.toContain('wydane dla');
		expect(out).toContain('Łucja Żółkiewska-Gęślak');
		expect(out).toContain('„Kompetencje międzykulturowe: Bliski i Daleki Wschód”');
		expect(out).toContain('AKADEMIA WSPÓŁPRACY MIĘDZYNARODOWEJ SAMORZĄDÓW');
		// Completed late on 25 November UTC, which is already 26 November in Poland.
		expect(out).toContain('w wymiarze 5 godzin; data ukończenia: 26 listopada 2026 r.');
		expect(out).toContain('K7M2Q-9XWZ4');
		expect(out).toContain('https://akademia.example.pl/verify/K7M2Q-9XWZ4');
		// The English line wraps where the layout decides: compare it with the line breaks taken out.
		expect(out.replace(/\s+/g, ' ')).toContain(
			'certifies completion of the e-learning course “Intercultural competence'
		);
		// The certificate is what certifies, not the person named above it.
		expect(out).toContain('Niniejsze zaświadczenie potwierdza ukończenie kursu e-learningowego');
		expect(out).not.toContain('?');
	});

	it('prints names with other Latin diacritics intact (Czech, Vietnamese, Danish, Turkish, German)', async () => {
		const name = 'Antonín Dvořák-Nguyễn Ørsted Şahin Groß';
		const out = text(save(await renderCertificatePdf({ ...cert, nameAsPrinted: name }, options)));
		expect(out).toContain(name);
		expect(out).not.toContain('?');
	});

	it('leaves English out of a course that is not bilingual', async () => {
		const out = text(save(await renderCertificatePdf(cert, { ...options, bilingual: false })));
		expect(out).toContain('Łucja Żółkiewska-Gęślak');
		expect(out).not.toContain('CERTIFICATE');
		expect(out).not.toContain('Intercultural');
	});

	it('carries a QR code that a phone reads as the verification link', async () => {
		const path = save(await renderCertificatePdf(cert, options));
		expect(decodeQr(path)).toBe('https://akademia.example.pl/verify/K7M2Q-9XWZ4');
	});

	it('gives the same bytes on every download, and different bytes for another certificate', async () => {
		const a = await renderCertificatePdf(cert, options);
		await new Promise((r) => setTimeout(r, 5));
		const b = await renderCertificatePdf({ ...cert }, { ...options });
		expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
		const other = await renderCertificatePdf({ ...cert, code: 'AAAAA-BBBBB' }, options);
		expect(Buffer.from(a).equals(Buffer.from(other))).toBe(false);
		const info = execFileSync('pdfinfo', ['-isodates', save(a)], { encoding: 'utf8' });
		expect(info).toMatch(/CreationDate:\s+2026-11-26T10:05:00Z/);
		expect(info).toMatch(/ModDate:\s+2026-11-26T10:05:00Z/);
		expect(info).toMatch(/Producer:\s+Akademia/);
		expect(info).toMatch(/Page size:\s+841.89 x 595.28 pts \(A4\)/);
		expect(Buffer.from(a).toString('latin1')).toMatch(/\/ID \[ <[0-9a-f]{32}> <[0-9a-f]{32}> \]/i);
	});

	it('keeps every letter readable when an earlier certificate drew it only inside ź, ż or ą', async () => {
		// Regression: the parsed font is shared by every render in the process. Subsetting "Ż" creates the glyph
		// object of its component "Z" without a character, and a later certificate that drew "Z" itself copied and
		// read it as a gap ("QZXD0" came out as "Q XD0"). A fresh module copy starts from a cold font cache.
		vi.resetModules();
		const fresh = await import('$lib/server/certificates/pdf');
		const first = { ...cert, code: 'AAAAA-BBBBB', nameAsPrinted: 'Żaneta Źrebięcka-Ąbel' };
		await fresh.renderCertificatePdf(first, {
			...options,
			verifyUrl: 'https://akademia.example.pl/verify/AAAAA-BBBBB'
		});
		const second = { ...cert, code: 'QZXD0-N39QA', nameAsPrinted: 'Zenon Zaorski-Ebel' };
		const verifyUrl = 'https://akademia.example.pl/verify/QZXD0-N39QA';
		const out = text(save(await fresh.renderCertificatePdf(second, { ...options, verifyUrl })));
		expect(out).toContain('Zenon Zaorski-Ebel');
		expect(out).toContain('QZXD0-N39QA');
		expect(out).toContain(verifyUrl);
		expect(out).toContain('This certificate, issued to Zenon Zaorski-Ebel, certifies');
		expect(out).toContain('Niniejsze zaświadczenie potwierdza ukończenie kursu e-learningowego');
	});

	it('embeds a subset of the shipped font, not the whole file', async () => {
		const pdf = await renderCertificatePdf(cert, options);
		const fonts = execFileSync('pdffonts', [save(pdf)], { encoding: 'utf8' });
		expect(fonts).toContain('DejaVuSans-Bold');
		expect(fonts).toMatch(/DejaVuSans\s/);
		expect(pdf.length).toBeLessThan(120_000);
	});

	it('shrinks a very long name to fit the page instead of clipping it', async () => {
		const name = 'Maria-Magdalena Konstancja Szczebrzeszyńska-Żółtowska-Wańkowicz-Brzęczyszczykiewicz';
		const path = save(await renderCertificatePdf({ ...cert, nameAsPrinted: name }, options));
		expect(text(path).replace(/\s+/g, ' ')).toContain(name);
		const bbox = execFileSync('pdftotext', ['-bbox', path, '-'], { encoding: 'utf8' });
		const xMax = Math.max(...[...bbox.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1])));
		const xMin = Math.min(...[...bbox.matchAll(/xMin="([\d.]+)"/g)].map((m) => Number(m[1])));
		// Inside the inner frame (30 pt from the edges of an 841.89 pt wide page).
		expect(xMin).toBeGreaterThan(30);
		expect(xMax).toBeLessThan(841.89 - 30);
	});
});
