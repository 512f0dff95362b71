// What the exported programme says, chapter by chapter, once: the .docx and the PDF writers only lay this outline
// out, so both carry the same chapters, tables, placeholders and draft resolution. Strings come translated (the
// export's own locale, not the request's) and formatted; an empty answer becomes a visible placeholder, never a gap.
import { formatDateLong } from '$lib/format';
import { m } from '$lib/paraglide/messages';
import { formLabelIn, officeLabelIn, regionLabelIn } from '$lib/practices/labels';
import { sourceLabelIn } from '$lib/programmes/labels';
import {
	PROGRAMME_STEPS,
	type BudgetSource,
	type ProgrammeContent,
	type ProgrammeOfficeType,
	type ProgrammeStep
} from '$lib/programmes/model';

export interface ExportMeta {
	title: string;
	authorOffice: string;
	updatedAt: Date;
	locale: 'pl' | 'en';
	includeResolution: boolean;
}

/** A piece of text; `placeholder` marks the "[do uzupełnienia]" parts the office still has to fill in. */
export interface Cell {
	text: string;
	placeholder?: boolean;
	bold?: boolean;
	alignRight?: boolean;
	/** The cell merges with the one above (an operational goal spanning its indicators): no text of its own. */
	merged?: boolean;
}

export type Block =
	/** level 1: a numbered chapter; level 2: a numbered section (both go into the table of contents). */
	| { kind: 'heading'; level: 1 | 2; text: string }
	| { kind: 'paragraph'; text: string; placeholder?: boolean; note?: boolean }
	/** "Label: value" on one line (the office's basic data). */
	| { kind: 'field'; label: string; value: Cell }
	| { kind: 'list'; items: Cell[] }
	| { kind: 'table'; columns: { label: string; share: number; alignRight?: boolean }[]; rows: Cell[][] };

export interface ResolutionOutline {
	/** Centred heading lines: number, council, date, subject. */
	heading: string[];
	basis: string;
	paragraphs: { mark: string; text: string }[];
	justificationTitle: string;
	notesTitle: string;
	notes: string[];
	/** "Załącznik do uchwały nr …": printed above the programme's title. */
	annexLine: string;
}

export interface ProgrammeOutline {
	lang: string;
	title: string;
	office: string;
	dateLine: string;
	draftNote: string;
	tocTitle: string;
	tocHint: string;
	placeholder: string;
	resolution: ResolutionOutline | null;
	chapters: { step: ProgrammeStep; title: string; blocks: Block[] }[];
	pageLabel: (page: number, pages: number) => string;
}

/** Whole złoty, Polish style whatever the UI language: "12 500 zł" (no-break spaces). */
const zloty = new Intl.NumberFormat('pl-PL', { maximumFractionDigits: 0, useGrouping: 'always' });
export const formatZloty = (amount: number): string => `${zloty.format(amount)}\u00a0zł`;
const count = new Intl.NumberFormat('pl-PL', { maximumFractionDigits: 0 });

/** "Rada Gminy X" -> "Rady Gminy X", "Sejmik Województwa X" -> "Sejmiku Województwa X"; other names as typed. */
export function councilGenitive(name: string): string {
	const n = name.trim().replace(/\s+/g, ' ');
	if (/^rada miejska\b/i.test(n)) return n.replace(/^rada miejska/i, 'Rady Miejskiej');
	if (/^rada\b/i.test(n)) return n.replace(/^rada/i, 'Rady');
	if (/^sejmik\b/i.test(n)) return n.replace(/^sejmik/i, 'Sejmiku');
	return n;
}

export function buildOutline(content: ProgrammeContent, meta: ExportMeta): ProgrammeOutline {
	const o = { locale: meta.locale };
	const placeholder = m.programmes_export_placeholder({}, o);
	const text = (value: string | null | undefined): Cell => {
		const t = (value ?? '').normalize('NFC').trim();
		return t ? { text: t } : { text: placeholder, placeholder: true };
	};
	const paragraphs = (value: string): Block[] => {
		const cell = text(value);
		if (cell.placeholder) return [{ kind: 'paragraph', text: cell.text, placeholder: true }];
		return cell.text
			.split(/\n\s*\n|\n/)
			.map((p) => p.trim())
			.filter(Boolean)
			.map((p) => ({ kind: 'paragraph', text: p }));
	};
	const formOf = (f: string) => formLabelIn(meta.locale, f);
	const regionOf = (r: string) => (r ? regionLabelIn(meta.locale, r) : '');
	const sourceOf = (s: BudgetSource | '') => (s ? sourceLabelIn(meta.locale, s) : '');
	const type = content.office.type;
	const title = meta.title.normalize('NFC').trim() || m.programmes_export_title_missing({}, o);

	const chapterTitles: Record<ProgrammeStep, string> = {
		office: m.programmes_export_ch_office({}, o),
		goals: m.programmes_export_ch_goals({}, o),
		partners: m.programmes_export_ch_partners({}, o),
		economy: m.programmes_export_ch_economy({}, o),
		organisation: m.programmes_export_ch_organisation({}, o),
		budget: m.programmes_export_ch_budget({}, o),
		monitoring: m.programmes_export_ch_monitoring({}, o)
	};

	const chapters = PROGRAMME_STEPS.map((step, index) => {
		const n = index + 1;
		let section = 0;
		const h2 = (label: string): Block => ({ kind: 'heading', level: 2, text: `${n}.${++section}. ${label}` });
		const titled = (label: string, value: string): Block[] => [h2(label), ...paragraphs(value)];
		const blocks: Block[] = [{ kind: 'heading', level: 1, text: `${n}. ${chapterTitles[step]}` }];

		switch (step) {
			case 'office': {
				const { office, years } = content;
				blocks.push(
					h2(m.programmes_export_office_basics({}, o)),
					{ kind: 'field', label: m.programmes_export_office_name({}, o), value: text(office.name) },
					{
						kind: 'field',
						label: m.programmes_export_office_type({}, o),
						value: text(type ? officeLabelIn(meta.locale, type) : '')
					},
					{
						kind: 'field',
						label: m.programmes_export_office_population({}, o),
						value: text(office.population === null ? '' : count.format(office.population))
					},
					{
						kind: 'field',
						label: m.programmes_export_office_years({}, o),
						value: text(years.from && years.to ? `${years.from}–${years.to}` : '')
					},
					...titled(m.programmes_export_current_partners({}, o), office.currentPartners),
					...titled(m.programmes_export_current_forms({}, o), office.currentForms),
					...titled(m.programmes_export_current_results({}, o), office.currentResults)
				);
				if (type === 'wojewodztwo')
					blocks.push(h2(m.programmes_export_voivodeship_law({}, o)), {
						kind: 'paragraph',
						text: m.programmes_export_voivodeship_priorities({}, o),
						note: true
					});
				break;
			}
			case 'goals': {
				if (content.strategicGoals.length === 0)
					blocks.push({ kind: 'paragraph', text: m.programmes_export_goals_missing({}, o), placeholder: true });
				const indicatorRows: Cell[][] = [];
				content.strategicGoals.forEach((goal, s) => {
					blocks.push(
						h2(m.programmes_export_strategic_goal({ number: String(s + 1), title: text(goal.title).text }, o))
					);
					if (goal.operational.length === 0)
						blocks.push({ kind: 'paragraph', text: m.programmes_export_no_operational({}, o), placeholder: true });
					else
						blocks.push({
							kind: 'list',
							items: goal.operational.map((op, k) => {
								const title = text(op.title);
								return {
									text: m.programmes_export_operational_goal({ number: `${s + 1}.${k + 1}`, title: title.text }, o),
									placeholder: title.placeholder
								};
							})
						});
					goal.operational.forEach((op, k) => {
						const goalCell: Cell = { text: `${s + 1}.${k + 1}. ${text(op.title).text}` };
						const indicators = op.indicators.length
							? op.indicators
							: [{ id: '', name: '', baseline: '', target: '', source: '' }];
						indicators.forEach((ind, i) =>
							indicatorRows.push([
								i === 0 ? goalCell : { text: '', merged: true },
								text(ind.name),
								text(ind.baseline),
								text(ind.target),
								text(ind.source)
							])
						);
					});
				});
				blocks.push(h2(m.programmes_export_indicators({}, o)), {
					kind: 'table',
					columns: [
						{ label: m.programmes_export_col_goal({}, o), share: 0.22 },
						{ label: m.programmes_export_col_indicator({}, o), share: 0.22 },
						{ label: m.programmes_export_col_baseline({}, o), share: 0.17 },
						{ label: m.programmes_export_col_target({}, o), share: 0.17 },
						{ label: m.programmes_export_col_source({}, o), share: 0.22 }
					],
					rows: indicatorRows.length ? indicatorRows : [[0, 1, 2, 3, 4].map(() => text(''))]
				});
				break;
			}
			case 'partners': {
				const rows = content.partners.map((p) => [
					text(p.name),
					text(regionOf(p.region)),
					text(p.reason),
					text(p.forms.map(formOf).join(', '))
				]);
				blocks.push(h2(m.programmes_export_partners_priority({}, o)), {
					kind: 'table',
					columns: [
						{ label: m.programmes_export_col_partner({}, o), share: 0.25 },
						{ label: m.programmes_export_col_region({}, o), share: 0.15 },
						{ label: m.programmes_export_col_reason({}, o), share: 0.35 },
						{ label: m.programmes_export_col_forms({}, o), share: 0.25 }
					],
					rows: rows.length ? rows : [[0, 1, 2, 3].map(() => text(''))]
				});
				blocks.push(h2(m.programmes_export_forms_general({}, o)));
				if (content.forms.length) blocks.push({ kind: 'list', items: content.forms.map((f) => ({ text: formOf(f) })) });
				else blocks.push({ kind: 'paragraph', text: placeholder, placeholder: true });
				if (type === 'wojewodztwo')
					blocks.push({ kind: 'paragraph', text: m.programmes_export_voivodeship_consent({}, o), note: true });
				break;
			}
			case 'economy': {
				const e = content.economy;
				blocks.push(
					...titled(m.programmes_export_investor_service({}, o), e.investorService),
					...titled(m.programmes_export_export_promotion({}, o), e.exportPromotion),
					...titled(m.programmes_export_economic_missions({}, o), e.economicMissions),
					...titled(m.programmes_export_fairs({}, o), e.fairs)
				);
				break;
			}
			case 'organisation': {
				const g = content.organisation;
				blocks.push(
					...titled(m.programmes_export_coordinator({}, o), g.coordinator),
					...titled(m.programmes_export_departments({}, o), g.departments),
					...titled(m.programmes_export_council_role({}, o), g.councilRole),
					...titled(m.programmes_export_head_role({}, o), g.headRole),
					...titled(m.programmes_export_consultation({}, o), g.consultation)
				);
				break;
			}
			case 'budget': {
				const lines = [...content.budget].sort((a, b) => (a.year ?? 9999) - (b.year ?? 9999));
				const rows: Cell[][] = lines.map((b) => [
					text(b.year === null ? '' : String(b.year)),
					text(sourceOf(b.source)),
					b.amount === null ? text('') : { text: formatZloty(b.amount), alignRight: true },
					text(b.purpose)
				]);
				const known = lines.filter((b) => b.amount !== null);
				const total = known.reduce((sum, b) => sum + (b.amount ?? 0), 0);
				rows.push([
					{ text: m.programmes_export_total({}, o), bold: true },
					{ text: '' },
					known.length
						? { text: formatZloty(total), bold: true, alignRight: true }
						: { text: placeholder, placeholder: true },
					{ text: '' }
				]);
				if (lines.length === 0) rows.unshift([0, 1, 2, 3].map(() => text('')));
				blocks.push(h2(m.programmes_export_budget({}, o)), {
					kind: 'table',
					columns: [
						{ label: m.programmes_export_col_year({}, o), share: 0.12 },
						{ label: m.programmes_export_col_budget_source({}, o), share: 0.26 },
						{ label: m.programmes_export_col_amount({}, o), share: 0.18, alignRight: true },
						{ label: m.programmes_export_col_purpose({}, o), share: 0.44 }
					],
					rows
				});
				const risks = content.risks.map((r) => [text(r.risk), text(r.mitigation)]);
				blocks.push(h2(m.programmes_export_risks({}, o)), {
					kind: 'table',
					columns: [
						{ label: m.programmes_export_col_risk({}, o), share: 0.45 },
						{ label: m.programmes_export_col_mitigation({}, o), share: 0.55 }
					],
					rows: risks.length ? risks : [[text(''), text('')]]
				});
				break;
			}
			case 'monitoring': {
				const mo = content.monitoring;
				blocks.push(
					h2(m.programmes_export_report({}, o)),
					{ kind: 'paragraph', text: m.programmes_export_report_intro({}, o) },
					{ kind: 'field', label: m.programmes_export_report_responsible({}, o), value: text(mo.reportResponsible) },
					{ kind: 'field', label: m.programmes_export_report_deadline({}, o), value: text(mo.reportDeadline) },
					...titled(m.programmes_export_evaluation({}, o), mo.evaluation)
				);
				break;
			}
		}
		return { step, title: chapterTitles[step], blocks };
	});

	return {
		lang: meta.locale === 'pl' ? 'pl-PL' : 'en-GB',
		title,
		office: m.programmes_export_prepared_by({ office: text(meta.authorOffice || content.office.name).text }, o),
		dateLine: m.programmes_export_as_of({ date: formatDateLong(meta.updatedAt, meta.locale) }, o),
		draftNote: m.programmes_export_draft_note({}, o),
		tocTitle: m.programmes_export_toc({}, o),
		tocHint: m.programmes_export_toc_hint({}, o),
		placeholder,
		resolution: meta.includeResolution ? resolutionOutline(content, title, meta) : null,
		chapters,
		pageLabel: (page, pages) => m.programmes_export_page({ page: String(page), pages: String(pages) }, o)
	};
}

function resolutionOutline(content: ProgrammeContent, title: string, meta: ExportMeta): ResolutionOutline {
	const o = { locale: meta.locale };
	const typed = content.resolution.councilName.normalize('NFC').trim();
	const council = typed
		? meta.locale === 'pl'
			? councilGenitive(typed)
			: typed
		: m.programmes_export_res_council_missing({}, o);
	// The subject takes the genitive: "w sprawie przyjęcia Programu współpracy …".
	const subjectTitle = meta.locale === 'pl' ? title.replace(/^Program\b/, 'Programu') : title;
	const notes = [m.programmes_export_res_note_constitution({}, o), ...typeNotes(content.office.type, meta)];
	notes.push(m.programmes_export_res_note_association({}, o));
	return {
		heading: [
			m.programmes_export_res_number({}, o),
			m.programmes_export_res_of_council({ council }, o),
			m.programmes_export_res_date({}, o),
			m.programmes_export_res_subject({ title: subjectTitle }, o)
		],
		basis: m.programmes_export_res_basis({}, o),
		paragraphs: [
			{ mark: '§ 1.', text: m.programmes_export_res_p1({ title }, o) },
			{ mark: '§ 2.', text: m.programmes_export_res_p2({}, o) },
			{ mark: '§ 3.', text: m.programmes_export_res_p3({}, o) }
		],
		justificationTitle: m.programmes_export_res_justification({}, o),
		notesTitle: m.programmes_export_res_notes({}, o),
		notes,
		annexLine: m.programmes_export_annex({ council }, o)
	};
}

/** What the content brief says about the legal basis for this type of office, with its own caveats. */
function typeNotes(type: ProgrammeOfficeType | '', meta: ExportMeta): string[] {
	const o = { locale: meta.locale };
	switch (type) {
		case 'gmina':
			return [m.programmes_export_res_note_gmina_tasks({}, o), m.programmes_export_res_note_gmina_council({}, o)];
		case 'powiat':
			return [m.programmes_export_res_note_powiat({}, o)];
		case 'wojewodztwo':
			return [m.programmes_export_voivodeship_priorities({}, o)];
		default:
			return [m.programmes_export_res_note_type_missing({}, o)];
	}
}
