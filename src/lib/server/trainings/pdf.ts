// PDFs of a training with the certificates' stack (pdf-lib + DejaVu Sans, every Polish letter): the programme,
// and the sign-in sheet (lista obecności) of one session with names, offices and a signature column.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { loadCertificateFonts } from '../certificates/fonts';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 50;
const INK = rgb(0.106, 0.122, 0.141);
const LINE = rgb(0.55, 0.55, 0.55);

interface Fonts {
	regular: PDFFont;
	bold: PDFFont;
}

async function newDocument(title: string, when: Date) {
	const doc = await PDFDocument.create();
	doc.registerFontkit(fontkit);
	const fonts = loadCertificateFonts();
	const regular = await doc.embedFont(fonts.regular, { subset: true });
	const bold = await doc.embedFont(fonts.bold, { subset: true });
	doc.setTitle(title);
	doc.setProducer('Akademia');
	doc.setCreator('Akademia');
	doc.setCreationDate(when);
	doc.setModificationDate(when);
	return { doc, fonts: { regular, bold } };
}

/** Splits text into lines that fit `width` at `size`. */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
	const lines: string[] = [];
	for (const paragraph of text.normalize('NFC').split(/\n/)) {
		let line = '';
		for (const word of paragraph.split(/\s+/).filter(Boolean)) {
			const candidate = line ? `${line} ${word}` : word;
			if (font.widthOfTextAtSize(candidate, size) <= width || !line) line = candidate;
			else {
				lines.push(line);
				line = word;
			}
		}
		lines.push(line);
	}
	return lines;
}

class Writer {
	page: PDFPage;
	y: number;
	constructor(
		private doc: PDFDocument,
		readonly fonts: Fonts
	) {
		this.page = doc.addPage([A4.width, A4.height]);
		this.y = A4.height - MARGIN;
	}
	ensure(height: number) {
		if (this.y - height < MARGIN) {
			this.page = this.doc.addPage([A4.width, A4.height]);
			this.y = A4.height - MARGIN;
			return true;
		}
		return false;
	}
	text(text: string, opts: { size?: number; bold?: boolean; x?: number; width?: number; gap?: number } = {}) {
		const size = opts.size ?? 10;
		const font = opts.bold ? this.fonts.bold : this.fonts.regular;
		const x = opts.x ?? MARGIN;
		for (const line of wrap(text, font, size, opts.width ?? A4.width - x - MARGIN)) {
			this.ensure(size * 1.4);
			this.page.drawText(line, { x, y: this.y - size, size, font, color: INK });
			this.y -= size * 1.4;
		}
		this.y -= opts.gap ?? 0;
	}
}

export interface ProgrammeToPrint {
	title: string;
	place: string;
	days: { heading: string; hours: string; items: { time: string; topic: string; trainer: string }[] }[];
	labels: { programme: string; place: string; time: string; topic: string; trainer: string };
}

export async function programmePdf(p: ProgrammeToPrint, when: Date): Promise<Uint8Array> {
	const { doc, fonts } = await newDocument(p.title, when);
	const w = new Writer(doc, fonts);
	w.text(p.labels.programme, { size: 11, gap: 4 });
	w.text(p.title, { size: 16, bold: true, gap: 6 });
	w.text(`${p.labels.place}: ${p.place}`, { gap: 10 });
	const cols = { time: MARGIN, topic: MARGIN + 80, trainer: MARGIN + 340 };
	for (const day of p.days) {
		w.ensure(60);
		w.text(`${day.heading} (${day.hours})`, { size: 12, bold: true, gap: 4 });
		w.text(p.labels.time, { bold: true, x: cols.time, width: 75 });
		w.y += 14;
		w.text(p.labels.topic, { bold: true, x: cols.topic, width: 250 });
		w.y += 14;
		w.text(p.labels.trainer, { bold: true, x: cols.trainer, width: A4.width - cols.trainer - MARGIN });
		for (const item of day.items) {
			const topicLines = wrap(item.topic, fonts.regular, 10, 250).length;
			const trainerLines = wrap(item.trainer, fonts.regular, 10, A4.width - cols.trainer - MARGIN).length;
			const height = Math.max(topicLines, trainerLines, 1) * 14;
			w.ensure(height + 4);
			const top = w.y;
			w.text(item.time, { x: cols.time, width: 75 });
			w.y = top;
			w.text(item.topic, { x: cols.topic, width: 250 });
			w.y = top;
			w.text(item.trainer || ' ', { x: cols.trainer, width: A4.width - cols.trainer - MARGIN });
			w.y = top - height - 4;
		}
		w.y -= 10;
	}
	return doc.save();
}

export interface SheetToPrint {
	title: string;
	session: string;
	when: string;
	place: string;
	people: { name: string; office: string }[];
	labels: { sheet: string; no: string; name: string; office: string; signature: string };
}

/** The sign-in sheet: one row per participant, a blank signature cell, headers repeated on each page. */
export async function signInSheetPdf(s: SheetToPrint, when: Date): Promise<Uint8Array> {
	const { doc, fonts } = await newDocument(`${s.labels.sheet}: ${s.title}`, when);
	const w = new Writer(doc, fonts);
	w.text(s.labels.sheet, { size: 16, bold: true, gap: 4 });
	w.text(s.title, { size: 12, bold: true, gap: 2 });
	if (s.session && s.session !== s.title) w.text(s.session, { gap: 2 });
	w.text(s.when, { gap: 2 });
	w.text(s.place, { gap: 12 });
	const cols = [
		{ x: MARGIN, w: 30 },
		{ x: MARGIN + 30, w: 170 },
		{ x: MARGIN + 200, w: 160 },
		{ x: MARGIN + 360, w: A4.width - 2 * MARGIN - 360 }
	];
	const header = () => {
		const top = w.y;
		[s.labels.no, s.labels.name, s.labels.office, s.labels.signature].forEach((label, i) => {
			w.y = top;
			w.text(label, { bold: true, x: cols[i].x + 4, width: cols[i].w - 8 });
		});
		w.y = top - 18;
		w.page.drawLine({ start: { x: MARGIN, y: w.y + 2 }, end: { x: A4.width - MARGIN, y: w.y + 2 }, color: LINE });
	};
	header();
	s.people.forEach((person, i) => {
		const nameLines = wrap(person.name, fonts.regular, 10, cols[1].w - 8).length;
		const officeLines = wrap(person.office, fonts.regular, 10, cols[2].w - 8).length;
		const height = Math.max(32, Math.max(nameLines, officeLines) * 14 + 10);
		if (w.ensure(height)) header();
		const top = w.y;
		const cells = [String(i + 1), person.name, person.office];
		cells.forEach((text, c) => {
			w.y = top - 6;
			w.text(text || ' ', { x: cols[c].x + 4, width: cols[c].w - 8 });
		});
		w.y = top - height;
		w.page.drawLine({ start: { x: MARGIN, y: w.y }, end: { x: A4.width - MARGIN, y: w.y }, color: LINE });
		for (const col of [...cols.slice(1), { x: A4.width - MARGIN, w: 0 }])
			w.page.drawLine({ start: { x: col.x, y: top + 2 }, end: { x: col.x, y: w.y }, color: LINE });
	});
	return doc.save();
}
