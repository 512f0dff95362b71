// A plain A4 document of headed tables (a training record, lists): title, a few lines about it, then sections
// with a table each; rows wrap and continue on the next page with the header repeated; "page N of M" below.
// The strings arrive already translated and formatted: this module only lays them out, with the shipped
// DejaVu font so every Polish letter prints and copies as itself.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { loadCertificateFonts } from '../certificates/fonts';

export interface TableSection {
	heading: string;
	/** Column headers and their share of the width (shares add up to 1). */
	columns: { label: string; share: number }[];
	rows: string[][];
	/** Shown instead of the table when there are no rows. */
	empty: string;
}

export interface TableDocument {
	title: string;
	lines: string[];
	sections: TableSection[];
	/** "strona {page} z {pages}" with the numbers filled in. */
	pageLabel: (page: number, pages: number) => string;
	/** Fixed metadata dates keep the bytes the same for the same content. */
	createdAt: Date;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
const INK = rgb(0.106, 0.122, 0.141);
const MUTED = rgb(0.29, 0.325, 0.376);
const LINE = rgb(0.75, 0.78, 0.82);
const SIZE = 10;
const LEADING = 13;

function wrap(font: PDFFont, text: string, size: number, width: number): string[] {
	const lines: string[] = [];
	for (const paragraph of text.normalize('NFC').split('\n')) {
		let line = '';
		for (const word of paragraph.split(/\s+/).filter(Boolean)) {
			const next = line ? `${line} ${word}` : word;
			if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
			else {
				lines.push(line);
				line = word;
			}
		}
		lines.push(line);
	}
	return lines;
}

export async function renderTableDocument(doc: TableDocument): Promise<Uint8Array> {
	const pdf = await PDFDocument.create();
	pdf.registerFontkit(fontkit);
	const fonts = loadCertificateFonts();
	const regular = await pdf.embedFont(fonts.regular, { subset: true });
	const bold = await pdf.embedFont(fonts.bold, { subset: true });
	pdf.setTitle(doc.title);
	pdf.setLanguage('pl');
	pdf.setProducer('Akademia');
	pdf.setCreator('Akademia');
	pdf.setCreationDate(doc.createdAt);
	pdf.setModificationDate(doc.createdAt);

	const width = A4.width - 2 * MARGIN;
	let page: PDFPage = pdf.addPage([A4.width, A4.height]);
	let y = A4.height - MARGIN;
	const newPage = () => {
		page = pdf.addPage([A4.width, A4.height]);
		y = A4.height - MARGIN;
	};
	const text = (t: string, x: number, font: PDFFont, size = SIZE, color = INK) =>
		page.drawText(t, { x, y, font, size, color });

	for (const line of wrap(bold, doc.title, 18, width)) {
		y -= 22;
		text(line, MARGIN, bold, 18);
	}
	y -= 6;
	for (const line of doc.lines.flatMap((l) => wrap(regular, l, SIZE, width))) {
		y -= LEADING;
		text(line, MARGIN, regular, SIZE, MUTED);
	}

	for (const section of doc.sections) {
		if (y < MARGIN + 80) newPage();
		y -= 28;
		text(section.heading, MARGIN, bold, 13);
		const xs = section.columns.reduce<number[]>((acc, c, i) => {
			acc.push(i === 0 ? MARGIN : acc[i - 1] + section.columns[i - 1].share * width);
			return acc;
		}, []);
		const cellWidth = (i: number) => section.columns[i].share * width - 6;
		const header = () => {
			y -= 18;
			section.columns.forEach((c, i) => text(c.label, xs[i], bold, 9, MUTED));
			page.drawLine({ start: { x: MARGIN, y: y - 4 }, end: { x: MARGIN + width, y: y - 4 }, color: LINE });
		};
		if (section.rows.length === 0) {
			y -= 18;
			text(section.empty, MARGIN, regular);
			continue;
		}
		header();
		for (const row of section.rows) {
			const cells = row.map((cell, i) => wrap(regular, cell, SIZE, cellWidth(i)));
			const height = Math.max(...cells.map((c) => c.length)) * LEADING + 6;
			if (y - height < MARGIN + 20) {
				newPage();
				header();
			}
			const top = y - 4;
			cells.forEach((lines, i) =>
				lines.forEach((line, j) => {
					y = top - LEADING * (j + 1);
					text(line, xs[i], regular);
				})
			);
			y = top - height;
			page.drawLine({ start: { x: MARGIN, y: y + 2 }, end: { x: MARGIN + width, y: y + 2 }, color: LINE });
		}
	}

	const pages = pdf.getPages();
	pages.forEach((p, i) => {
		const label = doc.pageLabel(i + 1, pages.length);
		p.drawText(label, {
			x: A4.width - MARGIN - regular.widthOfTextAtSize(label, 8),
			y: MARGIN / 2,
			font: regular,
			size: 8,
			color: MUTED
		});
	});
	return pdf.save({ useObjectStreams: false });
}
