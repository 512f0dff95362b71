// The programme export: the .docx opens as a zip whose word/document.xml carries the chapters as real headings,
// a TOC field, the indicator/budget/risk tables as real Word tables, the JST name with its Polish letters and the
// draft resolution only when asked; the PDF's text (pdftotext, as a reader would copy it) says the same.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { emptyProgramme } from '$lib/programmes/model';
import { loadCertificateFonts } from '$lib/server/certificates/fonts';
import { exportProgrammeDocx } from '$lib/server/programmes/export-docx';
import { councilGenitive, formatZloty } from '$lib/server/programmes/export-outline';
import { exportProgrammePdf, wrapText } from '$lib/server/programmes/export-pdf';
import { sampleProgramme, sampleTitle } from '$lib/server/programmes/sample';

const NAME = 'Gmina Źdźbło Łąckie';
const content = sampleProgramme(NAME);
const title = sampleTitle(content);
const meta = (includeResolution: boolean, locale: 'pl' | 'en' = 'pl') => ({
	title,
	authorOffice: 'Urząd Gminy Źdźbło Łąckie',
	updatedAt: new Date(Date.UTC(2026, 11, 7, 10)),
	locale,
	includeResolution
});

const CHAPTERS = [
	'1. Diagnoza: samorząd i stan obecny współpracy',
	'2. Cele programu',
	'3. Priorytetowi partnerzy i formy współpracy',
	'4. Wymiar gospodarczy',
	'5. Organizacja realizacji programu',
	'6. Budżet i ryzyka',
	'7. Monitorowanie i ewaluacja'
];

const unescape = (s: string) =>
	s
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');
const textOf = (xml: string) =>
	unescape([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''));

interface Word {
	xml: string;
	files: Record<string, Uint8Array>;
	paragraphs: { style: string | null; text: string }[];
	tables: string[][][];
}

async function word(includeResolution: boolean, c = content): Promise<Word> {
	const files = unzipSync(await exportProgrammeDocx(c, meta(includeResolution)));
	const xml = strFromU8(files['word/document.xml']);
	const body = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
	const paragraphs = [...body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => ({
		style: /<w:pStyle w:val="([^"]+)"/.exec(p[0])?.[1] ?? null,
		text: textOf(p[0])
	}));
	const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
		[...t[1].matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((r) =>
			[...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((cell) => textOf(cell[0]))
		)
	);
	return { xml, files, paragraphs, tables };
}

const tableWithHeader = (w: Word, first: string) => {
	const table = w.tables.find((t) => t[0]?.[0] === first);
	expect(table, `a table headed "${first}"`).toBeDefined();
	return table!;
};

describe('programme export, Word', () => {
	it('is a Word package with the document, styles and settings that update the contents on opening', async () => {
		const w = await word(false);
		expect(Object.keys(w.files)).toEqual(
			expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/settings.xml'])
		);
		expect(strFromU8(w.files['word/settings.xml'])).toMatch(/<w:updateFields(?: w:val="(?:true|1)")?\/>/);
		// A TOC field over the heading styles 1-2, and the Polish language on the text.
		expect(w.xml).toMatch(/>TOC [^<]*\\o &quot;1-2&quot;</);
		expect(strFromU8(w.files['word/styles.xml'])).toContain('w:lang w:val="pl-PL"');
		expect(strFromU8(w.files['word/styles.xml'])).toContain('w:ascii="Calibri"');
	});

	it('carries the seven chapters in order as Heading 1, and the title with the Polish letters intact', async () => {
		const w = await word(false);
		const h1 = w.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text);
		expect(h1).toEqual(CHAPTERS);
		const h2 = w.paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text);
		expect(h2).toContain('2.1. Cel strategiczny 1: Rozwój gospodarczy dzięki kontaktom zagranicznym');
		expect(h2).toContain('6.2. Ryzyka i sposoby ich ograniczania');
		expect(w.paragraphs.find((p) => p.style === 'Title')?.text).toBe(
			'Program współpracy zagranicznej Gminy Źdźbło Łąckie na lata 2027–2030'
		);
		expect(w.paragraphs.map((p) => p.text)).toContain(`Nazwa: ${NAME}`);
		expect(w.paragraphs.map((p) => p.text)).toContain('Stan na 7 grudnia 2026');
		// Stored as the composed letters, not as look-alikes or decomposed accents.
		expect(w.xml).toContain('Źdźbło Łąckie');
		expect(w.xml.normalize('NFC')).toBe(w.xml);
	});

	it('puts the indicators, the budget with its total and the risks in real Word tables', async () => {
		const w = await word(false);
		const indicators = tableWithHeader(w, 'Cel operacyjny');
		expect(indicators[0]).toEqual([
			'Cel operacyjny',
			'Wskaźnik',
			'Wartość bazowa',
			'Wartość docelowa',
			'Źródło danych'
		]);
		expect(indicators).toContainEqual([
			'1.2. Udział lokalnych firm w misjach gospodarczych',
			'Liczba firm uczestniczących w misjach',
			'2',
			'12',
			'listy uczestników misji'
		]);
		// The goal's cell spans its indicators (a vertical merge), so the second indicator's row leaves it empty.
		expect(indicators).toContainEqual([
			'',
			'Liczba kontaktów handlowych zgłoszonych przez firmy',
			'0',
			'20',
			'ankieta po misji'
		]);
		expect(w.xml).toContain('<w:vMerge w:val="restart"/>');
		expect(w.xml).toMatch(/<w:vMerge(?: w:val="continue")?\/>/);
		// A goal without an indicator keeps its row, to be filled in.
		expect(indicators).toContainEqual([
			'2.2. Szkolenia pracowników urzędu z protokołu dyplomatycznego',
			'[do uzupełnienia]',
			'[do uzupełnienia]',
			'[do uzupełnienia]',
			'[do uzupełnienia]'
		]);
		expect(indicators).toHaveLength(1 + 5);

		const budget = tableWithHeader(w, 'Rok');
		expect(budget[0]).toEqual(['Rok', 'Źródło finansowania', 'Kwota', 'Przeznaczenie']);
		expect(budget[1]).toEqual([
			'2027',
			'środki własne',
			'45\u00a0000\u00a0zł',
			'Misja gospodarcza i materiały promocyjne'
		]);
		expect(budget).toContainEqual(['2028', 'środki partnerów', '15\u00a0500\u00a0zł', 'Wizyta studyjna u partnera']);
		expect(budget.at(-1)).toEqual(['Razem', '', '230\u00a0500\u00a0zł', '']);

		const risks = tableWithHeader(w, 'Ryzyko');
		expect(risks[1]).toEqual([
			'Brak zainteresowania firm udziałem w misjach',
			'Konsultacje z izbą gospodarczą przy wyborze kierunku misji.'
		]);
		const partners = tableWithHeader(w, 'Partner (kraj lub region)');
		expect(partners[2]).toEqual([
			'Miasto partnerskie w Niemczech',
			'inny region',
			'Dwudziestoletnia współpraca szkół i organizacji pozarządowych.',
			'umowa partnerska, wymiana kulturalna lub edukacyjna'
		]);
		// Real tables: a grid and a repeating header row.
		expect(w.xml).toContain('<w:tblGrid>');
		expect(w.xml).toContain('<w:tblHeader');
	});

	it('shows a highlighted placeholder where an answer is missing, and keeps every chapter of an empty draft', async () => {
		const w = await word(false);
		const fairs = w.paragraphs.findIndex((p) => p.style === 'Heading2' && p.text === '4.4. Udział w targach');
		expect(w.paragraphs[fairs + 1].text).toBe('[do uzupełnienia]');
		expect(w.xml).toContain('<w:highlight w:val="yellow"/>');

		const empty = await word(false, emptyProgramme());
		expect(empty.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(CHAPTERS);
		for (const first of ['Cel operacyjny', 'Rok', 'Ryzyko', 'Partner (kraj lub region)'])
			expect(tableWithHeader(empty, first)[1].every((cell) => cell === '[do uzupełnienia]' || cell === '')).toBe(true);
		expect(empty.paragraphs.find((p) => p.style === 'Title')?.text).toBe(
			'Program współpracy zagranicznej Gminy Źdźbło Łąckie na lata 2027–2030'
		);
	});

	it('adds the draft resolution, with the legal basis left to the lawyer, only when asked', async () => {
		const without = await word(false);
		expect(without.xml).not.toContain('Projekt uchwały');
		expect(without.xml).not.toContain('Załącznik do uchwały');

		const w = await word(true);
		const texts = w.paragraphs.map((p) => p.text);
		expect(texts[0]).toBe('Projekt uchwały nr …/…/…');
		expect(texts[1]).toBe('Rady Gminy Źdźbło Łąckie');
		expect(texts[3]).toBe('w sprawie przyjęcia Programu współpracy zagranicznej Gminy Źdźbło Łąckie na lata 2027–2030');
		expect(texts).toContain(
			'Na podstawie [podstawa prawna – do uzupełnienia przez radcę prawnego] uchwala się, co następuje:'
		);
		expect(texts.some((t) => t.startsWith('§ 1. Przyjmuje się Program współpracy zagranicznej Gminy Źdźbło'))).toBe(
			true
		);
		expect(texts).toContain('Załącznik do uchwały nr …/…/… Rady Gminy Źdźbło Łąckie z dnia …');
		// The 2000 act is named as the brief gives it; the resolution precedes the programme and stays out of the TOC.
		expect(w.xml).toContain('ustawy z dnia 15 września 2000 r. o zasadach przystępowania');
		const resolutionIndex = texts.indexOf('Projekt uchwały nr …/…/…');
		const titleIndex = w.paragraphs.findIndex((p) => p.style === 'Title');
		expect(resolutionIndex).toBeLessThan(titleIndex);
		expect(w.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(CHAPTERS);
	});

	it('for a województwo says what needs the foreign minister’s consent', async () => {
		const c = sampleProgramme('Województwo Świętokrzyskie Przykładowe');
		c.office.type = 'wojewodztwo';
		c.resolution.councilName = 'Sejmik Województwa Przykładowego';
		const w = await word(true, c);
		expect(w.xml).toContain('art. 77 ustawy o samorządzie województwa');
		expect(w.paragraphs.map((p) => p.text)).toContain('Sejmiku Województwa Przykładowego');
		const gmina = await word(true);
		expect(gmina.xml).not.toContain('art. 77');
	});

	it('writes the document in English when asked, with the amounts still in złoty', async () => {
		const files = unzipSync(await exportProgrammeDocx(content, meta(false, 'en')));
		const xml = strFromU8(files['word/document.xml']);
		expect(xml).toContain('2. Goals of the programme');
		expect(xml).toContain('230\u00a0500\u00a0zł');
		expect(xml).not.toContain('Cele programu');
	});
});

describe('programme export, helpers', () => {
	it('formats złoty Polish style and puts a council in the genitive', () => {
		expect(formatZloty(230500)).toBe('230\u00a0500\u00a0zł');
		expect(formatZloty(5000)).toBe('5\u00a0000\u00a0zł');
		expect(councilGenitive('Rada Miejska w Łącku')).toBe('Rady Miejskiej w Łącku');
		expect(councilGenitive('Rada Powiatu Przykładowego')).toBe('Rady Powiatu Przykładowego');
		expect(councilGenitive('Sejmik Województwa Małopolskiego')).toBe('Sejmiku Województwa Małopolskiego');
	});
});

describe('programme export, PDF', () => {
	const dir = mkdtempSync(join(tmpdir(), 'programme-pdf-'));
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	const pdfText = async (includeResolution: boolean) => {
		const bytes = await exportProgrammePdf(content, meta(includeResolution));
		const file = join(dir, `programme-${includeResolution}.pdf`);
		writeFileSync(file, bytes);
		return { bytes, text: execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }) };
	};

	it('is an A4 PDF whose text carries the JST name with Polish letters, the chapters, tables and page numbers', async () => {
		const { bytes, text } = await pdfText(false);
		expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-');
		const flat = text.replace(/\s+/g, ' ');
		expect(flat).toContain('Gminy Źdźbło Łąckie');
		expect(flat).toContain('Urząd Gminy Źdźbło Łąckie');
		for (const chapter of CHAPTERS) expect(flat).toContain(chapter);
		expect(flat).toContain('Spis treści');
		expect(flat).toContain('ankieta po misji');
		expect(flat).toContain('Liczba spotkań z');
		expect(flat).toMatch(/Razem 230\s500\szł/);
		expect(flat).toContain('[do uzupełnienia]');
		expect(flat).toMatch(/strona 1 z \d+/);
		expect(flat).not.toContain('Projekt uchwały');
		const info = execFileSync('pdfinfo', [join(dir, 'programme-false.pdf')], { encoding: 'utf8' });
		expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
	});

	it('lists each chapter in the contents with the page it starts on', async () => {
		const { text } = await pdfText(false);
		const pages = text.split('\f');
		const toc = pages.find((p) => p.includes('Spis treści'))!;
		for (const chapter of CHAPTERS) {
			const entry = new RegExp(`${chapter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[ .]*?(\\d+)\\s*$`, 'm').exec(toc);
			expect(entry, chapter).not.toBeNull();
			const page = Number(entry![1]);
			expect(pages[page - 1]).toContain(chapter);
			expect(pages[page - 1].indexOf(chapter)).toBeLessThan(80);
		}
	});

	it('lays out a goal with more indicators than a page holds, repeating the goal on the next page', async () => {
		const c = sampleProgramme(NAME);
		c.strategicGoals[0].operational[0].indicators = Array.from({ length: 70 }, (_, i) => ({
			id: `x${i}`,
			name: `Próba ${i + 1}`,
			baseline: '0',
			target: String(i + 1),
			source: 'rejestr'
		}));
		const file = join(dir, 'long.pdf');
		writeFileSync(file, await exportProgrammePdf(c, meta(false)));
		const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
		const flat = text.replace(/\s+/g, ' ');
		expect(flat).toContain('Próba 1 ');
		expect(flat).toContain('Próba 70 ');
		const pagesWithGoal = text.split('\f').filter((p) => p.includes('Próba') && p.includes('1.1. Pozyskanie'));
		expect(pagesWithGoal.length).toBeGreaterThan(1);
	});

	it('adds the draft resolution when asked', async () => {
		const { text } = await pdfText(true);
		const flat = text.replace(/\s+/g, ' ');
		expect(flat).toContain('Projekt uchwały nr …/…/…');
		expect(flat).toContain('Rady Gminy Źdźbło Łąckie');
		expect(flat).toContain('[podstawa prawna – do uzupełnienia przez radcę prawnego]');
		expect(flat.indexOf('Projekt uchwały')).toBeLessThan(flat.indexOf('Spis treści'));
	});

	it('a 5,000-character word wraps with one measurement per distinct character and exports', async () => {
		const doc = await PDFDocument.create();
		doc.registerFontkit(fontkit);
		const font = await doc.embedFont(loadCertificateFonts().regular, { subset: true });
		const measure = vi.spyOn(font, 'widthOfTextAtSize');
		const word = 'Łódź0123456789'.repeat(358).slice(0, 5000);
		const lines = wrapText(font, `Adres ${word} koniec`, 10.5, 200);
		expect(lines.join('').replace(/ /g, '')).toBe(`Adres${word}koniec`.normalize('NFC'));
		expect(lines.length).toBeGreaterThan(20);
		for (const line of lines) expect(font.widthOfTextAtSize(line, 10.5)).toBeLessThanOrEqual(200.01);
		// Each distinct character measured once for this size (cubic before: thousands of full layouts per line).
		expect(measure.mock.calls.length - lines.length).toBeLessThan(40);
		const c = sampleProgramme(NAME);
		c.economy.fairs = word;
		const file = join(dir, 'long-word.pdf');
		writeFileSync(file, await exportProgrammePdf(c, meta(false)));
		const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
		expect(text).toContain(word.slice(0, 14));
	});

	it('a table row taller than a page goes on over the next page, none of its text cut off', async () => {
		const c = sampleProgramme(NAME);
		const words = Array.from({ length: 900 }, (_, i) => `słowo${i + 1}`).join(' ');
		c.risks = [{ id: 'rlong1', risk: words, mitigation: 'Krótkie działanie zaradcze' }, ...c.risks];
		const file = join(dir, 'tall-row.pdf');
		writeFileSync(file, await exportProgrammePdf(c, meta(false)));
		const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
		const flat = text.replace(/\s+/g, ' ');
		expect(flat).toContain('słowo1 ');
		expect(flat).toContain('słowo450 ');
		expect(flat).toContain('słowo900');
		const pages = text.split('\f').filter((p) => p.includes('słowo'));
		expect(pages.length).toBeGreaterThan(1);
	});
});
