// The whole data model. Times are stored as Unix milliseconds (Drizzle returns Date objects).
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

const createdAt = () =>
	integer('created_at', { mode: 'timestamp_ms' })
		.notNull()
		.default(sql`(unixepoch('subsec') * 1000)`);

export const ROLES = ['learner', 'trainer', 'admin'] as const;
export type Role = (typeof ROLES)[number];
export const LOCALES = ['pl', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const users = sqliteTable(
	'users',
	{
		id: text('id').primaryKey(),
		/** Stored lowercased; null once the person is anonymised. */
		email: text('email').unique(),
		name: text('name').notNull().default(''),
		organisation: text('organisation').notNull().default(''),
		role: text('role', { enum: ROLES }).notNull().default('learner'),
		locale: text('locale', { enum: LOCALES }).notNull().default('pl'),
		/** Null until the person accepts the invitation and sets a password. */
		passwordHash: text('password_hash'),
		disabledAt: integer('disabled_at', { mode: 'timestamp_ms' }),
		anonymisedAt: integer('anonymised_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt()
	},
	(t) => [index('users_role_idx').on(t.role), index('users_organisation_idx').on(t.organisation)]
);

export const sessions = sqliteTable(
	'sessions',
	{
		/** SHA-256 (hex) of the token in the cookie; the token itself is never stored. */
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('sessions_user_idx').on(t.userId)]
);

export const invitations = sqliteTable('invitations', {
	id: text('id').primaryKey(),
	tokenHash: text('token_hash').notNull().unique(),
	email: text('email').notNull(),
	role: text('role', { enum: ROLES }).notNull(),
	name: text('name').notNull().default(''),
	organisation: text('organisation').notNull().default(''),
	groupId: text('group_id').references(() => groups.id, { onDelete: 'set null' }),
	invitedBy: text('invited_by').references(() => users.id, { onDelete: 'set null' }),
	expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
	usedAt: integer('used_at', { mode: 'timestamp_ms' }),
	createdAt: createdAt()
});

export const passwordResets = sqliteTable('password_resets', {
	id: text('id').primaryKey(),
	tokenHash: text('token_hash').notNull().unique(),
	userId: text('user_id')
		.notNull()
		.references(() => users.id, { onDelete: 'cascade' }),
	expiresAt: integer('expires_at', { mode: 'timestamp_ms' }).notNull(),
	usedAt: integer('used_at', { mode: 'timestamp_ms' }),
	createdAt: createdAt()
});

/**
 * Failed attempts per key in the current window: sign-ins ("pair:<email>|<address>", "email:…", "ip:…"; see
 * auth/throttle.ts), reset requests ("reset-ip:…"), certificate look-ups ("verify:…").
 */
export const authThrottle = sqliteTable('auth_throttle', {
	key: text('key').primaryKey(),
	failures: integer('failures').notNull().default(0),
	windowStart: integer('window_start', { mode: 'timestamp_ms' }).notNull(),
	blockedUntil: integer('blocked_until', { mode: 'timestamp_ms' })
});

export const groups = sqliteTable('groups', {
	id: text('id').primaryKey(),
	name: text('name').notNull(),
	courseSlug: text('course_slug').notNull(),
	archivedAt: integer('archived_at', { mode: 'timestamp_ms' }),
	/** The date by which members should finish the course (end of that day, Polish time); null: none. */
	finishBy: integer('finish_by', { mode: 'timestamp_ms' }),
	createdAt: createdAt()
});

export const groupTrainers = sqliteTable(
	'group_trainers',
	{
		groupId: text('group_id')
			.notNull()
			.references(() => groups.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' })
	},
	(t) => [primaryKey({ columns: [t.groupId, t.userId] }), index('group_trainers_user_idx').on(t.userId)]
);

export const groupMembers = sqliteTable(
	'group_members',
	{
		groupId: text('group_id')
			.notNull()
			.references(() => groups.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		joinedAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.groupId, t.userId] }), index('group_members_user_idx').on(t.userId)]
);

export const liveSessions = sqliteTable(
	'live_sessions',
	{
		id: text('id').primaryKey(),
		groupId: text('group_id')
			.notNull()
			.references(() => groups.id, { onDelete: 'cascade' }),
		title: text('title').notNull().default(''),
		startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
		place: text('place').notNull().default(''),
		/** JSON array of module slugs the group should finish before this session. */
		dueModules: text('due_modules', { mode: 'json' }).$type<string[]>().notNull().default([])
	},
	(t) => [
		index('live_sessions_group_idx').on(t.groupId, t.startsAt),
		// The next sessions of any group of a course (survey recommendations): walked in time order from now,
		// instead of every group of the database (docs/PERFORMANCE.md, round two).
		index('live_sessions_starts_idx').on(t.startsAt)
	]
);

export const attendance = sqliteTable(
	'attendance',
	{
		liveSessionId: text('live_session_id')
			.notNull()
			.references(() => liveSessions.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		attended: integer('attended', { mode: 'boolean' }).notNull(),
		markedBy: text('marked_by').references(() => users.id, { onDelete: 'set null' }),
		markedAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.liveSessionId, t.userId] }), index('attendance_user_idx').on(t.userId)]
);

export const enrollments = sqliteTable(
	'enrollments',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		courseSlug: text('course_slug').notNull(),
		enrolledAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.userId, t.courseSlug] })]
);

export const lessonProgress = sqliteTable(
	'lesson_progress',
	{
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		courseSlug: text('course_slug').notNull(),
		lessonSlug: text('lesson_slug').notNull(),
		firstOpenedAt: integer('first_opened_at', { mode: 'timestamp_ms' }).notNull(),
		lastOpenedAt: integer('last_opened_at', { mode: 'timestamp_ms' }).notNull(),
		completedAt: integer('completed_at', { mode: 'timestamp_ms' }),
		/** Active reading time, from capped heartbeats. */
		seconds: integer('seconds').notNull().default(0),
		/** Where the learner stopped: the id of the last heading reached, or ''. */
		lastPosition: text('last_position').notNull().default(''),
		/**
		 * When the page first reported the lesson's end reached (the script at #lesson-end, the "mark as completed"
		 * form or "next lesson" from the end). Completion needs it and enough active time (progress/completion.ts).
		 */
		endReachedAt: integer('end_reached_at', { mode: 'timestamp_ms' })
	},
	(t) => [primaryKey({ columns: [t.userId, t.courseSlug, t.lessonSlug] })]
);

export const quizAttempts = sqliteTable(
	'quiz_attempts',
	{
		id: text('id').primaryKey(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		courseSlug: text('course_slug').notNull(),
		/** Module slug, or "final". */
		quizSlug: text('quiz_slug').notNull(),
		contentVersion: text('content_version').notNull(),
		seed: integer('seed').notNull(),
		/** JSON: the drawn questions in the order shown, each with its option order. */
		layout: text('layout', { mode: 'json' }).$type<AttemptLayout>().notNull(),
		startedAt: integer('started_at', { mode: 'timestamp_ms' }).notNull(),
		deadlineAt: integer('deadline_at', { mode: 'timestamp_ms' }),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
		score: real('score'),
		maxScore: real('max_score'),
		percent: real('percent'),
		passed: integer('passed', { mode: 'boolean' })
	},
	(t) => [
		// `passed` last: the course, lesson and quiz pages' "which quizzes has this learner passed" reads the index
		// alone instead of each attempt row with its layout (docs/PERFORMANCE.md, round four).
		index('quiz_attempts_user_quiz_idx').on(t.userId, t.courseSlug, t.quizSlug, t.passed),
		index('quiz_attempts_quiz_idx').on(t.courseSlug, t.quizSlug, t.contentVersion)
	]
);

export type AttemptLayout = { questionId: string; optionOrder: string[] }[];

export const quizResponses = sqliteTable(
	'quiz_responses',
	{
		attemptId: text('attempt_id')
			.notNull()
			.references(() => quizAttempts.id, { onDelete: 'cascade' }),
		questionId: text('question_id').notNull(),
		/** JSON answer; its shape depends on the question type (see $lib/server/quiz). */
		answer: text('answer', { mode: 'json' }).notNull(),
		/** Filled in when the attempt is submitted. */
		score: real('score'),
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' }).notNull(),
		/**
		 * When the answer was given, as the page estimates the server's clock in milliseconds (the form actions
		 * use the server's clock): a save carrying a smaller number than the stored one arrived late and is ignored.
		 */
		seq: integer('seq').notNull().default(0)
	},
	(t) => [primaryKey({ columns: [t.attemptId, t.questionId] })]
);

export const certificates = sqliteTable(
	'certificates',
	{
		id: text('id').primaryKey(),
		/** Public verification code: random, unambiguous characters. */
		code: text('code').notNull().unique(),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		courseSlug: text('course_slug').notNull(),
		/** What is printed, frozen at issue time. */
		nameAsPrinted: text('name_as_printed').notNull(),
		courseTitle: text('course_title').notNull(),
		hours: real('hours').notNull(),
		completedAt: integer('completed_at', { mode: 'timestamp_ms' }).notNull(),
		issuer: text('issuer').notNull(),
		issuedAt: integer('issued_at', { mode: 'timestamp_ms' }).notNull(),
		/** Set when the learner confirmed the spelling of their name (before the first download). */
		nameConfirmedAt: integer('name_confirmed_at', { mode: 'timestamp_ms' }),
		revokedAt: integer('revoked_at', { mode: 'timestamp_ms' }),
		revokedReason: text('revoked_reason'),
		/** When re-issued after a correction, the certificate that replaces this one. */
		replacedById: text('replaced_by_id')
	},
	(t) => [
		index('certificates_user_idx').on(t.userId, t.courseSlug),
		// At most one valid certificate per learner and course, whatever races the callers run into.
		uniqueIndex('certificates_one_valid_idx')
			.on(t.userId, t.courseSlug)
			.where(sql`${t.revokedAt} is null and ${t.replacedById} is null`)
	]
);

/**
 * A certificate's place in the Bitstring Status List of its Open Badges credential (src/lib/server/credentials):
 * `position` numbers entries from 1 in the order credentials were first built and never changes or is reused, so
 * a credential already handed out keeps pointing at its own bit. The bit itself is derived from the certificate
 * (revoked or replaced = set), so it needs no column here.
 */
export const credentialStatusEntries = sqliteTable('credential_status_entries', {
	position: integer('position').primaryKey({ autoIncrement: true }),
	certificateId: text('certificate_id')
		.notNull()
		.unique()
		.references(() => certificates.id, { onDelete: 'cascade' }),
	createdAt: createdAt()
});

/**
 * A learner's request to print a name on a certificate that the correction rule does not accept (anything but
 * letter case, Polish letters, hyphens and word order of the account's name). An admin approves (the name is
 * printed and confirmed) or refuses (the learner confirms again); both are audited.
 */
export const certificateNameRequests = sqliteTable(
	'certificate_name_requests',
	{
		id: text('id').primaryKey(),
		certificateId: text('certificate_id')
			.notNull()
			.references(() => certificates.id, { onDelete: 'cascade' }),
		userId: text('user_id')
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		/** The account's name when the request was made. */
		accountName: text('account_name').notNull(),
		requestedName: text('requested_name').notNull(),
		createdAt: createdAt(),
		decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
		decidedBy: text('decided_by').references(() => users.id, { onDelete: 'set null' }),
		decision: text('decision', { enum: ['approved', 'refused'] })
	},
	(t) => [
		index('certificate_name_requests_cert_idx').on(t.certificateId),
		// At most one pending request per certificate.
		uniqueIndex('certificate_name_requests_pending_idx')
			.on(t.certificateId)
			.where(sql`${t.decidedAt} is null`)
	]
);

export const auditLog = sqliteTable(
	'audit_log',
	{
		id: integer('id').primaryKey({ autoIncrement: true }),
		actorId: text('actor_id'),
		action: text('action').notNull(),
		subjectType: text('subject_type').notNull().default(''),
		subjectId: text('subject_id').notNull().default(''),
		details: text('details', { mode: 'json' }).$type<Record<string, unknown>>(),
		at: createdAt()
	},
	(t) => [index('audit_log_at_idx').on(t.at)]
);

export const mailOutbox = sqliteTable('mail_outbox', {
	id: text('id').primaryKey(),
	to: text('to').notNull(),
	subject: text('subject').notNull(),
	body: text('body').notNull(),
	createdAt: createdAt(),
	sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
	error: text('error'),
	/** Files sent with the message (a calendar invitation): text content, so the outbox can show and resend it. */
	attachments: text('attachments', { mode: 'json' }).$type<MailAttachment[]>()
});

export const PRACTICE_SUBMISSION_STATUSES = ['pending', 'changes_requested', 'published', 'rejected'] as const;
export type PracticeSubmissionStatus = (typeof PRACTICE_SUBMISSION_STATUSES)[number];

/**
 * Good-practice cases sent through the form (src/lib/server/practices/submissions.ts). `data` holds the case in
 * the shape of a case file (frontmatter fields + sections), validated by the same schema; once published the case
 * is listed beside the files under practices/ at /practices/<slug>.
 */
export const practiceSubmissions = sqliteTable(
	'practice_submissions',
	{
		id: text('id').primaryKey(),
		authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
		status: text('status', { enum: PRACTICE_SUBMISSION_STATUSES }).notNull().default('pending'),
		title: text('title').notNull(),
		data: text('data', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
		/** Set when published; unique among submissions (file cases are checked in code). */
		slug: text('slug').unique(),
		/** The moderator's last comment (why changes are needed, or why rejected). */
		moderatorComment: text('moderator_comment'),
		moderatedBy: text('moderated_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
		publishedAt: integer('published_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		index('practice_submissions_status_idx').on(t.status, t.updatedAt),
		index('practice_submissions_author_idx').on(t.authorId)
	]
);

export interface MailAttachment {
	filename: string;
	/** e.g. "text/calendar; method=REQUEST; charset=UTF-8" */
	contentType: string;
	content: string;
}

// Surveys (src/lib/server/surveys): the questions live in surveys/<slug>.yaml, the answers here.

/** What an admin set for a survey; a row is created from the file's defaults on first use. */
export const surveySettings = sqliteTable('survey_settings', {
	surveySlug: text('survey_slug').primaryKey(),
	/** Hides who answered from everyone; cannot be switched off once a response exists. */
	anonymous: integer('anonymous', { mode: 'boolean' }).notNull(),
	/** Set when an admin closes the survey early (the file's `closes` date closes it too). */
	closedAt: integer('closed_at', { mode: 'timestamp_ms' }),
	/** Recommendation texts as an admin edited them: { ruleId: text }; rules not listed use the file's text. */
	recommendationTexts: text('recommendation_texts', { mode: 'json' }).$type<Record<string, string>>(),
	/** When an admin published the report (after reading open answers and editing recommendations). */
	publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
	updatedAt: integer('updated_at', { mode: 'timestamp_ms' })
});

/** Per-office links: the token itself is shown once to the admin who generated it; only its hash is kept. */
export const surveyTokens = sqliteTable(
	'survey_tokens',
	{
		id: text('id').primaryKey(),
		surveySlug: text('survey_slug').notNull(),
		tokenHash: text('token_hash').notNull().unique(),
		office: text('office').notNull(),
		createdBy: text('created_by').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt()
	},
	(t) => [index('survey_tokens_survey_idx').on(t.surveySlug)]
);

export const surveyResponses = sqliteTable(
	'survey_responses',
	{
		id: text('id').primaryKey(),
		surveySlug: text('survey_slug').notNull(),
		/** One response per token link. */
		tokenId: text('token_id')
			.unique()
			.references(() => surveyTokens.id, { onDelete: 'set null' }),
		/** Hash of the respondent's key (a cookie for an open link, the learner for an evaluation): editing later. */
		respondentHash: text('respondent_hash').unique(),
		/** Evaluation surveys: the course (or training) evaluated and the learner's group, for trainer results. */
		context: text('context').notNull().default(''),
		groupId: text('group_id').references(() => groups.id, { onDelete: 'set null' }),
		/** Synthetic answers of the quick-start demo; the report says so. */
		demo: integer('demo', { mode: 'boolean' }).notNull().default(false),
		submittedAt: integer('submitted_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [
		index('survey_responses_survey_idx').on(t.surveySlug, t.context),
		index('survey_responses_group_idx').on(t.groupId)
	]
);

export const surveyAnswers = sqliteTable(
	'survey_answers',
	{
		responseId: text('response_id')
			.notNull()
			.references(() => surveyResponses.id, { onDelete: 'cascade' }),
		questionId: text('question_id').notNull(),
		/** JSON; its shape depends on the question type (docs/CONTENT-FORMAT.md, "Surveys"). */
		value: text('value', { mode: 'json' }).notNull(),
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [primaryKey({ columns: [t.responseId, t.questionId] })]
);

export type User = typeof users.$inferSelect;
export type Session = typeof sessions.$inferSelect;
export type Group = typeof groups.$inferSelect;
export type QuizAttempt = typeof quizAttempts.$inferSelect;
export type Certificate = typeof certificates.$inferSelect;
export type CertificateNameRequest = typeof certificateNameRequests.$inferSelect;

// Live trainings (src/lib/server/trainings): a public invitation with a programme, a registration card, seats and a
// waitlist. Each training day is also a live session of the training's group, so attendance stays in one place.
export const TRAINING_STATUSES = ['published', 'cancelled'] as const;

export const trainings = sqliteTable('trainings', {
	id: text('id').primaryKey(),
	/** The public address: /trainings/<slug>. */
	slug: text('slug').notNull().unique(),
	title: text('title').notNull(),
	/** The invitation (zaproszenie): plain text, paragraphs separated by blank lines. */
	invitation: text('invitation').notNull().default(''),
	/** Where it takes place; empty for an online training. */
	place: text('place').notNull().default(''),
	/** The meeting link of an online training: shown only to confirmed participants. */
	onlineUrl: text('online_url').notNull().default(''),
	seats: integer('seats').notNull(),
	registrationDeadline: integer('registration_deadline', { mode: 'timestamp_ms' }).notNull(),
	/** With approval on, a registration counts against the seats only once the superior approves it. */
	requiresApproval: integer('requires_approval', { mode: 'boolean' }).notNull().default(false),
	/** The group whose learners the participants become; its live sessions are the training's days. */
	groupId: text('group_id')
		.notNull()
		.references(() => groups.id),
	/** Course slugs to take before and between the sessions (the first one is the group's course). */
	courseSlugs: text('course_slugs', { mode: 'json' }).$type<string[]>().notNull().default([]),
	/** RFC 5545 SEQUENCE of the calendar invitations: raised on every change of dates or place. */
	sequence: integer('sequence').notNull().default(0),
	status: text('status', { enum: TRAINING_STATUSES }).notNull().default('published'),
	createdAt: createdAt()
});

export interface ProgrammeItem {
	/** "09:00" */
	start: string;
	/** "10:30" */
	end: string;
	topic: string;
	trainer: string;
}

export const trainingDays = sqliteTable(
	'training_days',
	{
		id: text('id').primaryKey(),
		trainingId: text('training_id')
			.notNull()
			.references(() => trainings.id, { onDelete: 'cascade' }),
		startsAt: integer('starts_at', { mode: 'timestamp_ms' }).notNull(),
		endsAt: integer('ends_at', { mode: 'timestamp_ms' }).notNull(),
		/** The live session of the training's group for this day (attendance, sign-in sheet). */
		liveSessionId: text('live_session_id').references(() => liveSessions.id, { onDelete: 'set null' }),
		/** The timetable of the day, in order. */
		programme: text('programme', { mode: 'json' }).$type<ProgrammeItem[]>().notNull().default([])
	},
	(t) => [index('training_days_training_idx').on(t.trainingId, t.startsAt)]
);

export const REGISTRATION_STATUSES = ['pending_approval', 'confirmed', 'waitlisted', 'cancelled', 'declined'] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const OFFICE_TYPES = ['gmina', 'powiat', 'wojewodztwo', 'other'] as const;

export const trainingRegistrations = sqliteTable(
	'training_registrations',
	{
		id: text('id').primaryKey(),
		trainingId: text('training_id')
			.notNull()
			.references(() => trainings.id, { onDelete: 'cascade' }),
		/** Lowercased. */
		email: text('email').notNull(),
		firstName: text('first_name').notNull(),
		lastName: text('last_name').notNull(),
		position: text('position').notNull().default(''),
		office: text('office').notNull(),
		officeType: text('office_type', { enum: OFFICE_TYPES }).notNull(),
		phone: text('phone').notNull().default(''),
		dietaryNeeds: text('dietary_needs').notNull().default(''),
		accessibilityNeeds: text('accessibility_needs').notNull().default(''),
		superiorEmail: text('superior_email'),
		/** The language of the page the person registered on: their mails use it. */
		locale: text('locale', { enum: LOCALES }).notNull().default('pl'),
		/** The version of the information clause (RODO art. 13) the person was shown and consented to. */
		consentVersion: text('consent_version').notNull(),
		consentAt: integer('consent_at', { mode: 'timestamp_ms' }).notNull(),
		status: text('status', { enum: REGISTRATION_STATUSES }).notNull(),
		/** Order on the waitlist (smaller = earlier); the position shown is the rank among the waitlisted. */
		waitlistSeq: integer('waitlist_seq'),
		cancelTokenHash: text('cancel_token_hash').notNull().unique(),
		approvalTokenHash: text('approval_token_hash').unique(),
		/** The account the person got or was matched to when the organiser made participants learners. */
		userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
		createdAt: createdAt(),
		decidedAt: integer('decided_at', { mode: 'timestamp_ms' }),
		anonymisedAt: integer('anonymised_at', { mode: 'timestamp_ms' })
	},
	(t) => [
		// The same address registers once per training (a cancelled or declined registration may register again).
		uniqueIndex('training_registrations_email_idx')
			.on(t.trainingId, t.email)
			.where(sql`${t.status} not in ('cancelled', 'declined')`),
		index('training_registrations_status_idx').on(t.trainingId, t.status, t.waitlistSeq)
	]
);

/** One row per automatic mail sent (reminders): inserted in the same transaction that queues the mail. */
export const trainingMailLog = sqliteTable(
	'training_mail_log',
	{
		registrationId: text('registration_id')
			.notNull()
			.references(() => trainingRegistrations.id, { onDelete: 'cascade' }),
		/** "reminder:7:<day id>" */
		kind: text('kind').notNull(),
		sentAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.registrationId, t.kind] })]
);

export type Training = typeof trainings.$inferSelect;
export type TrainingDay = typeof trainingDays.$inferSelect;
export type TrainingRegistration = typeof trainingRegistrations.$inferSelect;

// Programme builder (src/lib/server/programmes): an office's draft programme of international cooperation.

export const PROGRAMME_STATUSES = ['draft', 'published'] as const;
export type ProgrammeStatus = (typeof PROGRAMME_STATUSES)[number];

/**
 * One draft programme. `content` is the whole ProgrammeContent (src/lib/programmes/model.ts); `version` rises by
 * one on every save, and a save based on an older version is refused (programmes/store.ts), so two tabs or two
 * colleagues never overwrite each other silently. Published programmes show in the public gallery with the
 * office and the date only.
 */
export const programmes = sqliteTable(
	'programme',
	{
		id: text('id').primaryKey(),
		authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
		/** The title's parts: "Program współpracy zagranicznej <titleOffice> na lata <yearFrom>–<yearTo>". */
		titleOffice: text('title_office').notNull(),
		yearFrom: integer('year_from'),
		yearTo: integer('year_to'),
		content: text('content', { mode: 'json' }).notNull().$type<Record<string, unknown>>(),
		version: integer('version').notNull().default(1),
		status: text('status', { enum: PROGRAMME_STATUSES }).notNull().default('draft'),
		/** Demo examples: the public page labels them as illustrations. */
		example: integer('example', { mode: 'boolean' }).notNull().default(false),
		publishedAt: integer('published_at', { mode: 'timestamp_ms' }),
		unpublishedBy: text('unpublished_by').references(() => users.id, { onDelete: 'set null' }),
		unpublishedAt: integer('unpublished_at', { mode: 'timestamp_ms' }),
		createdAt: createdAt(),
		updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull()
	},
	(t) => [index('programme_author_idx').on(t.authorId), index('programme_status_idx').on(t.status, t.publishedAt)]
);

export const PROGRAMME_SHARE_ROLES = ['view', 'edit'] as const;
export type ProgrammeShareRole = (typeof PROGRAMME_SHARE_ROLES)[number];

/** A draft shared by its author with a colleague or a trainer, by e-mail (the account is matched when known). */
export const programmeShares = sqliteTable(
	'programme_share',
	{
		programmeId: text('programme_id')
			.notNull()
			.references(() => programmes.id, { onDelete: 'cascade' }),
		/** Lowercased. */
		email: text('email').notNull(),
		userId: text('user_id').references(() => users.id, { onDelete: 'set null' }),
		role: text('role', { enum: PROGRAMME_SHARE_ROLES }).notNull(),
		createdAt: createdAt()
	},
	(t) => [primaryKey({ columns: [t.programmeId, t.email] }), index('programme_share_email_idx').on(t.email)]
);

/** Comments per step, by the author and the people the draft is shared with ("for the next live session"). */
export const programmeComments = sqliteTable(
	'programme_comment',
	{
		id: text('id').primaryKey(),
		programmeId: text('programme_id')
			.notNull()
			.references(() => programmes.id, { onDelete: 'cascade' }),
		step: text('step').notNull(),
		authorId: text('author_id').references(() => users.id, { onDelete: 'set null' }),
		body: text('body').notNull(),
		createdAt: createdAt()
	},
	(t) => [index('programme_comment_idx').on(t.programmeId, t.step, t.createdAt)]
);
