// Renders a certificate as an A4 landscape PDF. Deterministic: the same row gives the same bytes (dates, producer
// and document ID come from the row, the font subset gets a fixed name), so a re-download matches the first.
import fontkit from '@pdf-lib/fontkit';
import { createHash } from 'node:crypto';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import {
	concatTransformationMatrix,
	fill,
	PDFDocument,
	PDFHexString,
	PDFName,
	popGraphicsState,
	pushGraphicsState,
	rectangle,
	rgb,
	setFillingRgbColor,
	type PDFFont,
	type PDFPage
} from 'pdf-lib';
import QRCode from 'qrcode';
import { loadCertificateFonts } from './fonts';
import { dateLongEn, dateLongPl, hoursEn, hoursPl } from './wording';

export interface CertificateToPrint {
	code: string;
	nameAsPrinted: string;
	courseTitle: string;
	hours: number;
	completedAt: Date;
	issuer: string;
	issuedAt: Date;
}

export interface PrintOptions {
	/** The public verification page of this certificate (printed and in the QR code). */
	verifyUrl: string;
	/** From course.md, completing "Niniejsze zaświadczenie …": e.g. "potwierdza ukończenie kursu e-learningowego". */
	wordingPl: string;
	wordingEn?: string;
	courseTitleEn?: string;
	bilingual: boolean;
}

const PAGE = { width: 841.89, height: 595.28 };
const MARGIN = 70;
const BRAND = rgb(0.114, 0.247, 0.447);
const INK = rgb(0.106, 0.122, 0.141);
const MUTED = rgb(0.29, 0.325, 0.376);

// Speed (see scripts/bench-certificates.ts): parsing the 700 kB font took most of a render, and so did OpenType
// shaping, whose kerning pdf-lib throws away (it draws advance widths only). So one parsed font serves every
// document (pdf-lib still makes its own subset for each), and text maps straight to glyphs through the font's
// character map: the same glyphs for Latin text once it is NFC-normalised (precomposed ą, ż, ő ...).
type FontkitFont = ReturnType<typeof fontkit.create>;
const parsedFonts = new Map<Uint8Array, FontkitFont>();
const cachedFontkit: typeof fontkit = {
	...fontkit,
	create(bytes: Uint8Array, postscriptName?: string) {
		let font = parsedFonts.get(bytes);
		if (!font) {
			font = fontkit.create(bytes, postscriptName);
			const plain = font;
			Object.assign(font, {
				layout: (text: string) => ({ glyphs: glyphsWithCodePoints(plain, text), positions: [] })
			});
			parsedFonts.set(bytes, font);
		}
		return font;
	}
};

/**
 * fontkit caches one glyph object per glyph ID in the font. Subsetting a composite glyph (ź = z + acute) creates
 * its components' glyph objects with no code points, and once the font is shared across documents a later
 * certificate that draws that "z" itself would get an empty ToUnicode entry: it looks right but copies, searches
 * and reads aloud as a gap. So every drawn glyph gets its character back before pdf-lib builds the ToUnicode map.
 */
function glyphsWithCodePoints(font: FontkitFont, text: string) {
	return Array.from(text.normalize('NFC'), (char) => {
		const codePoint = char.codePointAt(0) ?? 0;
		const glyph = font.glyphForCodePoint(codePoint);
		if (glyph.codePoints.length === 0) glyph.codePoints = [codePoint];
		return glyph;
	});
}

/** The largest size up to `max` at which the text fits the width (long names shrink instead of being clipped). */
export function fitSize(font: PDFFont, text: string, max: number, width: number): number {
	const atOne = font.widthOfTextAtSize(text, 1);
	return atOne === 0 ? max : Math.min(max, Math.floor((width / atOne) * 10) / 10);
}

/**
 * The name on one line at up to 32 pt; a very long one that would drop below 20 pt goes on two balanced lines
 * instead, and shrinks further only if it must (nothing is ever clipped).
 */
export function nameLayout(font: PDFFont, name: string, width: number): { lines: string[]; size: number } {
	const single = fitSize(font, name, 32, width);
	const words = name.split(' ');
	if (single >= 20 || words.length < 2) return { lines: [name], size: single };
	let best = { lines: [name], size: single };
	for (let i = 1; i < words.length; i++) {
		const lines = [words.slice(0, i).join(' '), words.slice(i).join(' ')];
		const size = Math.min(26, ...lines.map((l) => fitSize(font, l, 32, width)));
		if (size > best.size) best = { lines, size };
	}
	return best;
}

/** Greedy word wrap to the width at a given size. */
function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/)) {
		const next = line ? `${line} ${word}` : word;
		if (line && font.widthOfTextAtSize(next, size) > width) {
			lines.push(line);
			line = word;
		} else line = next;
	}
	if (line) lines.push(line);
	return lines;
}

function centered(page: PDFPage, text: string, y: number, font: PDFFont, size: number, color = INK) {
	const x = (PAGE.width - font.widthOfTextAtSize(text, size)) / 2;
	page.drawText(text, { x, y, font, size, color });
}

/**
 * The QR code as vector squares: one path of rectangles (runs of dark modules merged per row) drawn in module
 * units under a scaling matrix, so the coordinates are small integers and the path is filled once.
 */
function drawQr(page: PDFPage, text: string, x: number, y: number, size: number) {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const quiet = 2;
	const cells = modules.size + 2 * quiet;
	const ops = [
		pushGraphicsState(),
		setFillingRgbColor(1, 1, 1),
		rectangle(x, y, size, size),
		fill(),
		concatTransformationMatrix(size / cells, 0, 0, size / cells, x, y),
		setFillingRgbColor(0, 0, 0)
	];
	for (let row = 0; row < modules.size; row++) {
		let col = 0;
		while (col < modules.size) {
			if (!modules.get(row, col)) {
				col++;
				continue;
			}
			const start = col;
			while (col < modules.size && modules.get(row, col)) col++;
			ops.push(rectangle(quiet + start, cells - quiet - row - 1, col - start, 1));
		}
	}
	ops.push(fill(), popGraphicsState());
	page.pushOperators(...ops);
}

interface Fonts {
	regular: PDFFont;
	bold: PDFFont;
}

/** The text width inside the margins. */
const INNER = PAGE.width - 2 * MARGIN;

/** The certificate, drawn top to bottom, step by step; each step takes the height `y` where the last one ended. */
export async function renderCertificatePdf(cert: CertificateToPrint, options: PrintOptions): Promise<Uint8Array> {
	const doc = await PDFDocument.create({ updateMetadata: false });
	const fonts = await embedFonts(doc);
	const page = doc.addPage([PAGE.width, PAGE.height]);
	drawFrame(page);
	let y = drawHeading(page, fonts, cert.issuer, options.bilingual);
	y = drawName(page, fonts, cert.nameAsPrinted, y, options.bilingual);
	y = drawCourse(page, fonts, cert, options, y);
	if (options.bilingual) drawEnglishSummary(page, fonts, cert, options, y);
	drawIssue(page, fonts, cert, options.bilingual);
	drawVerification(page, fonts, cert.code, options);
	setDocumentInfo(doc, cert, options);
	return doc.save();
}

/** DejaVu Sans, regular and bold, subset with fixed names (part of the same-bytes promise). */
async function embedFonts(doc: PDFDocument): Promise<Fonts> {
	const fonts = loadCertificateFonts();
	doc.registerFontkit(cachedFontkit);
	const regular = await doc.embedFont(fonts.regular, { subset: true, customName: 'AKDMAA+DejaVuSans' });
	const bold = await doc.embedFont(fonts.bold, { subset: true, customName: 'AKDMAB+DejaVuSans-Bold' });
	return { regular, bold };
}

/** Frame: a strong outer line and a thin inner one. */
function drawFrame(page: PDFPage) {
	page.drawRectangle({
		x: 22,
		y: 22,
		width: PAGE.width - 44,
		height: PAGE.height - 44,
		borderColor: BRAND,
		borderWidth: 3
	});
	page.drawRectangle({
		x: 30,
		y: 30,
		width: PAGE.width - 60,
		height: PAGE.height - 60,
		borderColor: BRAND,
		borderWidth: 0.75
	});
}

/** The issuer in capitals over a short rule, then ZAŚWIADCZENIE (and CERTIFICATE). */
function drawHeading(page: PDFPage, { regular, bold }: Fonts, issuerName: string, bilingual: boolean): number {
	const issuer = issuerName.toLocaleUpperCase('pl-PL');
	centered(page, issuer, PAGE.height - 78, bold, fitSize(bold, issuer, 13, INNER), BRAND);
	page.drawLine({
		start: { x: PAGE.width / 2 - 60, y: PAGE.height - 92 },
		end: { x: PAGE.width / 2 + 60, y: PAGE.height - 92 },
		thickness: 1,
		color: BRAND
	});

	let y = PAGE.height - 145;
	centered(page, 'ZAŚWIADCZENIE', y, bold, 40, BRAND);
	if (bilingual) centered(page, 'CERTIFICATE', (y -= 24), regular, 14, MUTED);
	return y;
}

/** The labelled name (one line or two, see nameLayout) with a rule under it. */
function drawName(page: PDFPage, { regular, bold }: Fonts, name: string, y: number, bilingual: boolean): number {
	y -= 40;
	// A label, not "wydane dla": after "dla" the name would need the genitive, which no rule gets right for
	// every Polish name; as a labelled field it stays in the nominative.
	centered(page, bilingual ? 'Imię i nazwisko / Name' : 'Imię i nazwisko', y, regular, 12, MUTED);
	y -= 44;
	const nameLines = nameLayout(bold, name, INNER);
	// Two lines are centred on where one would be; the rule goes under the last.
	const leading = nameLines.size * 1.15;
	y += ((nameLines.lines.length - 1) * leading) / 2;
	for (const [i, line] of nameLines.lines.entries()) {
		if (i > 0) y -= leading;
		centered(page, line, y, bold, nameLines.size, INK);
	}
	page.drawLine({
		start: { x: MARGIN + 90, y: y - 12 },
		end: { x: PAGE.width - MARGIN - 90, y: y - 12 },
		thickness: 0.5,
		color: MUTED
	});
	return y;
}

/** The course's wording, its title (wrapped) and the hours with the completion date. */
function drawCourse(
	page: PDFPage,
	{ regular, bold }: Fonts,
	cert: CertificateToPrint,
	options: PrintOptions,
	y: number
): number {
	y -= 42;
	// The certificate is the subject ("…potwierdza ukończenie"): under the name alone, the wording read as if the
	// person were certifying. A gendered "ukończył(a)" would need a sex the app does not ask for.
	const wording = `Niniejsze zaświadczenie ${options.wordingPl}`;
	centered(page, wording, y, regular, fitSize(regular, wording, 14, INNER), INK);
	const title = `„${cert.courseTitle}”`;
	const titleSize = Math.max(14, fitSize(bold, title, 22, INNER));
	for (const line of wrap(bold, title, titleSize, INNER)) {
		y -= titleSize + 8;
		centered(page, line, y, bold, titleSize, INK);
	}
	y -= 24;
	const details = `w wymiarze ${hoursPl(cert.hours)}; data ukończenia: ${dateLongPl(cert.completedAt)}`;
	centered(page, details, y, regular, fitSize(regular, details, 13, INNER), INK);
	return y;
}

/** A bilingual certificate says it all once more in one English paragraph. */
function drawEnglishSummary(
	page: PDFPage,
	{ regular }: Fonts,
	cert: CertificateToPrint,
	options: PrintOptions,
	y: number
): number {
	const en =
		`This certificate, issued to ${cert.nameAsPrinted}, ${options.wordingEn ?? 'certifies completion of the course'} ` +
		`“${options.courseTitleEn ?? cert.courseTitle}” (${hoursEn(cert.hours)}), completed on ${dateLongEn(cert.completedAt)}.`;
	y -= 10;
	for (const line of wrap(regular, en, 10.5, INNER - 80)) {
		y -= 15;
		centered(page, line, y, regular, 10.5, MUTED);
	}
	return y;
}

const BOTTOM = 58;
const QR_SIZE = 96;

/** Bottom left: the date of issue and the issuer. */
function drawIssue(page: PDFPage, { regular, bold }: Fonts, cert: CertificateToPrint, bilingual: boolean) {
	const issued = `Data wydania: ${dateLongPl(cert.issuedAt)}`;
	page.drawText(issued, { x: MARGIN, y: BOTTOM + 46, font: bold, size: 11, color: INK });
	if (bilingual)
		page.drawText(`Date of issue: ${dateLongEn(cert.issuedAt)}`, {
			x: MARGIN,
			y: BOTTOM + 31,
			font: regular,
			size: 9.5,
			color: MUTED
		});
	const issuerLine = `Wystawca: ${cert.issuer}`;
	page.drawText(issuerLine, {
		x: MARGIN,
		y: BOTTOM + 12,
		font: regular,
		size: fitSize(regular, issuerLine, 10, 330),
		color: INK
	});
}

/** Bottom right: the QR code, and beside it the code and the verification link, right-aligned. */
function drawVerification(page: PDFPage, { regular, bold }: Fonts, code: string, options: PrintOptions) {
	const { bilingual } = options;
	const qrX = PAGE.width - MARGIN - QR_SIZE + 6;
	drawQr(page, options.verifyUrl, qrX, BOTTOM - 8, QR_SIZE);
	const right = qrX - 10;
	const textWidth = 300;
	const rightAligned = (text: string, yy: number, font: PDFFont, max: number, color = INK) => {
		const size = fitSize(font, text, max, textWidth);
		page.drawText(text, { x: right - font.widthOfTextAtSize(text, size), y: yy, font, size, color });
	};
	rightAligned(
		bilingual ? 'Kod zaświadczenia / Certificate code' : 'Kod zaświadczenia',
		BOTTOM + 62,
		regular,
		9.5,
		MUTED
	);
	rightAligned(code, BOTTOM + 44, bold, 15);
	rightAligned(
		bilingual ? 'Sprawdź autentyczność / Verify at:' : 'Sprawdź autentyczność:',
		BOTTOM + 26,
		regular,
		9.5,
		MUTED
	);
	rightAligned(options.verifyUrl, BOTTOM + 12, regular, 9.5);
}

/** Metadata from the row only (dates, a document ID hashed from what is printed), so the bytes never change. */
function setDocumentInfo(doc: PDFDocument, cert: CertificateToPrint, options: PrintOptions) {
	doc.setTitle(`Zaświadczenie ${cert.code}`);
	doc.setAuthor(cert.issuer);
	doc.setSubject(cert.courseTitle);
	doc.setCreator('Akademia');
	doc.setProducer('Akademia (pdf-lib)');
	doc.setLanguage('pl-PL');
	doc.setCreationDate(cert.issuedAt);
	doc.setModificationDate(cert.issuedAt);
	const id = createHash('sha256')
		.update(JSON.stringify([cert, options]))
		.digest('hex')
		.slice(0, 32);
	doc.context.trailerInfo.ID = doc.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
	// Opens at the page's size in viewers that honour it.
	doc.catalog.set(PDFName.of('PageLayout'), PDFName.of('SinglePage'));
}

/**
 * The built server renders certificates in a worker thread (print.ts): ~20 ms of CPU each would otherwise hold up
 * every other request. This module is also that worker's entry: imported in a worker started with this mark, it
 * renders what the main thread sends, with the same code, fonts and hence the same bytes.
 */
export const PDF_WORKER_ENTRY = import.meta.url;
export const PDF_WORKER_MARK = 'akademia-certificate-pdf';

if (!isMainThread && workerData === PDF_WORKER_MARK && parentPort) {
	const port = parentPort;
	// One certificate at a time, in order: started together, renders interleave at their awaits and all finish
	// (and answer) at the end of the batch, each holding its document in memory until then.
	let queue = Promise.resolve();
	port.on('message', (job: { id: number; cert: CertificateToPrint; options: PrintOptions }) => {
		queue = queue.then(async () => {
			try {
				port.postMessage({ id: job.id, bytes: await renderCertificatePdf(job.cert, job.options) });
			} catch (e) {
				port.postMessage({ id: job.id, error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
			}
		});
	});
}
