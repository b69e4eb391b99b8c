CREATE TABLE `answers` (
	`id` text PRIMARY KEY NOT NULL,
	`turn_id` text NOT NULL,
	`text` text,
	`transcript` text,
	`audio_path` text,
	`duration_ms` integer,
	`answered_at` text NOT NULL,
	FOREIGN KEY (`turn_id`) REFERENCES `turns`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `answers_turn_id_unique` ON `answers` (`turn_id`);--> statement-breakpoint
CREATE TABLE `evaluations` (
	`id` text PRIMARY KEY NOT NULL,
	`answer_id` text NOT NULL,
	`score` real NOT NULL,
	`feedback` text NOT NULL,
	`strengths_json` text NOT NULL,
	`weaknesses_json` text NOT NULL,
	`suggestions_json` text NOT NULL,
	`skills_shown_json` text DEFAULT '[]' NOT NULL,
	`evaluator` text NOT NULL,
	`evaluated_at` text NOT NULL,
	FOREIGN KEY (`answer_id`) REFERENCES `answers`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `evaluations_answer_id_unique` ON `evaluations` (`answer_id`);--> statement-breakpoint
CREATE TABLE `interviews` (
	`id` text PRIMARY KEY NOT NULL,
	`track` text NOT NULL,
	`status` text NOT NULL,
	`config_json` text NOT NULL,
	`engine_state_json` text NOT NULL,
	`started_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`completed_at` text,
	`overall_score` real
);
--> statement-breakpoint
CREATE INDEX `interviews_started_at` ON `interviews` (`started_at`);--> statement-breakpoint
CREATE INDEX `interviews_status` ON `interviews` (`status`);--> statement-breakpoint
CREATE TABLE `turns` (
	`id` text PRIMARY KEY NOT NULL,
	`interview_id` text NOT NULL,
	`idx` integer NOT NULL,
	`phase` text NOT NULL,
	`difficulty` text NOT NULL,
	`follow_up` integer NOT NULL,
	`parent_turn_id` text,
	`source_id` text NOT NULL,
	`question_text` text NOT NULL,
	`question_audio_path` text,
	`question_audio_ms` integer,
	`asked_at` text NOT NULL,
	`skipped` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`interview_id`) REFERENCES `interviews`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE UNIQUE INDEX `turns_interview_idx` ON `turns` (`interview_id`,`idx`);