-- Round three: the programme builder (programme, programme_share, programme_comment) and an index on live_sessions(starts_at) for the survey report's upcoming sessions.
CREATE TABLE `programme_comment` (
	`id` text PRIMARY KEY NOT NULL,
	`programme_id` text NOT NULL,
	`step` text NOT NULL,
	`author_id` text,
	`body` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`programme_id`) REFERENCES `programme`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `programme_comment_idx` ON `programme_comment` (`programme_id`,`step`,`created_at`);--> statement-breakpoint
CREATE TABLE `programme_share` (
	`programme_id` text NOT NULL,
	`email` text NOT NULL,
	`user_id` text,
	`role` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`programme_id`, `email`),
	FOREIGN KEY (`programme_id`) REFERENCES `programme`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `programme_share_email_idx` ON `programme_share` (`email`);--> statement-breakpoint
CREATE TABLE `programme` (
	`id` text PRIMARY KEY NOT NULL,
	`author_id` text,
	`title_office` text NOT NULL,
	`year_from` integer,
	`year_to` integer,
	`content` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`example` integer DEFAULT false NOT NULL,
	`published_at` integer,
	`unpublished_by` text,
	`unpublished_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`author_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`unpublished_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null
);
--> statement-breakpoint
CREATE INDEX `programme_author_idx` ON `programme` (`author_id`);--> statement-breakpoint
CREATE INDEX `programme_status_idx` ON `programme` (`status`,`published_at`);--> statement-breakpoint
CREATE INDEX `live_sessions_starts_idx` ON `live_sessions` (`starts_at`);