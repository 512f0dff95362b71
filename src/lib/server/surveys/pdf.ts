// The report as an A4 PDF: title page, aims and method, respondents, findings with bar charts and numbers, the
// competence gap, recommendations and the questionnaire as an annex. pdf-lib with DejaVu Sans (every Polish
// letter), like the certificates. The report is a Polish document, so its fixed wording is Polish here.
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatDateLong, formatDateTime } from '../../format';
import { loadCertificateFonts } from '../certificates/fonts';
import type { QuestionStats, SurveyResults } from './aggregate';
import { MIN_CELL } from './aggregate';
import type { Survey } from './catalogue';
import type { RecommendationLink, UpcomingSession } from './report';

export const REPORT_TITLE = 'Raport z diagnozy potrzeb z zaleceniami dla JST';

export interface PdfReportInput {
	survey: Survey;
	results: SurveyResults;
	texts: Record<string, string>;
	links: Record<string, RecommendationLink[]>;
	/** Upcoming live sessions of groups taking the linked courses, per rule. */
	sessions?: Record<string, UpcomingSession[]>;
	tokens: number;
	rate: number | null;
	drafts: number;
	anonymous: boolean;
	published: Date | null;
	closes: Date | null;
	/** Open answers go into the PDF only once an admin has published the report. */
	includeOpen: boolean;
	now: Date;
}

const A4 = { width: 595.28, height: 841.89 };
const MARGIN = 56;
const WIDTH = A4.width - 2 * MARGIN;
const BRAND = rgb(0.114, 0.247, 0.447);
const INK = rgb(0.106, 0.122, 0.141);
const MUTED = rgb(0.29, 0.325, 0.376);
const BAR_BG = rgb(0.93, 0.945, 0.96);

// Fast text like the certificates (certificates/pdf.ts explains): one parsed font per process and text mapped
// straight to glyphs through the character map, each glyph given back its code point for the ToUnicode map (so
// pdftotext and screen readers read every Polish letter). Without this a report took seconds to lay out.
type FontkitFont = ReturnType<typeof fontkit.create>;
const parsedFonts = new Map<Uint8Array, FontkitFont>();
const cachedFontkit: typeof fontkit = {
	...fontkit,
	create(bytes: Uint8Array, postscriptName?: string) {
		let font = parsedFonts.get(bytes);
		if (!font) {
			const plain = fontkit.create(bytes, postscriptName);
			font = plain;
			Object.assign(font, {
				layout: (text: string) => ({
					glyphs: Array.from(text.normalize('NFC'), (char) => {
						const codePoint = char.codePointAt(0) ?? 0;
						const glyph = plain.glyphForCodePoint(codePoint);
						if (glyph.codePoints.length === 0) glyph.codePoints = [codePoint];
						return glyph;
					}),
					positions: []
				})
			});
			parsedFonts.set(bytes, font);
		}
		return font;
	}
};

const number = new Intl.NumberFormat('pl-PL', { maximumFractionDigits: 2 });
const percentNumber = new Intl.NumberFormat('pl-PL', { maximumFractionDigits: 1 });
/** Same text as the page's formatNumber / formatPercent in Polish, so the two can be compared. */
export const pdfNumber = (n: number | null) => (n === null || !Number.isFinite(n) ? '—' : number.format(n));
export const pdfPercent = (p: number | null) => (p === null ? '—' : `${percentNumber.format(p)} %`);
const dateLong = (d: Date) => formatDateLong(d, 'pl');
const dateTime = (d: Date) => formatDateTime(d, 'pl');

class Writer {
	page!: PDFPage;
	y = 0;
	pageNo = 0;
	constructor(
		private doc: PDFDocument,
		public regular: PDFFont,
		public bold: PDFFont
	) {}

	newPage() {
		this.page = this.doc.addPage([A4.width, A4.height]);
		this.pageNo++;
		this.y = A4.height - MARGIN;
		if (this.pageNo > 1)
			this.page.drawText(String(this.pageNo), {
				x: A4.width - MARGIN - 20,
				y: 30,
				size: 9,
				font: this.regular,
				color: MUTED
			});
	}

	ensure(height: number) {
		if (this.y - height < MARGIN) this.newPage();
	}

	wrap(text: string, size: number, font: PDFFont, width = WIDTH): string[] {
		const lines: string[] = [];
		for (const paragraph of text.split('\n')) {
			let line = '';
			for (const word of paragraph.split(/\s+/).filter(Boolean)) {
				// A word wider than the column ("miejsko-wiejska" in a narrow table column) breaks after its
				// hyphens, and only then between letters: it never runs into the next column or past the margin.
				for (const [k, piece] of this.pieces(word, size, font, width).entries()) {
					const next = !line ? piece : k > 0 ? line + piece : `${line} ${piece}`;
					if (line && font.widthOfTextAtSize(next, size) > width) {
						lines.push(line);
						line = piece;
					} else line = next;
				}
			}
			lines.push(line);
		}
		return lines;
	}

	/** A word as it may be broken: whole if it fits, else after each hyphen, else in letters that fit. */
	private pieces(word: string, size: number, font: PDFFont, width: number): string[] {
		if (font.widthOfTextAtSize(word, size) <= width) return [word];
		return word.split(/(?<=-)/).flatMap((part) => {
			if (font.widthOfTextAtSize(part, size) <= width) return [part];
			const out: string[] = [];
			let chunk = '';
			for (const ch of part) {
				if (chunk && font.widthOfTextAtSize(chunk + ch, size) > width) {
					out.push(chunk);
					chunk = ch;
				} else chunk += ch;
			}
			return chunk ? [...out, chunk] : out;
		});
	}

	/** The widest piece a cell can be broken into (its longest word, split after hyphens). */
	private widestPiece(text: string, size: number, font: PDFFont): number {
		const parts = text.split(/\s+/).flatMap((w) => w.split(/(?<=-)/));
		return Math.max(0, ...parts.map((p) => font.widthOfTextAtSize(p, size)));
	}

	text(
		text: string,
		opts: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb>; indent?: number; gap?: number } = {}
	) {
		const size = opts.size ?? 10;
		const font = opts.bold ? this.bold : this.regular;
		const indent = opts.indent ?? 0;
		for (const line of this.wrap(text, size, font, WIDTH - indent)) {
			this.ensure(size * 1.4);
			this.page.drawText(line, { x: MARGIN + indent, y: this.y - size, size, font, color: opts.color ?? INK });
			this.y -= size * 1.4;
		}
		this.y -= opts.gap ?? 4;
	}

	heading(text: string, level: 1 | 2 | 3) {
		const size = level === 1 ? 16 : level === 2 ? 13 : 11;
		this.ensure(size * 3);
		this.y -= level === 1 ? 8 : 4;
		this.text(text, { size, bold: true, color: level === 3 ? INK : BRAND, gap: 4 });
	}

	/** A labelled bar (value of max) with its number to the right. */
	bar(label: string, value: number, max: number, valueText: string) {
		const labelLines = this.wrap(label, 9, this.regular, WIDTH);
		this.ensure(labelLines.length * 12 + 14);
		for (const line of labelLines) {
			this.page.drawText(line, { x: MARGIN, y: this.y - 9, size: 9, font: this.regular, color: INK });
			this.y -= 12;
		}
		const barWidth = WIDTH - 90;
		this.page.drawRectangle({ x: MARGIN, y: this.y - 9, width: barWidth, height: 8, color: BAR_BG });
		const w = max > 0 ? Math.max(0, Math.min(1, value / max)) * barWidth : 0;
		if (w > 0) this.page.drawRectangle({ x: MARGIN, y: this.y - 9, width: w, height: 8, color: BRAND });
		this.page.drawText(valueText, { x: MARGIN + barWidth + 8, y: this.y - 9, size: 9, font: this.regular, color: INK });
		this.y -= 14;
	}

	/** A simple table: every cell wraps in its column; the first column is the widest unless the others need room. */
	table(header: string[], rows: string[][], firstWidth = WIDTH * 0.45) {
		const cols = header.length;
		let rest = cols > 1 ? (WIDTH - firstWidth) / (cols - 1) : 0;
		// Many columns (a breakdown by region): the others take the width their longest word needs, the first
		// column gives it up, down to a quarter of the page.
		if (cols > 1) {
			const need =
				Math.max(
					...header
						.slice(1)
						.map((h, i) =>
							Math.max(
								this.widestPiece(h, 8.5, this.bold),
								...rows.map((r) => this.widestPiece(r[i + 1] ?? '', 8.5, this.regular))
							)
						)
				) + 6;
			if (need > rest) {
				rest = Math.min(need, (WIDTH * 0.75) / (cols - 1));
				firstWidth = WIDTH - rest * (cols - 1);
			}
		}
		const xs = header.map((_, i) => (i === 0 ? MARGIN : MARGIN + firstWidth + rest * (i - 1)));
		const widths = header.map((_, i) => (i === 0 ? firstWidth - 6 : rest - 4));
		const draw = (cells: string[], font: PDFFont) => {
			const wrapped = cells.map((c, i) => this.wrap(c, 8.5, font, widths[i]));
			const h = Math.max(...wrapped.map((w) => w.length)) * 11 + 3;
			this.ensure(h);
			wrapped.forEach((lines, i) =>
				lines.forEach((line, j) =>
					this.page.drawText(line, { x: xs[i], y: this.y - 9 - j * 11, size: 8.5, font, color: INK })
				)
			);
			this.y -= h;
			this.page.drawLine({
				start: { x: MARGIN, y: this.y + 1 },
				end: { x: MARGIN + WIDTH, y: this.y + 1 },
				thickness: 0.4,
				color: MUTED
			});
		};
		draw(header, this.bold);
		for (const row of rows) draw(row, this.regular);
		this.y -= 6;
	}
}

function questionFindings(w: Writer, s: QuestionStats, includeOpen: boolean) {
	w.heading(s.question.prompt, 3);
	if (s.type === 'single' || s.type === 'multiple') {
		w.text(`n = ${pdfNumber(s.n)}${s.type === 'multiple' ? ' (można było wskazać kilka odpowiedzi)' : ''}`, {
			size: 8.5,
			color: MUTED
		});
		for (const o of s.options) w.bar(o.label, o.percent, 100, `${pdfPercent(o.percent)} (${pdfNumber(o.count)})`);
		if (includeOpen && s.otherTexts.length > 0) w.text(`Odpowiedzi „Inne”: ${s.otherTexts.join('; ')}`, { size: 8.5 });
		for (const b of s.breakdowns) {
			w.text(`Według: ${b.byPrompt}`, { size: 9, bold: true });
			if (b.withheld) {
				w.text(`Zestawienia nie pokazujemy: mniej niż dwie grupy mają co najmniej ${MIN_CELL} odpowiedzi.`, {
					size: 8.5,
					color: MUTED
				});
				continue;
			}
			w.table(
				[b.byPrompt, 'n', ...s.options.map((o) => o.label)],
				b.groups.map((g) => [g.label, pdfNumber(g.n), ...g.percents.map(pdfPercent)]),
				WIDTH * 0.3
			);
			if (b.mergedLabels.length > 0)
				w.text(`Grupy poniżej ${MIN_CELL} odpowiedzi połączono w „Pozostałe”: ${b.mergedLabels.join(', ')}.`, {
					size: 8,
					color: MUTED
				});
			if (b.hiddenCount > 0)
				w.text(`Pominięto odpowiedzi z małych grup: ${pdfNumber(b.hiddenCount)}.`, { size: 8, color: MUTED });
		}
	} else if (s.type === 'likert') {
		w.text(`n = ${pdfNumber(s.n)}; średnia na skali 1–5`, { size: 8.5, color: MUTED });
		for (const r of s.rows) w.bar(r.label, r.mean ?? 0, 5, `${pdfNumber(r.mean)} (n = ${pdfNumber(r.n)})`);
	} else if (s.type === 'ranking') {
		w.text(`n = ${pdfNumber(s.n)}; punkty: 1. miejsce = najwięcej`, { size: 8.5, color: MUTED });
		const top = Math.max(1, ...s.items.map((i) => i.points));
		for (const i of s.items) w.bar(i.label, i.points, top, `${pdfNumber(i.points)} pkt`);
	} else if (s.type === 'number') {
		w.text(
			`n = ${pdfNumber(s.n)}; średnia ${pdfNumber(s.mean)}; mediana ${pdfNumber(s.median)}; zakres ${pdfNumber(s.min)} – ${pdfNumber(s.max)}`,
			{ size: 9 }
		);
	} else if (s.type === 'text' || s.type === 'long_text') {
		w.text(`n = ${pdfNumber(s.n)}`, { size: 8.5, color: MUTED });
		if (includeOpen) for (const t of s.texts) w.text(`– ${t}`, { size: 9, indent: 8 });
		else w.text('Odpowiedzi otwarte zostaną dołączone po publikacji raportu.', { size: 8.5, color: MUTED });
	}
	w.y -= 4;
}

export async function renderReportPdf(input: PdfReportInput): Promise<Uint8Array> {
	const { survey, results } = input;
	const doc = await PDFDocument.create();
	doc.registerFontkit(cachedFontkit);
	const fonts = loadCertificateFonts();
	const regular = await doc.embedFont(fonts.regular, { subset: true });
	const bold = await doc.embedFont(fonts.bold, { subset: true });
	doc.setTitle(`${REPORT_TITLE}: ${survey.title}`);
	doc.setLanguage('pl-PL');
	doc.setProducer('Akademia');
	doc.setCreator('Akademia');
	doc.setCreationDate(input.now);
	doc.setModificationDate(input.now);
	const w = new Writer(doc, regular, bold);

	// Title page
	w.newPage();
	w.y = A4.height - 220;
	w.text(REPORT_TITLE, { size: 22, bold: true, color: BRAND, gap: 16 });
	w.text(survey.title, { size: 14, gap: 30 });
	w.text(`Akademia · ${dateLong(input.now)}`, { size: 11, color: MUTED });
	w.text(input.published ? `Opublikowano ${dateLong(input.published)}` : 'Wersja robocza (raport nieopublikowany)', {
		size: 11,
		color: MUTED
	});
	if (results.demoCount > 0)
		w.text(
			`DANE DEMONSTRACYJNE: ${pdfNumber(results.demoCount)} odpowiedzi w tym raporcie to syntetyczne odpowiedzi wygenerowane na potrzeby pokazu, a nie odpowiedzi urzędów.`,
			{ size: 11, bold: true, gap: 10 }
		);

	// 1. Aims and method
	w.newPage();
	w.heading('1. Cel i metoda badania', 1);
	w.text(
		'Celem badania jest rozpoznanie stanu i potrzeb współpracy zagranicznej jednostek samorządu terytorialnego oraz wskazanie, czego powinny w pierwszej kolejności uczyć szkolenia Akademii.'
	);
	w.text(
		`Narzędzie: ankieta internetowa (kwestionariusz w aneksie). ${survey.access === 'token' ? 'Urzędy otrzymały indywidualne linki; z jednego linku można było udzielić jednej odpowiedzi i poprawiać ją do zamknięcia ankiety.' : 'Ankieta była dostępna dla każdego, kto otrzymał link.'}`
	);
	w.table(
		['Wskaźnik', 'Wartość'],
		[
			['Odpowiedzi wysłane', pdfNumber(results.n)],
			['Rozpoczęte, niewysłane', pdfNumber(input.drafts)],
			...(input.tokens > 0
				? [
						['Wysłane linki (urzędy)', pdfNumber(input.tokens)],
						['Wskaźnik odpowiedzi', pdfPercent(input.rate)]
					]
				: []),
			['Zamknięcie ankiety', input.closes ? dateLong(input.closes) : 'bez terminu'],
			['Tryb anonimowy', input.anonymous ? 'tak' : 'nie']
		],
		WIDTH * 0.6
	);
	w.text(
		`Odsetki liczono wśród osób, które odpowiedziały na dane pytanie (n). Zestawienia według rodzaju JST i województwa pokazują tylko grupy liczące co najmniej ${MIN_CELL} odpowiedzi; mniejsze grupy połączono lub pominięto. Wyniki nie pozwalają zidentyfikować urzędu.`,
		{ size: 9, color: MUTED }
	);

	// 2. Respondents and 3. findings, section by section
	const byId = new Map(results.questions.map((q) => [q.question.id, q]));
	survey.sections.forEach((section, i) => {
		if (i === 0) w.heading('2. Respondenci', 1);
		else if (i === 1) w.heading('3. Wyniki', 1);
		w.heading(i === 0 ? section.title : `3.${i}. ${section.title}`, 2);
		for (const q of section.questions) {
			const s = byId.get(q.id);
			if (s) questionFindings(w, s, input.includeOpen);
		}
	});

	// 4. Gap
	if (results.gaps.length > 0) {
		w.heading('4. Luka kompetencyjna', 1);
		w.text(
			'Luka to różnica między średnią oceną ważności obszaru a średnią oceną obecnych kompetencji urzędu (obie na skali 1–5), liczona dla osób, które oceniły obszar w obu pytaniach.'
		);
		const top = Math.max(1, ...results.gaps.map((g) => g.gap));
		for (const g of results.gaps) w.bar(g.label, Math.max(0, g.gap), top, pdfNumber(g.gap));
		w.table(
			['Obszar', 'Ważność', 'Kompetencje', 'Luka', 'n'],
			results.gaps.map((g) => [
				g.label,
				pdfNumber(g.importance),
				pdfNumber(g.competence),
				pdfNumber(g.gap),
				pdfNumber(g.n)
			])
		);
	}

	// 5. Recommendations
	w.heading('5. Zalecenia dla samorządów', 1);
	if (results.recommendations.length === 0)
		w.text('Żadna z reguł zaleceń nie jest spełniona przy obecnych odpowiedziach.');
	results.recommendations.forEach((f, i) => {
		w.heading(`5.${i + 1}. ${f.rule.title}`, 2);
		w.text(
			f.evidence.kind === 'gap'
				? `Podstawa: luka ${pdfNumber(f.evidence.value)} (n = ${pdfNumber(f.evidence.n)}).`
				: `Podstawa: ${pdfPercent(f.evidence.percent)} odpowiedzi (n = ${pdfNumber(f.evidence.n)}).`,
			{ size: 9, color: MUTED }
		);
		w.text(input.texts[f.rule.id] ?? f.rule.text);
		for (const l of input.links[f.rule.id] ?? [])
			w.text(`• ${l.course}${l.module ? `: ${l.module}` : ''}`, { size: 9, indent: 8 });
		for (const t of f.rule.trainings) w.text(`• ${t}`, { size: 9, indent: 8 });
		for (const session of input.sessions?.[f.rule.id] ?? [])
			w.text(
				`• Zajęcia: ${dateTime(session.startsAt)} – ${session.title || session.groupName}${session.place ? `, ${session.place}` : ''}`,
				{
					size: 9,
					indent: 8
				}
			);
	});

	// Annex: the questionnaire
	w.newPage();
	w.heading('Aneks. Kwestionariusz ankiety', 1);
	for (const p of survey.intro.split(/\n\s*\n/)) w.text(p.replace(/\s*\n\s*/g, ' ').trim(), { size: 9 });
	let n = 0;
	for (const section of survey.sections) {
		w.heading(section.title, 2);
		if (section.intro) w.text(section.intro, { size: 9, color: MUTED });
		for (const q of section.questions) {
			n++;
			w.text(`${n}. ${q.prompt}${q.required ? '' : ' (nieobowiązkowe)'}`, { size: 9.5, bold: true, gap: 2 });
			if (q.show_if)
				w.text(
					`(pytanie warunkowe, zależne od pytania „${survey.questions.find((x) => x.id === q.show_if!.question)?.prompt}”)`,
					{ size: 8.5, color: MUTED, indent: 8, gap: 2 }
				);
			const items =
				q.type === 'single' || q.type === 'multiple'
					? [...q.options.map((o) => o.text), ...(q.other ? ['Inne (jakie?)'] : [])]
					: q.type === 'likert'
						? [...q.rows.map((r) => r.text), `Skala: ${q.scale.map((l, i) => `${i + 1} – ${l}`).join(', ')}`]
						: q.type === 'ranking'
							? [...q.items.map((i) => i.text), `Proszę wskazać ${q.pick ?? q.items.length} miejsca`]
							: [q.type === 'number' ? `Liczba${q.unit ? ` (${q.unit})` : ''}` : 'Odpowiedź opisowa'];
			for (const item of items)
				w.text(`${q.type === 'single' ? '○' : q.type === 'multiple' ? '□' : '–'} ${item}`, {
					size: 9,
					indent: 12,
					gap: 1
				});
			w.y -= 4;
		}
	}
	return doc.save();
}
