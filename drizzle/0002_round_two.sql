CREATE TABLE `certificate_name_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`certificate_id` text NOT NULL,
	`user_id` text NOT NULL,
	`account_name` text NOT NULL,
	`requested_name` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`decided_at` integer,
	`decided_by` text,
	`decision` text,
	FOREIGN KEY (`certificate_id`) REFERENCES `certificates`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `certificate_name_requests_cert_idx` ON `certificate_name_requests` (`certificate_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `certificate_name_requests_pending_idx` ON `certificate_name_requests` (`certificate_id`) WHERE "certificate_name_requests"."decided_at" is null;--> statement-breakpoint
CREATE TABLE `credential_status_entries` (
	`position` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`certificate_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`certificate_id`) REFERENCES `certificates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `credential_status_entries_certificate_id_unique` ON `credential_status_entries` (`certificate_id`);--> statement-breakpoint
CREATE TABLE `practice_submissions` (
	`id` text PRIMARY KEY NOT NULL,
	`author_id` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`title` text NOT NULL,
	`data` text NOT NULL,
	`slug` text,
	`moderator_comment` text,
	`moderated_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	`published_at` integer,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`moderated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `practice_submissions_slug_unique` ON `practice_submissions` (`slug`);--> statement-breakpoint
CREATE INDEX `practice_submissions_status_idx` ON `practice_submissions` (`status`,`updated_at`);--> statement-breakpoint
CREATE INDEX `practice_submissions_author_idx` ON `practice_submissions` (`author_id`);--> statement-breakpoint
CREATE TABLE `survey_answers` (
	`response_id` text NOT NULL,
	`question_id` text NOT NULL,
	`value` text NOT NULL,
	`answered_at` integer NOT NULL,
	PRIMARY KEY(`response_id`, `question_id`),
	FOREIGN KEY (`response_id`) REFERENCES `survey_responses`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `survey_responses` (
	`id` text PRIMARY KEY NOT NULL,
	`survey_slug` text NOT NULL,
	`token_id` text,
	`respondent_hash` text,
	`context` text DEFAULT '' NOT NULL,
	`group_id` text,
	`demo` integer DEFAULT false NOT NULL,
	`submitted_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`token_id`) REFERENCES `survey_tokens`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_responses_token_id_unique` ON `survey_responses` (`token_id`);--> statement-breakpoint
CREATE UNIQUE INDEX `survey_responses_respondent_hash_unique` ON `survey_responses` (`respondent_hash`);--> statement-breakpoint
CREATE INDEX `survey_responses_survey_idx` ON `survey_responses` (`survey_slug`,`context`);--> statement-breakpoint
CREATE INDEX `survey_responses_group_idx` ON `survey_responses` (`group_id`);--> statement-breakpoint
CREATE TABLE `survey_settings` (
	`survey_slug` text PRIMARY KEY NOT NULL,
	`anonymous` integer NOT NULL,
	`closed_at` integer,
	`recommendation_texts` text,
	`published_at` integer,
	`updated_at` integer
);
--> statement-breakpoint
CREATE TABLE `survey_tokens` (
	`id` text PRIMARY KEY NOT NULL,
	`survey_slug` text NOT NULL,
	`token_hash` text NOT NULL,
	`office` text NOT NULL,
	`created_by` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `survey_tokens_token_hash_unique` ON `survey_tokens` (`token_hash`);--> statement-breakpoint
CREATE INDEX `survey_tokens_survey_idx` ON `survey_tokens` (`survey_slug`);--> statement-breakpoint
CREATE TABLE `training_days` (
	`id` text PRIMARY KEY NOT NULL,
	`training_id` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`live_session_id` text,
	`programme` text DEFAULT '[]' NOT NULL,
	FOREIGN KEY (`training_id`) REFERENCES `trainings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`live_session_id`) REFERENCES `live_sessions`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `training_days_training_idx` ON `training_days` (`training_id`,`starts_at`);--> statement-breakpoint
CREATE TABLE `training_mail_log` (
	`registration_id` text NOT NULL,
	`kind` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`registration_id`, `kind`),
	FOREIGN KEY (`registration_id`) REFERENCES `training_registrations`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `training_registrations` (
	`id` text PRIMARY KEY NOT NULL,
	`training_id` text NOT NULL,
	`email` text NOT NULL,
	`first_name` text NOT NULL,
	`last_name` text NOT NULL,
	`position` text DEFAULT '' NOT NULL,
	`office` text NOT NULL,
	`office_type` text NOT NULL,
	`phone` text DEFAULT '' NOT NULL,
	`dietary_needs` text DEFAULT '' NOT NULL,
	`accessibility_needs` text DEFAULT '' NOT NULL,
	`superior_email` text,
	`locale` text DEFAULT 'pl' NOT NULL,
	`consent_version` text NOT NULL,
	`consent_at` integer NOT NULL,
	`status` text NOT NULL,
	`waitlist_seq` integer,
	`cancel_token_hash` text NOT NULL,
	`approval_token_hash` text,
	`user_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`decided_at` integer,
	`anonymised_at` integer,
	FOREIGN KEY (`training_id`) REFERENCES `trainings`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE UNIQUE INDEX `training_registrations_cancel_token_hash_unique` ON `training_registrations` (`cancel_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `training_registrations_approval_token_hash_unique` ON `training_registrations` (`approval_token_hash`);--> statement-breakpoint
CREATE UNIQUE INDEX `training_registrations_email_idx` ON `training_registrations` (`training_id`,`email`) WHERE "training_registrations"."status" not in ('cancelled', 'declined');--> statement-breakpoint
CREATE INDEX `training_registrations_status_idx` ON `training_registrations` (`training_id`,`status`,`waitlist_seq`);--> statement-breakpoint
CREATE TABLE `trainings` (
	`id` text PRIMARY KEY NOT NULL,
	`slug` text NOT NULL,
	`title` text NOT NULL,
	`invitation` text DEFAULT '' NOT NULL,
	`place` text DEFAULT '' NOT NULL,
	`online_url` text DEFAULT '' NOT NULL,
	`seats` integer NOT NULL,
	`registration_deadline` integer NOT NULL,
	`requires_approval` integer DEFAULT false NOT NULL,
	`group_id` text NOT NULL,
	`course_slugs` text DEFAULT '[]' NOT NULL,
	`sequence` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'published' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`group_id`) REFERENCES `groups`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `trainings_slug_unique` ON `trainings` (`slug`);--> statement-breakpoint
ALTER TABLE `groups` ADD `finish_by` integer;--> statement-breakpoint
ALTER TABLE `lesson_progress` ADD `end_reached_at` integer;--> statement-breakpoint
ALTER TABLE `mail_outbox` ADD `attachments` text;--> statement-breakpoint
ALTER TABLE `quiz_responses` ADD `seq` integer DEFAULT 0 NOT NULL;