CREATE TABLE `model_calls` (
	`id` text PRIMARY KEY NOT NULL,
	`interview_id` text NOT NULL,
	`operation` text NOT NULL,
	`provider` text NOT NULL,
	`model` text NOT NULL,
	`input_tokens` integer NOT NULL,
	`output_tokens` integer NOT NULL,
	`duration_ms` integer NOT NULL,
	`summarised` integer NOT NULL,
	`called_at` text NOT NULL,
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `model_calls_interview` ON `model_calls` (`interview_id`);--> statement-breakpoint
ALTER TABLE `interviews` ADD `prompt_version` text;