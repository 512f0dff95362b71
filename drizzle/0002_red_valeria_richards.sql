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
CREATE INDEX `survey_tokens_survey_idx` ON `survey_tokens` (`survey_slug`);