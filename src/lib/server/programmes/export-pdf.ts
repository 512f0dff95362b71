// The programme as an A4 PDF: the same outline as the Word file (resolution, title page, contents with page
// numbers, numbered chapters, bordered tables whose header repeats on a new page), set in the shipped DejaVu font
// so every Polish letter prints and copies as itself. Placeholders keep a yellow mark, as in the Word file.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import type { ProgrammeContent } from '$lib/programmes/model';
import { loadCertificateFonts } from '../certificates/fonts';
import { buildOutline, type Block, type Cell, type ExportMeta, type ProgrammeOutline } from './export-outline';

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 60;
const BOTTOM = MARGIN + 10;
const WIDTH = A4.width - 2 * MARGIN;
const INK = rgb(0.106, 0.122, 0.141);
const MUTED = rgb(0.29, 0.325, 0.376);
const LINE = rgb(0.75, 0.78, 0.82);
const HEADER_FILL = rgb(0.91, 0.925, 0.94);
const MARK = rgb(1, 0.95, 0.55);
const SIZE = 10.5;
const LEADING = 14;
const PAD = 4;

interface Fonts {
	regular: PDFFont;
	bold: PDFFont;
}

const charWidths = new WeakMap<PDFFont, Map<number, Map<string, number>>>();

/**
 * The width of `text` as the sum of its characters' widths, each measured once per font and size (a measurement
 * is a full font layout; measuring every prefix of a long word was cubic). Kerning is not applied by pdf-lib's
 * own measure either, so the sum is the same number for plain text.
 */
export function measurer(font: PDFFont, size: number): (text: string) => number {
	let bySize = charWidths.get(font);
	if (!bySize) charWidths.set(font, (bySize = new Map()));
	let widths = bySize.get(size);
	if (!widths) bySize.set(size, (widths = new Map()));
	const cache = widths;
	const char = (c: string) => {
		let w = cache.get(c);
		if (w === undefined) cache.set(c, (w = font.widthOfTextAtSize(c, size)));
		return w;
	};
	return (text: string) => {
		let w = 0;
		for (const c of text) w += char(c);
		return w;
	};
}

/** Lines that fit `width`; a word longer than the line (an address) is broken by characters. Linear in the text. */
export function wrapText(font: PDFFont, text: string, size: number, width: number): string[] {
	const measure = measurer(font, size);
	const space = measure(' ');
	const lines: string[] = [];
	for (const paragraph of text.normalize('NFC').split('\n')) {
		let line = '';
		let lineWidth = 0;
		for (const word of paragraph.split(/\s+/).filter(Boolean)) {
			const wordWidth = measure(word);
			if (wordWidth > width) {
				// Break the word where the summed widths pass the line (at least one character per line).
				if (line) lines.push(line);
				let piece = '';
				let pieceWidth = 0;
				for (const c of word) {
					const w = measure(c);
					if (piece && pieceWidth + w > width) {
						lines.push(piece);
						piece = '';
						pieceWidth = 0;
					}
					piece += c;
					pieceWidth += w;
				}
				line = piece;
				lineWidth = pieceWidth;
				continue;
			}
			if (!line) {
				line = word;
				lineWidth = wordWidth;
			} else if (lineWidth + space + wordWidth <= width) {
				line += ` ${word}`;
				lineWidth += space + wordWidth;
			} else {
				lines.push(line);
				line = word;
				lineWidth = wordWidth;
			}
		}
		lines.push(line);
	}
	return lines;
}

class Layout {
	page: PDFPage;
	y = A4.height - MARGIN;
	headings: { text: string; level: 1 | 2; page: number }[] = [];

	constructor(
		readonly pdf: PDFDocument,
		readonly fonts: Fonts
	) {
		this.page = pdf.addPage([A4.width, A4.height]);
	}

	get pageIndex(): number {
		return this.pdf.getPageCount() - 1;
	}

	newPage() {
		this.page = this.pdf.addPage([A4.width, A4.height]);
		this.y = A4.height - MARGIN;
	}

	/** Starts a new page unless `height` still fits on this one. */
	ensure(height: number) {
		if (this.y - height < BOTTOM) this.newPage();
	}

	draw(text: string, x: number, y: number, font: PDFFont, size: number, color: RGB, mark = false) {
		if (mark && text)
			this.page.drawRectangle({
				x: x - 1,
				y: y - size * 0.25,
				width: font.widthOfTextAtSize(text, size) + 2,
				height: size * 1.15,
				color: MARK
			});
		this.page.drawText(text, { x, y, font, size, color });
	}

	paragraph(
		text: string,
		options: {
			font?: PDFFont;
			size?: number;
			color?: RGB;
			indent?: number;
			align?: 'left' | 'center' | 'right';
			after?: number;
			mark?: boolean;
			bullet?: boolean;
			leading?: number;
		} = {}
	) {
		const font = options.font ?? this.fonts.regular;
		const size = options.size ?? SIZE;
		const leading = options.leading ?? Math.max(LEADING, size * 1.3);
		const indent = (options.indent ?? 0) + (options.bullet ? 14 : 0);
		const width = WIDTH - indent;
		wrapText(font, text, size, width).forEach((line, i) => {
			this.ensure(leading);
			this.y -= leading;
			const w = font.widthOfTextAtSize(line, size);
			const x =
				options.align === 'center'
					? MARGIN + (WIDTH - w) / 2
					: options.align === 'right'
						? MARGIN + WIDTH - w
						: MARGIN + indent;
			if (options.bullet && i === 0) this.draw('•', x - 12, this.y, font, size, options.color ?? INK);
			this.draw(line, x, this.y, font, size, options.color ?? INK, options.mark);
		});
		this.y -= options.after ?? 6;
	}

	heading(text: string, level: 1 | 2) {
		if (level === 1) {
			this.newPage();
			this.headings.push({ text, level, page: this.pageIndex });
			this.paragraph(text, { font: this.fonts.bold, size: 16, after: 10 });
			return;
		}
		// Keep a section heading with at least three lines of what follows.
		this.ensure(24 + 3 * LEADING);
		this.y -= 8;
		this.headings.push({ text, level, page: this.pageIndex });
		this.paragraph(text, { font: this.fonts.bold, size: 12.5, after: 4 });
	}

	field(label: string, value: Cell) {
		const { regular, bold } = this.fonts;
		const head = `${label}: `;
		const headWidth = bold.widthOfTextAtSize(head, SIZE);
		const lines = wrapText(regular, value.text, SIZE, WIDTH - headWidth);
		lines.forEach((line, i) => {
			this.ensure(LEADING);
			this.y -= LEADING;
			if (i === 0) this.draw(head, MARGIN, this.y, bold, SIZE, INK);
			this.draw(line, MARGIN + headWidth, this.y, regular, SIZE, value.placeholder ? MUTED : INK, value.placeholder);
		});
		this.y -= 4;
	}

	table(block: Extract<Block, { kind: 'table' }>) {
		const { regular, bold } = this.fonts;
		const size = 9.5;
		const leading = 12.5;
		const xs: number[] = [];
		let x = MARGIN;
		for (const c of block.columns) {
			xs.push(x);
			x += c.share * WIDTH;
		}
		const widths = block.columns.map((c) => c.share * WIDTH);
		const fontOf = (c: Cell, header: boolean) => (header || c.bold ? bold : regular);
		const sum = (ns: number[]) => ns.reduce((a, b) => a + b, 0);

		/** Rows drawn together: a row and the rows below whose cells merge into it (a goal over its indicators). */
		const layoutGroup = (rows: Cell[][], header = false) => {
			const lines = rows.map((r) =>
				r.map((c, i) => (c.merged ? [] : wrapText(fontOf(c, header), c.text, size, widths[i] - 2 * PAD)))
			);
			const spans = rows.map((r, k) =>
				r.map((c, i) => {
					if (c.merged) return 0;
					let n = 1;
					while (rows[k + n]?.[i]?.merged) n++;
					return n;
				})
			);
			const need = (k: number, i: number) => lines[k][i].length * leading + 2 * PAD;
			const heights = rows.map((r, k) =>
				Math.max(leading + 2 * PAD, ...r.map((_, i) => (spans[k][i] === 1 ? need(k, i) : 0)))
			);
			rows.forEach((r, k) =>
				r.forEach((_, i) => {
					const n = spans[k][i];
					const have = sum(heights.slice(k, k + n));
					if (n > 1 && need(k, i) > have) heights[k + n - 1] += need(k, i) - have;
				})
			);
			return { rows, lines, spans, heights, total: sum(heights), header };
		};

		const drawGroup = (g: ReturnType<typeof layoutGroup>) => {
			const top = this.y;
			g.rows.forEach((r, k) => {
				const rowTop = top - sum(g.heights.slice(0, k));
				r.forEach((c, i) => {
					if (!g.spans[k][i]) return;
					const height = sum(g.heights.slice(k, k + g.spans[k][i]));
					this.page.drawRectangle({
						x: xs[i],
						y: rowTop - height,
						width: widths[i],
						height,
						color: g.header ? HEADER_FILL : undefined,
						borderColor: LINE,
						borderWidth: 0.6
					});
					const font = fontOf(c, g.header);
					const right = c.alignRight || (g.header && block.columns[i].alignRight);
					g.lines[k][i].forEach((line, j) => {
						const w = font.widthOfTextAtSize(line, size);
						const lx = right ? xs[i] + widths[i] - PAD - w : xs[i] + PAD;
						const ly = rowTop - PAD - leading * (j + 1) + 3;
						const color = g.header || c.placeholder ? MUTED : INK;
						this.draw(line, lx, ly, font, size, color, c.placeholder);
					});
				});
			});
			this.y = top - g.total;
		};

		const header = layoutGroup([block.columns.map((c) => ({ text: c.label }))], true);
		const groups: Cell[][][] = [];
		for (const row of block.rows) {
			const last = groups.at(-1);
			if (last && row.some((c) => c.merged)) last.push(row);
			else groups.push([row]);
		}
		// Keep the header with at least the first row.
		const first = block.rows[0] ? layoutGroup([block.rows[0]]).total : 0;
		this.ensure(header.total + first + 4);
		this.y -= 4;
		drawGroup(header);
		for (const rows of groups) {
			// A group that does not fit is split where the page ends; the merged text repeats on the next page.
			const filled = rows.map((r, k) =>
				r.map((c, i) => (c.merged ? rows.slice(0, k).findLast((above) => !above[i].merged)![i] : c))
			);
			let start = 0;
			let fresh = false;
			while (start < rows.length) {
				let n = rows.length - start;
				const chunk = (count: number) => layoutGroup([filled[start], ...rows.slice(start + 1, start + count)]);
				let g = chunk(n);
				while (n > 1 && this.y - g.total < BOTTOM) g = chunk(--n);
				if (this.y - g.total < BOTTOM && !fresh) {
					this.newPage();
					drawGroup(header);
					fresh = true;
					continue;
				}
				if (this.y - g.total < BOTTOM) {
					// One row taller than a page: its lines go on across pages (the rest of each cell follows).
					const room = Math.max(1, Math.floor((this.y - BOTTOM - 2 * PAD) / leading));
					const part = (from: number, to?: number) =>
						filled[start].map((c, i) => ({ ...c, text: g.lines[0][i].slice(from, to).join('\n') }));
					drawGroup(layoutGroup([part(0, room)]));
					filled[start] = part(room);
					fresh = false;
					continue;
				}
				drawGroup(g);
				fresh = false;
				start += n;
			}
		}
		this.y -= 10;
	}

	block(block: Block) {
		switch (block.kind) {
			case 'heading':
				return this.heading(block.text, block.level);
			case 'paragraph':
				return this.paragraph(block.text, {
					color: block.note || block.placeholder ? MUTED : INK,
					size: block.note ? 9.5 : SIZE,
					mark: block.placeholder
				});
			case 'field':
				return this.field(block.label, block.value);
			case 'list':
				for (const item of block.items)
					this.paragraph(item.text, {
						bullet: true,
						after: 3,
						mark: item.placeholder,
						color: item.placeholder ? MUTED : INK
					});
				this.y -= 3;
				return;
			case 'table':
				return this.table(block);
		}
	}
}

function resolution(layout: Layout, outline: ProgrammeOutline) {
	const r = outline.resolution;
	if (!r) return;
	const { bold, regular } = layout.fonts;
	layout.y -= 20;
	r.heading.forEach((line, i) =>
		layout.paragraph(line, {
			font: i === 2 ? regular : bold,
			size: 12,
			align: 'center',
			after: i === r.heading.length - 1 ? 24 : 2
		})
	);
	layout.paragraph(r.basis, { after: 12 });
	for (const p of r.paragraphs) layout.paragraph(`${p.mark} ${p.text}`, { after: 8 });
	layout.y -= 16;
	layout.paragraph(r.justificationTitle, { font: bold, size: 12, align: 'center', after: 8 });
	layout.paragraph(outline.placeholder, { color: MUTED, mark: true, after: 24 });
	layout.paragraph(r.notesTitle, { font: bold, size: 9.5, color: MUTED, after: 4 });
	for (const note of r.notes) layout.paragraph(note, { size: 9.5, color: MUTED, bullet: true, after: 4 });
	layout.newPage();
}

function titlePage(layout: Layout, outline: ProgrammeOutline) {
	const { bold, regular } = layout.fonts;
	if (outline.resolution) layout.paragraph(outline.resolution.annexLine, { size: 9.5, align: 'right' });
	layout.y = A4.height * 0.62;
	layout.paragraph(outline.title, { font: bold, size: 22, align: 'center', leading: 29, after: 36 });
	layout.paragraph(outline.office, { font: bold, size: 13, align: 'center', after: 8 });
	layout.paragraph(outline.dateLine, { font: regular, size: 12, align: 'center', after: 80 });
	layout.paragraph(outline.draftNote, { size: 9.5, color: MUTED, align: 'center' });
}

const TOC_LINE = 18;
const TOC_TITLE = 40;

function tocPagesNeeded(outline: ProgrammeOutline): number {
	const entries = outline.chapters.flatMap((c) => c.blocks).filter((b) => b.kind === 'heading').length;
	const firstPage = Math.floor((A4.height - MARGIN - BOTTOM - TOC_TITLE) / TOC_LINE);
	const otherPages = Math.floor((A4.height - MARGIN - BOTTOM) / TOC_LINE);
	return entries <= firstPage ? 1 : 1 + Math.ceil((entries - firstPage) / otherPages);
}

function drawToc(
	pdf: PDFDocument,
	fonts: Fonts,
	outline: ProgrammeOutline,
	first: number,
	headings: Layout['headings']
) {
	let index = first;
	let page = pdf.getPage(index);
	let y = A4.height - MARGIN - 24;
	page.drawText(outline.tocTitle, { x: MARGIN, y, font: fonts.bold, size: 16, color: INK });
	y -= TOC_TITLE - 24;
	for (const h of headings) {
		if (y - TOC_LINE < BOTTOM) {
			page = pdf.getPage(++index);
			y = A4.height - MARGIN;
		}
		y -= TOC_LINE;
		const font = h.level === 1 ? fonts.bold : fonts.regular;
		const size = h.level === 1 ? 10.5 : 10;
		const indent = h.level === 1 ? 0 : 18;
		const number = String(h.page + 1);
		const numberWidth = font.widthOfTextAtSize(number, size);
		const room = WIDTH - indent - numberWidth - 16;
		let text = h.text;
		if (font.widthOfTextAtSize(text, size) > room) {
			while (text.length > 1 && font.widthOfTextAtSize(`${text}…`, size) > room) text = text.slice(0, -1);
			text = `${text.trimEnd()}…`;
		}
		page.drawText(text, { x: MARGIN + indent, y, font, size, color: INK });
		const dotsFrom = MARGIN + indent + font.widthOfTextAtSize(text, size) + 6;
		const dotsTo = MARGIN + WIDTH - numberWidth - 6;
		const dot = fonts.regular.widthOfTextAtSize('.', size) + 1.5;
		for (let x = dotsFrom; x + dot <= dotsTo; x += dot)
			page.drawText('.', { x, y, font: fonts.regular, size, color: LINE });
		page.drawText(number, { x: MARGIN + WIDTH - numberWidth, y, font, size, color: INK });
	}
}

export async function exportProgrammePdf(content: ProgrammeContent, meta: ExportMeta): Promise<Uint8Array> {
	const outline = buildOutline(content, meta);
	const pdf = await PDFDocument.create();
	pdf.registerFontkit(fontkit);
	const files = loadCertificateFonts();
	const fonts: Fonts = {
		regular: await pdf.embedFont(files.regular, { subset: true }),
		bold: await pdf.embedFont(files.bold, { subset: true })
	};
	pdf.setTitle(outline.title);
	pdf.setAuthor(outline.office);
	pdf.setLanguage(outline.lang);
	pdf.setProducer('Akademia');
	pdf.setCreator('Akademia');
	pdf.setCreationDate(meta.updatedAt);
	pdf.setModificationDate(meta.updatedAt);

	const layout = new Layout(pdf, fonts);
	resolution(layout, outline);
	titlePage(layout, outline);
	const tocFirst = layout.pageIndex + 1;
	for (let i = 0; i < tocPagesNeeded(outline); i++) layout.newPage();
	for (const chapter of outline.chapters) for (const block of chapter.blocks) layout.block(block);
	drawToc(pdf, fonts, outline, tocFirst, layout.headings);

	const pages = pdf.getPages();
	pages.forEach((p, i) => {
		const label = outline.pageLabel(i + 1, pages.length);
		p.drawText(label, {
			x: A4.width - MARGIN - fonts.regular.widthOfTextAtSize(label, 8),
			y: MARGIN / 2,
			font: fonts.regular,
			size: 8,
			color: MUTED
		});
	});
	return pdf.save({ useObjectStreams: false });
}
