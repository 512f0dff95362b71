// The mails of a training, in the registrant's language, each with its calendar invitation where it concerns a
// seat. Built here and queued by the functions that change a registration, inside their transaction.
import { formatDateLong, formatDateTimeFull, formatHourMinute } from '../../format';
import { m } from '../../paraglide/messages';
import type { Training, TrainingDay, TrainingRegistration } from '../db/schema';
import type { Mail } from '../mail/outbox';
import { buildCalendar, calendarContentType, type IcsEvent, type IcsMethod } from './ics';

export const ORGANIZER_NAME = 'Akademia';

export function organizerEmail(): string {
	return process.env.MAIL_FROM?.replace(/^.*<([^>]+)>.*$/, '$1') ?? 'akademia@localhost';
}

/** A stable UID per training date: updates and cancellations of that date carry the same one. */
export function dayUid(day: Pick<TrainingDay, 'id'>): string {
	return `training-day-${day.id}@akademia`;
}

export function trainingEvents(
	training: Training,
	days: TrainingDay[],
	options: { withOnlineLink: boolean; origin: string; attendee?: { name: string; email: string } }
): IcsEvent[] {
	return days.map((day, i) => ({
		uid: dayUid(day),
		sequence: training.sequence,
		start: day.startsAt,
		end: day.endsAt,
		summary: days.length > 1 ? `${training.title} (${i + 1}/${days.length})` : training.title,
		location: training.place || (options.withOnlineLink ? training.onlineUrl : '') || 'online',
		url: `${options.origin}/trainings/${training.slug}`,
		description: `${options.origin}/trainings/${training.slug}`,
		organizer: { name: ORGANIZER_NAME, email: organizerEmail() },
		attendee: options.attendee,
		cancelled: training.status === 'cancelled'
	}));
}

function calendarFor(
	method: IcsMethod,
	training: Training,
	days: TrainingDay[],
	reg: TrainingRegistration,
	origin: string,
	now: Date
) {
	const ics = buildCalendar(
		method,
		trainingEvents(training, days, {
			withOnlineLink: method === 'REQUEST',
			origin,
			attendee: { name: `${reg.firstName} ${reg.lastName}`, email: reg.email }
		}),
		now
	);
	return [
		{
			filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics',
			contentType: calendarContentType(method),
			content: ics
		}
	];
}

// The app's kept formatters ($lib/format): a new Intl.DateTimeFormat per mail held ICU memory outside the
// JavaScript heap until the next full GC (31 MB of the 404 reminders at a first start: docs/PERFORMANCE.md, round four).
function when(days: TrainingDay[], locale: 'pl' | 'en'): string {
	return days
		.map((d) => `- ${formatDateTimeFull(d.startsAt, locale)}–${formatHourMinute(d.endsAt, locale)}`)
		.join('\n');
}

export type RegistrationMailKind =
	| 'confirmed'
	| 'waitlisted'
	| 'pending'
	| 'promoted'
	| 'approved_waitlisted'
	| 'declined'
	| 'cancelled'
	| 'updated'
	| 'training_cancelled';

/** The mail to the registrant about their registration's new state. */
export function registrationMail(
	kind: RegistrationMailKind,
	ctx: {
		training: Training;
		days: TrainingDay[];
		reg: TrainingRegistration;
		origin: string;
		now: Date;
		cancelToken?: string;
		waitlistPosition?: number;
		/** A removed day: the mail withdraws its event (METHOD:CANCEL with its UID) instead of re-sending the rest. */
		cancelledDay?: TrainingDay;
	}
): Mail {
	const { training, days, reg, origin, now } = ctx;
	const locale = reg.locale;
	const o = { locale };
	const title = training.title;
	const page = `${origin}/trainings/${training.slug}`;
	const cancelLink = ctx.cancelToken ? `${origin}/trainings/${training.slug}/cancel/${ctx.cancelToken}` : '';
	const place =
		training.place ||
		(kind === 'waitlisted' ? m.training_online({}, o) : training.onlineUrl || m.training_online({}, o));
	const lines: string[] = [m.training_mail_greeting({ name: reg.firstName }, o), ''];
	let subject: string;
	let method: IcsMethod | null = null;
	switch (kind) {
		case 'confirmed':
		case 'promoted':
			subject = m.training_mail_confirmed_subject({ title }, o);
			lines.push(
				kind === 'promoted' ? m.training_mail_promoted_body({ title }, o) : m.training_mail_confirmed_body({ title }, o)
			);
			lines.push('', when(days, locale), '', m.training_mail_place({ place }, o));
			method = 'REQUEST';
			break;
		case 'waitlisted':
		case 'approved_waitlisted':
			subject = m.training_mail_waitlisted_subject({ title }, o);
			lines.push(m.training_mail_waitlisted_body({ title, position: ctx.waitlistPosition ?? 0 }, o));
			break;
		case 'pending':
			subject = m.training_mail_pending_subject({ title }, o);
			lines.push(m.training_mail_pending_body({ title, superior: reg.superiorEmail ?? '' }, o));
			break;
		case 'declined':
			subject = m.training_mail_declined_subject({ title }, o);
			lines.push(m.training_mail_declined_body({ title }, o));
			break;
		case 'cancelled':
			subject = m.training_mail_cancelled_subject({ title }, o);
			lines.push(m.training_mail_cancelled_body({ title }, o));
			// Only a held seat had a calendar invitation to withdraw.
			method = reg.status === 'confirmed' ? 'CANCEL' : null;
			break;
		case 'updated':
			subject = m.training_mail_updated_subject({ title }, o);
			lines.push(
				m.training_mail_updated_body({ title }, o),
				'',
				when(days, locale),
				'',
				m.training_mail_place({ place }, o)
			);
			method = 'REQUEST';
			break;
		case 'training_cancelled':
			subject = m.training_mail_training_cancelled_subject({ title }, o);
			lines.push(m.training_mail_training_cancelled_body({ title }, o));
			method = 'CANCEL';
			break;
	}
	lines.push('', m.training_mail_page({ link: page }, o));
	if (cancelLink) lines.push('', m.training_mail_cancel_link({ link: cancelLink }, o));
	return {
		to: reg.email,
		subject,
		body: lines.join('\n'),
		attachments: ctx.cancelledDay
			? calendarFor('CANCEL', training, [ctx.cancelledDay], reg, origin, now)
			: method && days.length > 0
				? calendarFor(method, training, days, reg, origin, now)
				: undefined
	};
}

/** To the superior: approve or decline, no account needed. */
export function superiorMail(ctx: {
	training: Training;
	days: TrainingDay[];
	reg: TrainingRegistration;
	origin: string;
	approvalToken: string;
}): Mail {
	const { training, reg, origin } = ctx;
	const o = { locale: reg.locale };
	const link = `${origin}/trainings/${training.slug}/approval/${ctx.approvalToken}`;
	return {
		to: reg.superiorEmail ?? '',
		subject: m.training_mail_superior_subject({ title: training.title }, o),
		body: [
			m.training_mail_superior_body(
				{ name: `${reg.firstName} ${reg.lastName}`, office: reg.office, title: training.title },
				o
			),
			'',
			when(ctx.days, reg.locale),
			'',
			m.training_mail_superior_link({ link }, o)
		].join('\n')
	};
}

/** A reminder some days before a training day. */
export function reminderMail(ctx: {
	training: Training;
	days: TrainingDay[];
	reg: TrainingRegistration;
	origin: string;
	/** The day the reminder is about. */
	day: TrainingDay;
}): Mail {
	const { training, reg } = ctx;
	const o = { locale: reg.locale };
	const place = training.place || training.onlineUrl || m.training_online({}, o);
	return {
		to: reg.email,
		subject: m.training_mail_reminder_subject(
			{
				title: training.title,
				date: formatDateLong(ctx.day.startsAt, reg.locale)
			},
			o
		),
		body: [
			m.training_mail_greeting({ name: reg.firstName }, o),
			'',
			m.training_mail_reminder_body({ title: training.title }, o),
			'',
			when(ctx.days, reg.locale),
			'',
			m.training_mail_place({ place }, o),
			'',
			m.training_mail_page({ link: `${ctx.origin}/trainings/${training.slug}` }, o)
		].join('\n')
	};
}
