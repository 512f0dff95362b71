// The training record as a PDF for an employee file: the same rows as the page, in the UI language.
import { formatDate, formatDateTime, formatNumber } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { renderTableDocument } from '../pdf/table-document';
import type { TrainingRecord } from './training-record';

export function renderTrainingRecordPdf(record: TrainingRecord, verifyBase: string, now = new Date()) {
	const { person } = record;
	return renderTableDocument({
		title: m.record_title(),
		lines: [
			`${m.record_person()}: ${person.name}${person.organisation ? `, ${person.organisation}` : ''}`,
			`${m.record_total_hours()}: ${formatNumber(record.totalHours)}`,
			m.record_generated({ date: formatDateTime(now) }),
			m.record_verify_note({ url: `${verifyBase}/verify` })
		],
		sections: [
			{
				heading: m.record_courses_heading(),
				columns: [
					{ label: m.record_col_course(), share: 0.46 },
					{ label: m.record_col_hours(), share: 0.12 },
					{ label: m.record_col_completed(), share: 0.18 },
					{ label: m.record_col_code(), share: 0.24 }
				],
				rows: record.courses.map((c) => [c.title, formatNumber(c.hours), formatDate(c.completedAt), c.code]),
				empty: m.record_no_courses()
			},
			{
				heading: m.record_sessions_heading(),
				columns: [
					{ label: m.record_col_session(), share: 0.4 },
					{ label: m.record_col_when(), share: 0.22 },
					{ label: m.record_col_place(), share: 0.38 }
				],
				rows: record.sessions.map((s) => [`${s.title} (${s.groupName})`, formatDateTime(s.startsAt), s.place]),
				empty: m.record_no_sessions()
			}
		],
		pageLabel: (page, pages) => m.record_page({ page, pages }),
		createdAt: now
	});
}
