// The one invitation mail, for single invitations, imported staff lists and re-sent links: it names the
// institution, the person who invited, the role, and the group and course when the invitation has one.
import { eq } from 'drizzle-orm';
import { m } from '$lib/paraglide/messages';
import { getCourse } from '../content';
import { getDb } from '../db';
import { groups, users, type Role } from '../db/schema';
import { institutionName } from '../institution';
import type { Mail } from '../mail/outbox';

export interface InvitationMailInput {
	to: string;
	role: Role;
	link: string;
	groupId?: string | null;
	invitedBy?: string | null;
	/** The recipient's language when known (a registration card's); otherwise the current request's. */
	locale?: 'pl' | 'en';
}

const ROLE = { learner: m.role_learner, trainer: m.role_trainer, admin: m.role_admin };

export function invitationMail(input: InvitationMailInput): Mail {
	const db = getDb();
	const group = input.groupId ? db.select().from(groups).where(eq(groups.id, input.groupId)).get() : undefined;
	const inviter = input.invitedBy
		? db.select({ name: users.name }).from(users).where(eq(users.id, input.invitedBy)).get()?.name
		: undefined;
	const course = group ? getCourse(group.courseSlug) : undefined;
	const institution = institutionName();
	const o = input.locale ? { locale: input.locale } : {};
	return {
		to: input.to,
		subject: m.mail_invitation_subject({}, o),
		body: m.mail_invitation_body(
			{
				who: inviter ? `${inviter} (${institution})` : institution,
				role: ROLE[input.role]({}, o),
				context: group
					? m.mail_invitation_group({ group: group.name, course: course?.title ?? group.courseSlug }, o)
					: '',
				link: input.link
			},
			o
		)
	};
}
