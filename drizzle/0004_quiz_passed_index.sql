DROP INDEX `quiz_attempts_user_quiz_idx`;--> statement-breakpoint
CREATE INDEX `quiz_attempts_user_quiz_idx` ON `quiz_attempts` (`user_id`,`course_slug`,`quiz_slug`,`passed`);