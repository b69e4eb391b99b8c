ALTER TABLE `answers` ADD `peaks_json` text;--> statement-breakpoint
ALTER TABLE `answers` ADD `analytics_json` text;--> statement-breakpoint
ALTER TABLE `turns` ADD `question_peaks_json` text;