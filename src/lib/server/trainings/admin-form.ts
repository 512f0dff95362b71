// Reading the organiser's forms into concern inputs (shared by the create and edit pages).
import { warsawToInstant } from '../groups/time';
import { getCatalogue } from '../content';
import { validateForm, formDataToObject, fieldError, type FieldErrors } from '../forms/validate';
import { daySchema, parseProgramme, trainingSchema } from './card';
import type { DayInput, TrainingInput } from './manage';

export interface FormMessages {
	courseRequired: string;
	whenInvalid: string;
	placeOrLink: string;
	seatsInvalid: string;
	urlInvalid: string;
	endBeforeStart: string;
	programmeLine: (line: number) => string;
}

export function readTrainingForm(
	form: FormData,
	msg: FormMessages
): { ok: true; input: TrainingInput } | { ok: false; errors: FieldErrors } {
	const parsed = validateForm(trainingSchema, formDataToObject(form));
	if (!parsed.ok) {
		const errors = { ...parsed.errors };
		if (errors.seats) errors.seats = msg.seatsInvalid;
		if (errors.online_url) errors.online_url = msg.urlInvalid;
		return { ok: false, errors };
	}
	const d = parsed.data;
	const known = new Set(getCatalogue().courses.map((c) => c.slug));
	const courseSlugs = [d.courses ?? []].flat().filter((slug) => known.has(slug));
	if (courseSlugs.length === 0) return { ok: false, errors: fieldError('courses', msg.courseRequired) };
	if (!d.place && !d.online_url) return { ok: false, errors: fieldError('place', msg.placeOrLink) };
	const deadline = warsawToInstant(d.deadline_date, d.deadline_time);
	if (!deadline) return { ok: false, errors: fieldError('deadline_date', msg.whenInvalid) };
	return {
		ok: true,
		input: {
			title: d.title,
			invitation: d.invitation,
			place: d.place,
			onlineUrl: d.online_url,
			seats: d.seats,
			registrationDeadline: deadline,
			requiresApproval: d.approval === 'yes',
			courseSlugs
		}
	};
}

export function readDayForm(
	form: FormData,
	msg: FormMessages
): { ok: true; input: DayInput } | { ok: false; errors: FieldErrors } {
	const parsed = validateForm(daySchema, formDataToObject(form));
	if (!parsed.ok) return { ok: false, errors: parsed.errors };
	const startsAt = warsawToInstant(parsed.data.date, parsed.data.start);
	const endsAt = warsawToInstant(parsed.data.date, parsed.data.end);
	if (!startsAt || !endsAt) return { ok: false, errors: fieldError('date', msg.whenInvalid) };
	if (endsAt <= startsAt) return { ok: false, errors: fieldError('end', msg.endBeforeStart) };
	const programme = parseProgramme(parsed.data.programme);
	if (!programme.ok) return { ok: false, errors: fieldError('programme', msg.programmeLine(programme.line)) };
	return { ok: true, input: { startsAt, endsAt, programme: programme.items } };
}
