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
ALTER TABLE `lesson_progress` ADD `end_reached_at` integer;