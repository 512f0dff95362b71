import { unzipSync, strFromU8 } from 'fflate';
import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { getDb } from '$lib/server/db';
import { auditLog, surveyResponses, users } from '$lib/server/db/schema';
import { answersToFields, missingRequired, readAnswers } from '$lib/server/surveys/answers';
import { buildSurveys, courseIndexOf } from '$lib/server/surveys/catalogue';
import { demoAnswers, seededRandom } from '$lib/server/demo/surveys';
import { answerTable, answersCsv, answersXlsx } from '$lib/server/surveys/exports';
import { readSurveyFiles } from '$lib/server/surveys/files-from-disk';
import { renderReportPdf } from '$lib/server/surveys/pdf';
import { loadResponses, surveyReport } from '$lib/server/surveys/report';
import {
	generateTokens,
	listTokens,
	loadOwnResponse,
	saveResponse,
	setAnonymous,
	setClosed,
	SurveyError
} from '$lib/server/surveys/responses';
import { buildCatalogue } from '$lib/server/content/catalogue';
import { readContentFiles } from '$lib/server/content/files-from-disk';
import { sampleSurvey } from './surveys-fixtures';

const labels = { other: 'Inne', merged: 'Pozostałe' };
const tableLabels = { number: 'Nr', demo: 'Demo', other: 'Inne', yes: 'tak', place: (n: number) => `miejsce ${n}` };
const diagnosis = buildSurveys(
	readSurveyFiles('surveys'),
	courseIndexOf(buildCatalogue(readContentFiles('lessons')).courses)
).find((s) => s.slug === 'diagnoza-wspolpracy-zagranicznej')!;

describe('responses', () => {
	beforeAll(() => {
		getDb().insert(users).values({ id: 'admin-x', email: 'a@x.test', role: 'admin' }).run();
	});
	const survey = { ...sampleSurvey(), slug: 'resp', access: 'token' as const };
	const complete = {
		typ: { choice: 'powiat' },
		waga: { protokol: 5, prawo: 3 },
		umie: { protokol: 2, prawo: 3 },
		kolejnosc: ['x', 'y']
	};

	it('one response per token, editable after sending until the survey closes', () => {
		const [a] = generateTokens('admin-x', survey, ['Urząd Gminy Łącko', ' ', 'Urząd Gminy Łącko']);
		expect(a.office).toBe('Urząd Gminy Łącko');
		const who = { kind: 'token' as const, token: a.token };
		expect(saveResponse(survey, who, { typ: { choice: 'gmina' } }).ok).toBe(true);
		const refused = saveResponse(survey, who, {}, { submit: true });
		expect(refused).toEqual({ ok: false, errors: expect.objectContaining({ waga: 'required', formy: 'required' }) });
		expect(saveResponse(survey, who, complete, { submit: true })).toMatchObject({ ok: true, submitted: true });
		saveResponse(survey, who, { typ: { choice: 'miasto' } });
		const own = loadOwnResponse(survey, who)!;
		expect(own.answers.typ).toEqual({ choice: 'miasto' });
		expect(own.submittedAt).not.toBeNull();
		const rows = getDb()
			.select({ n: count() })
			.from(surveyResponses)
			.where(eq(surveyResponses.surveySlug, 'resp'))
			.get();
		expect(rows?.n).toBe(1);
		setClosed('admin-x', survey, true);
		expect(() => saveResponse(survey, who, complete)).toThrow(SurveyError);
		setClosed('admin-x', survey, false);
	});

	it('refuses a wrong token and, for a token survey, an open-link respondent', () => {
		expect(() => saveResponse(survey, { kind: 'token', token: 'nope' }, {})).toThrow(/token_invalid/);
		expect(() => saveResponse(survey, { kind: 'key', key: 'k' }, {})).toThrow(/token_required/);
	});

	it('anonymous mode cannot be switched off after the first response, and hides who answered', () => {
		expect(listTokens(survey, true).every((t) => t.answered === null)).toBe(true);
		expect(listTokens(survey, false)[0].answered).toBe(true);
		// The report's first view lists the first offices by name only.
		const listed = { ...survey, slug: 'listed' };
		generateTokens('admin-x', listed, ['Gmina Żabno', 'Gmina Adamów']);
		expect(listTokens(listed, false, 1)).toEqual([
			expect.objectContaining({ office: 'Gmina Adamów', answered: false })
		]);
		expect(listTokens(listed, false).length).toBe(2);
		expect(() => setAnonymous('admin-x', survey, false)).toThrow(/anonymous_locked/);
		const fresh = { ...survey, slug: 'fresh' };
		setAnonymous('admin-x', fresh, false);
		setAnonymous('admin-x', fresh, true);
		// The submission's audit entry names the survey, never the response or the office.
		const entries = getDb().select().from(auditLog).where(eq(auditLog.action, 'survey.response_submitted')).all();
		expect(entries.length).toBeGreaterThan(0);
		expect(entries.every((e) => e.subjectId === 'resp' && e.actorId === null && !e.details)).toBe(true);
	});

	it('the report counts sent responses and the response rate per token', () => {
		const report = surveyReport(survey, labels);
		expect(report.results.n).toBe(1);
		expect(report.tokens).toBe(1);
		expect(report.rate).toBe(100);
	});

	it('the report reuses its results only while the responses stay the same', () => {
		const typ = () => {
			const stats = surveyReport(survey, labels).results.questions.find((x) => x.question.id === 'typ')!;
			return stats.type === 'single' ? Object.fromEntries(stats.options.map((o) => [o.id, o.count])) : {};
		};
		expect(typ()).toMatchObject({ miasto: 1, gmina: 0 });
		// An answer changed after sending: same number of responses, new results.
		const [b] = generateTokens('admin-x', survey, ['Starostwo Powiatowe w Limanowej']);
		const who = { kind: 'token' as const, token: b.token };
		expect(saveResponse(survey, who, complete, { submit: true }).ok).toBe(true);
		expect(typ()).toMatchObject({ miasto: 1, powiat: 1 });
		saveResponse(survey, who, { typ: { choice: 'gmina' } });
		expect(typ()).toMatchObject({ miasto: 1, gmina: 1, powiat: 0 });
		expect(surveyReport(survey, labels).drafts).toBe(0);
		// Written by another process (a script): the rows' last change moves, and the report follows.
		const id = getDb()
			.select({ id: surveyResponses.id })
			.from(surveyResponses)
			.where(eq(surveyResponses.surveySlug, 'resp'))
			.all();
		getDb()
			.$client.prepare(
				`UPDATE survey_answers SET value = '{"choice":"gmina"}' WHERE response_id IN (?, ?) AND question_id = 'typ'`
			)
			.run(id[0].id, id[1].id);
		getDb().$client.prepare("UPDATE survey_responses SET updated_at = updated_at + 1 WHERE survey_slug = 'resp'").run();
		expect(typ()).toMatchObject({ miasto: 0, gmina: 2, powiat: 0 });
	});
});

describe('demo responses', () => {
	it('are valid answers to the real survey, deterministic, and fire recommendations', () => {
		const a = demoAnswers(seededRandom(17));
		const b = demoAnswers(seededRandom(17));
		expect(a).toEqual(b);
		const rand = seededRandom(17);
		const all = Array.from({ length: 60 }, () => demoAnswers(rand));
		for (const answers of all) {
			const fields = answersToFields(diagnosis.questions, answers);
			const { values, errors } = readAnswers(diagnosis.questions, (n) => fields[n] ?? []);
			expect(errors).toEqual({});
			expect(missingRequired(diagnosis.questions, values)).toEqual({});
		}
	});
});

describe('exports', () => {
	const survey = sampleSurvey();
	const responses = [
		{
			answers: { typ: { choice: 'other', other: '=HYPERLINK("http://x")' }, krotko: 'Zażółć gęślą jaźń', ile: 2.5 },
			demo: false
		},
		{
			answers: {
				typ: { choice: 'gmina' },
				formy: { choices: ['a', 'b'] },
				kolejnosc: ['y', 'x'],
				waga: { protokol: 4 }
			},
			demo: true
		}
	];

	it('CSV: Polish letters, BOM, semicolons, formula-safe text and decimal comma', () => {
		const csv = answersCsv(answerTable(survey, responses, tableLabels));
		expect(csv.startsWith('\uFEFF')).toBe(true);
		expect(csv).toContain('Zażółć gęślą jaźń');
		expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
		expect(csv).toContain(';2,5;');
		expect(csv).toContain('A; B');
		expect(csv).toContain('Kolejność – miejsce 1');
		const header = csv.slice(1).split('\r\n')[0];
		expect(header).not.toMatch(/office|urząd|token/i);
	});

	it('XLSX: Polish letters kept, formula text stored as a string, no formula cells', async () => {
		const bytes = await answersXlsx(answerTable(survey, responses, tableLabels), 'Odpowiedzi');
		const files = unzipSync(new Uint8Array(bytes));
		const sheet = strFromU8(files['xl/worksheets/sheet1.xml']);
		const strings = files['xl/sharedStrings.xml'] ? strFromU8(files['xl/sharedStrings.xml']) : '';
		const all = sheet + strings;
		expect(all).toContain('Zażółć gęślą jaźń');
		expect(all).toContain('<t>=HYPERLINK("http://x")</t>');
		expect(sheet).not.toMatch(/<f>|<f /);
		expect(strFromU8(files['xl/workbook.xml'])).toContain('Odpowiedzi');
	});
});

describe('PDF report', () => {
	it('renders with Polish text for the real survey and its demo answers', async () => {
		const rand = seededRandom(3);
		const responses = Array.from({ length: 20 }, () => ({ answers: demoAnswers(rand), demo: true }));
		const { surveyResults } = await import('$lib/server/surveys/aggregate');
		const results = surveyResults(diagnosis, responses, labels);
		const bytes = await renderReportPdf({
			survey: diagnosis,
			results,
			texts: {},
			links: {},
			tokens: 0,
			rate: null,
			drafts: 0,
			anonymous: true,
			published: null,
			closes: null,
			includeOpen: false,
			now: new Date(Date.UTC(2026, 0, 1))
		});
		expect(Buffer.from(bytes.slice(0, 5)).toString()).toBe('%PDF-');
		expect(bytes.length).toBeGreaterThan(10_000);
		expect(loadResponses(diagnosis)).toEqual([]);
	});
});
