CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`name` text NOT NULL,
	`source` text NOT NULL,
	`text` text NOT NULL,
	`profile_json` text NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `documents_kind_updated` ON `documents` (`kind`,`updated_at`);--> statement-breakpoint
ALTER TABLE `interviews` ADD `resume_id` text REFERENCES documents(id) ON DELETE set null;--> statement-breakpoint
ALTER TABLE `interviews` ADD `posting_id` text REFERENCES documents(id) ON DELETE set null;