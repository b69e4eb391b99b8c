CREATE TABLE `interview_facts` (
	`interview_id` text PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	`overall_score` real,
	`main_questions` integer NOT NULL,
	`active_ms` integer NOT NULL,
	`heard_answers` integer NOT NULL,
	`heard_speaking_ms` integer NOT NULL,
	`heard_words` real NOT NULL,
	`heard_fillers` integer NOT NULL,
	`weaknesses_json` text NOT NULL,
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
ALTER TABLE `interviews` ADD `retake_of_turn_id` text;--> statement-breakpoint
CREATE INDEX `interviews_retake_of` ON `interviews` (`retake_of_turn_id`);