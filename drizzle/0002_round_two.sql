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
ALTER TABLE `lesson_progress` ADD `end_reached_at` integer;--> statement-breakpoint
ALTER TABLE `quiz_responses` ADD `seq` integer DEFAULT 0 NOT NULL;