// The report's downloads: the PDF and the raw, anonymised answers (XLSX, CSV).
import { attachmentDisposition } from '../attachment';
import { getCatalogue } from '../content';
import { answerTable, answersCsv, answersXlsx } from './exports';
import type { Survey } from './catalogue';
import { renderReportPdf } from './pdf';
import { loadResponses, recommendationLinks, surveyReport, upcomingSessions } from './report';
import { closesAt } from './responses';

const LABELS = { other: 'Inne', merged: 'Pozostałe (łącznie)' };

/** The PDF report; open answers only once the report is published (an admin has read them). */
export async function reportPdf(survey: Survey, now = new Date()): Promise<Uint8Array> {
	const report = surveyReport(survey, LABELS);
	const courses = getCatalogue().courses;
	return renderReportPdf({
		survey,
		results: report.results,
		texts: report.texts,
		links: Object.fromEntries(
			report.results.recommendations.map((f) => [f.rule.id, recommendationLinks(f.rule, courses)])
		),
		sessions: Object.fromEntries(
			report.results.recommendations.map((f) => [
				f.rule.id,
				upcomingSessions(
					f.rule.links.map((l) => l.course),
					now
				)
			])
		),
		tokens: report.tokens,
		rate: report.rate,
		drafts: report.drafts,
		anonymous: report.settings.anonymous,
		published: report.settings.publishedAt,
		closes: closesAt(survey),
		includeOpen: !!report.settings.publishedAt,
		now
	});
}

function table(survey: Survey) {
	return answerTable(survey, loadResponses(survey), {
		number: 'Nr',
		demo: 'Dane demonstracyjne',
		other: 'Inne',
		yes: 'tak',
		place: (n) => `miejsce ${n}`
	});
}

export const responsesCsv = (survey: Survey) => answersCsv(table(survey));
export const responsesXlsx = (survey: Survey) => answersXlsx(table(survey), 'Odpowiedzi');

/** ASCII-safe attachment header with the UTF-8 name alongside (RFC 6266). */
export function download(body: BodyInit, filename: string, type: string): Response {
	return new Response(body, {
		headers: {
			'content-type': type,
			'content-disposition': attachmentDisposition(filename),
			'cache-control': 'private, no-store'
		}
	});
}
