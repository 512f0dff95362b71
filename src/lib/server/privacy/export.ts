// The right of access (RODO): everything stored about one person, as plain JSON. Secrets are left out on
// purpose: the password hash, session ids and token hashes identify nothing and would only help an attacker.
import { eq, inArray, or } from 'drizzle-orm';
import { getDb, type Tx } from '../db';
import {
	attendance,
	certificateNameRequests,
	certificates,
	enrollments,
	groupMembers,
	groups,
	groupTrainers,
	lessonProgress,
	liveSessions,
	practiceSubmissions,
	programmeComments,
	programmes,
	programmeShares,
	quizAttempts,
	quizResponses,
	trainingRegistrations,
	trainings,
	users
} from '../db/schema';

export const EXPORT_FORMAT = 'akademia-personal-data/1';

export function exportPersonalData(userId: string, tx: Tx = getDb()) {
	const user = tx
		.select({
			id: users.id,
			email: users.email,
			name: users.name,
			organisation: users.organisation,
			role: users.role,
			locale: users.locale,
			createdAt: users.createdAt,
			disabledAt: users.disabledAt,
			anonymisedAt: users.anonymisedAt
		})
		.from(users)
		.where(eq(users.id, userId))
		.get();
	if (!user) return null;
	const attempts = tx.select().from(quizAttempts).where(eq(quizAttempts.userId, userId)).all();
	const responses =
		attempts.length === 0
			? []
			: tx
					.select()
					.from(quizResponses)
					.where(
						inArray(
							quizResponses.attemptId,
							attempts.map((a) => a.id)
						)
					)
					.all();
	const groupRows = (table: typeof groupMembers | typeof groupTrainers) =>
		tx
			.select({ id: groups.id, name: groups.name, courseSlug: groups.courseSlug })
			.from(table)
			.innerJoin(groups, eq(groups.id, table.groupId))
			.where(eq(table.userId, userId))
			.all();
	return {
		format: EXPORT_FORMAT,
		exportedAt: new Date(),
		profile: user,
		enrolments: tx
			.select({ courseSlug: enrollments.courseSlug, enrolledAt: enrollments.enrolledAt })
			.from(enrollments)
			.where(eq(enrollments.userId, userId))
			.all(),
		groupMemberships: groupRows(groupMembers),
		groupsTrained: groupRows(groupTrainers),
		lessonProgress: tx
			.select({
				courseSlug: lessonProgress.courseSlug,
				lessonSlug: lessonProgress.lessonSlug,
				firstOpenedAt: lessonProgress.firstOpenedAt,
				lastOpenedAt: lessonProgress.lastOpenedAt,
				completedAt: lessonProgress.completedAt,
				seconds: lessonProgress.seconds,
				lastPosition: lessonProgress.lastPosition
			})
			.from(lessonProgress)
			.where(eq(lessonProgress.userId, userId))
			.all(),
		quizAttempts: attempts.map(({ userId: _u, layout: _layout, seed: _seed, ...attempt }) => ({
			...attempt,
			responses: responses.filter((r) => r.attemptId === attempt.id).map(({ attemptId: _a, ...response }) => response)
		})),
		certificates: tx
			.select({
				code: certificates.code,
				courseSlug: certificates.courseSlug,
				courseTitle: certificates.courseTitle,
				nameAsPrinted: certificates.nameAsPrinted,
				hours: certificates.hours,
				completedAt: certificates.completedAt,
				issuedAt: certificates.issuedAt,
				issuer: certificates.issuer,
				revokedAt: certificates.revokedAt,
				revokedReason: certificates.revokedReason
			})
			.from(certificates)
			.where(eq(certificates.userId, userId))
			.all(),
		certificateNameRequests: tx
			.select({
				accountName: certificateNameRequests.accountName,
				requestedName: certificateNameRequests.requestedName,
				createdAt: certificateNameRequests.createdAt,
				decision: certificateNameRequests.decision,
				decidedAt: certificateNameRequests.decidedAt
			})
			.from(certificateNameRequests)
			.where(eq(certificateNameRequests.userId, userId))
			.all(),
		attendance: tx
			.select({
				liveSession: liveSessions.title,
				startsAt: liveSessions.startsAt,
				place: liveSessions.place,
				attended: attendance.attended,
				markedAt: attendance.markedAt
			})
			.from(attendance)
			.innerJoin(liveSessions, eq(liveSessions.id, attendance.liveSessionId))
			.where(eq(attendance.userId, userId))
			.all(),
		// Good-practice cases the person submitted (the case itself, its status and the moderator's comment).
		practiceSubmissions: tx
			.select({
				id: practiceSubmissions.id,
				title: practiceSubmissions.title,
				status: practiceSubmissions.status,
				data: practiceSubmissions.data,
				moderatorComment: practiceSubmissions.moderatorComment,
				slug: practiceSubmissions.slug,
				createdAt: practiceSubmissions.createdAt,
				updatedAt: practiceSubmissions.updatedAt,
				publishedAt: practiceSubmissions.publishedAt
			})
			.from(practiceSubmissions)
			.where(eq(practiceSubmissions.authorId, userId))
			.all(),
		// Programmes of international cooperation the person drafted, their comments on steps, and the drafts
		// shared with them (which programme and the role, not its text: that is the author's).
		programmes: tx
			.select({
				id: programmes.id,
				titleOffice: programmes.titleOffice,
				yearFrom: programmes.yearFrom,
				yearTo: programmes.yearTo,
				content: programmes.content,
				status: programmes.status,
				createdAt: programmes.createdAt,
				updatedAt: programmes.updatedAt,
				publishedAt: programmes.publishedAt
			})
			.from(programmes)
			.where(eq(programmes.authorId, userId))
			.all(),
		programmeComments: tx
			.select({
				programme: programmeComments.programmeId,
				step: programmeComments.step,
				body: programmeComments.body,
				createdAt: programmeComments.createdAt
			})
			.from(programmeComments)
			.where(eq(programmeComments.authorId, userId))
			.all(),
		programmesSharedWithMe: tx
			.select({
				programme: programmeShares.programmeId,
				email: programmeShares.email,
				role: programmeShares.role,
				createdAt: programmeShares.createdAt
			})
			.from(programmeShares)
			.where(
				user.email
					? or(eq(programmeShares.userId, userId), eq(programmeShares.email, user.email))
					: eq(programmeShares.userId, userId)
			)
			.all(),
		// Registration cards for live trainings under the account's address (secrets, the token hashes, left out).
		trainingRegistrations: user.email
			? tx
					.select({
						training: trainings.title,
						firstName: trainingRegistrations.firstName,
						lastName: trainingRegistrations.lastName,
						position: trainingRegistrations.position,
						office: trainingRegistrations.office,
						officeType: trainingRegistrations.officeType,
						email: trainingRegistrations.email,
						phone: trainingRegistrations.phone,
						dietaryNeeds: trainingRegistrations.dietaryNeeds,
						accessibilityNeeds: trainingRegistrations.accessibilityNeeds,
						superiorEmail: trainingRegistrations.superiorEmail,
						consentVersion: trainingRegistrations.consentVersion,
						consentAt: trainingRegistrations.consentAt,
						status: trainingRegistrations.status,
						createdAt: trainingRegistrations.createdAt
					})
					.from(trainingRegistrations)
					.innerJoin(trainings, eq(trainings.id, trainingRegistrations.trainingId))
					.where(eq(trainingRegistrations.email, user.email))
					.all()
			: []
	};
}

export type PersonalDataExport = NonNullable<ReturnType<typeof exportPersonalData>>;
