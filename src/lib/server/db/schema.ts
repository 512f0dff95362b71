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

/** Failed sign-ins per key ("email:…" or "ip:…") in the current window. */
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
	(t) => [index('live_sessions_group_idx').on(t.groupId, t.startsAt)]
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
		lastPosition: text('last_position').notNull().default('')
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
		index('quiz_attempts_user_quiz_idx').on(t.userId, t.courseSlug, t.quizSlug),
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
		answeredAt: integer('answered_at', { mode: 'timestamp_ms' }).notNull()
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
	error: text('error')
});

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
