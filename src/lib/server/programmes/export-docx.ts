// The programme as an editable Word file: the office keeps working on it. Real heading styles (so Word's table
// of contents and navigation pane work), a TOC field Word updates on opening, real tables, a page-number footer,
// Polish language and a font with Polish letters. Placeholders are highlighted so nothing left to fill is missed.
import {
	AlignmentType,
	BorderStyle,
	Document,
	Footer,
	HeadingLevel,
	Packer,
	PageNumber,
	Paragraph,
	ShadingType,
	Table,
	TableCell,
	TableOfContents,
	TableRow,
	TextRun,
	VerticalMergeType,
	WidthType,
	type ParagraphChild
} from 'docx';
import type { ProgrammeContent } from '$lib/programmes/model';
import { buildOutline, type Block, type Cell, type ExportMeta, type ProgrammeOutline } from './export-outline';

/** For the route's Content-Type header. */
export const DOCX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const FONT = 'Calibri';
/** A4 in twips, with 2.5 cm margins. */
const PAGE = { width: 11906, height: 16838, margin: 1418 };
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;
const GREY = 'BFC5CC';

function run(cell: Cell, extra: { bold?: boolean; size?: number } = {}): TextRun {
	return new TextRun({
		text: cell.text,
		bold: cell.bold || extra.bold,
		size: extra.size,
		italics: cell.placeholder,
		highlight: cell.placeholder ? 'yellow' : undefined
	});
}

function tableOf(block: Extract<Block, { kind: 'table' }>): Table {
	const widths = block.columns.map((c) => Math.round(c.share * TEXT_WIDTH));
	const border = { style: BorderStyle.SINGLE, size: 4, color: GREY };
	const borders = { top: border, bottom: border, left: border, right: border };
	const cell = (c: Cell, i: number, header = false, mergesDown = false) =>
		new TableCell({
			verticalMerge: c.merged ? VerticalMergeType.CONTINUE : mergesDown ? VerticalMergeType.RESTART : undefined,
			width: { size: widths[i], type: WidthType.DXA },
			borders,
			margins: { top: 60, bottom: 60, left: 100, right: 100 },
			shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E8ECF0' } : undefined,
			children: [
				new Paragraph({
					alignment: c.alignRight || (header && block.columns[i].alignRight) ? AlignmentType.RIGHT : undefined,
					children: [run(c, { bold: header, size: header ? 20 : undefined })]
				})
			]
		});
	return new Table({
		width: { size: TEXT_WIDTH, type: WidthType.DXA },
		columnWidths: widths,
		rows: [
			new TableRow({
				tableHeader: true,
				cantSplit: true,
				children: block.columns.map((c, i) => cell({ text: c.label }, i, true))
			}),
			...block.rows.map(
				(r, k) =>
					new TableRow({
						cantSplit: true,
						children: r.map((c, i) => cell(c, i, false, !!block.rows[k + 1]?.[i]?.merged))
					})
			)
		]
	});
}

function blockOf(block: Block): (Paragraph | Table)[] {
	switch (block.kind) {
		case 'heading':
			return [
				new Paragraph({
					text: block.text,
					heading: block.level === 1 ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2,
					pageBreakBefore: block.level === 1
				})
			];
		case 'paragraph':
			return [
				new Paragraph({
					style: block.note ? 'ProgrammeNote' : undefined,
					children: [run({ text: block.text, placeholder: block.placeholder })]
				})
			];
		case 'field':
			return [
				new Paragraph({
					children: [new TextRun({ text: `${block.label}: `, bold: true }), run(block.value)]
				})
			];
		case 'list':
			return block.items.map((item) => new Paragraph({ bullet: { level: 0 }, children: [run(item)] }));
		case 'table':
			return [tableOf(block), new Paragraph({})];
	}
}

function titlePage(outline: ProgrammeOutline): Paragraph[] {
	const centred = (text: string, size: number, bold = false, before = 0) =>
		new Paragraph({
			alignment: AlignmentType.CENTER,
			spacing: { before, after: 240 },
			children: [new TextRun({ text, size, bold })]
		});
	return [
		...(outline.resolution
			? [
					new Paragraph({
						alignment: AlignmentType.RIGHT,
						pageBreakBefore: true,
						children: [new TextRun({ text: outline.resolution.annexLine, size: 20 })]
					})
				]
			: []),
		new Paragraph({
			style: 'Title',
			alignment: AlignmentType.CENTER,
			spacing: { before: 3600, after: 600 },
			children: [new TextRun(outline.title)]
		}),
		centred(outline.office, 28, true, 600),
		centred(outline.dateLine, 24),
		centred(outline.draftNote, 20, false, 2400)
	];
}

function resolutionPages(outline: ProgrammeOutline): Paragraph[] {
	const r = outline.resolution;
	if (!r) return [];
	const placeholder = { text: outline.placeholder, placeholder: true };
	return [
		...r.heading.map(
			(line, i) =>
				new Paragraph({
					style: 'ResolutionHeading',
					alignment: AlignmentType.CENTER,
					spacing: { after: i === r.heading.length - 1 ? 480 : 120 },
					children: [new TextRun({ text: line, bold: i !== 2 })]
				})
		),
		new Paragraph({ spacing: { after: 240 }, children: [new TextRun(r.basis)] }),
		...r.paragraphs.map(
			(p) =>
				new Paragraph({
					spacing: { after: 200 },
					children: [new TextRun({ text: `${p.mark} `, bold: true }), new TextRun(p.text)]
				})
		),
		new Paragraph({
			style: 'ResolutionHeading',
			alignment: AlignmentType.CENTER,
			spacing: { before: 480, after: 200 },
			children: [new TextRun({ text: r.justificationTitle, bold: true })]
		}),
		new Paragraph({ children: [run(placeholder)] }),
		new Paragraph({
			style: 'ProgrammeNote',
			spacing: { before: 480 },
			children: [new TextRun({ text: r.notesTitle, bold: true })]
		}),
		...r.notes.map((note) => new Paragraph({ style: 'ProgrammeNote', bullet: { level: 0 }, text: note }))
	];
}

function footer(outline: ProgrammeOutline): Footer {
	// "strona {page} z {pages}": the words from the catalogue, the numbers as Word fields.
	const [before, between, after] = outline.pageLabel(1, 2).split(/[12]/);
	const children: ParagraphChild[] = [
		new TextRun({ text: before, size: 16 }),
		new TextRun({ children: [PageNumber.CURRENT], size: 16 }),
		new TextRun({ text: between, size: 16 }),
		new TextRun({ children: [PageNumber.TOTAL_PAGES], size: 16 }),
		new TextRun({ text: after ?? '', size: 16 })
	];
	return new Footer({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children })] });
}

export async function exportProgrammeDocx(content: ProgrammeContent, meta: ExportMeta): Promise<Uint8Array> {
	const outline = buildOutline(content, meta);
	const children: (Paragraph | Table | TableOfContents)[] = [
		...resolutionPages(outline),
		...titlePage(outline),
		new Paragraph({
			pageBreakBefore: true,
			children: [new TextRun({ text: outline.tocTitle, bold: true, size: 32 })]
		}),
		new TableOfContents(outline.tocTitle, { hyperlink: true, headingStyleRange: '1-2' }),
		new Paragraph({
			style: 'ProgrammeNote',
			spacing: { before: 240 },
			children: [new TextRun({ text: outline.tocHint, size: 18 })]
		}),
		...outline.chapters.flatMap((c) => c.blocks.flatMap(blockOf))
	];
	const doc = new Document({
		title: outline.title,
		creator: 'Akademia',
		lastModifiedBy: 'Akademia',
		description: outline.office,
		features: { updateFields: true },
		styles: {
			default: {
				document: {
					run: { font: FONT, size: 22, language: { value: outline.lang } },
					paragraph: { spacing: { after: 120, line: 276 } }
				},
				title: { run: { font: FONT, size: 44, bold: true, color: '1B1F24' } },
				heading1: {
					run: { font: FONT, size: 32, bold: true, color: '1B1F24' },
					paragraph: { spacing: { before: 240, after: 240 }, keepNext: true }
				},
				heading2: {
					run: { font: FONT, size: 26, bold: true, color: '1B1F24' },
					paragraph: { spacing: { before: 240, after: 120 }, keepNext: true }
				}
			},
			paragraphStyles: [
				{
					id: 'ProgrammeNote',
					name: 'Programme note',
					basedOn: 'Normal',
					run: { color: '4A5360', size: 20 }
				},
				{
					id: 'ResolutionHeading',
					name: 'Resolution heading',
					basedOn: 'Normal',
					run: { size: 24 },
					paragraph: { keepNext: true }
				}
			]
		},
		sections: [
			{
				properties: {
					page: {
						size: { width: PAGE.width, height: PAGE.height },
						margin: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin }
					}
				},
				footers: { default: footer(outline) },
				children
			}
		]
	});
	return Packer.pack(doc, 'uint8array');
}
