CREATE TABLE `credential_status_entries` (
	`position` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`certificate_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`certificate_id`) REFERENCES `certificates`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `credential_status_entries_certificate_id_unique` ON `credential_status_entries` (`certificate_id`);--> statement-breakpoint
ALTER TABLE `quiz_responses` ADD `seq` integer DEFAULT 0 NOT NULL;