CREATE TABLE `bundle_bases` (
	`entity_type` text NOT NULL,
	`entity_id` text NOT NULL,
	`base_hash` text NOT NULL,
	PRIMARY KEY(`entity_type`, `entity_id`)
);
--> statement-breakpoint
CREATE TABLE `bundle_log` (
	`id` text PRIMARY KEY NOT NULL,
	`bundle_id` text NOT NULL,
	`direction` text NOT NULL,
	`at` text NOT NULL,
	`actor` text NOT NULL,
	`plan_id` text NOT NULL,
	`theme_id` text,
	`file_name` text NOT NULL,
	`fingerprint` text NOT NULL,
	`classification` text NOT NULL,
	`encrypted` integer NOT NULL,
	`bytes` integer NOT NULL,
	`summary` text NOT NULL,
	`backup_file` text
);
--> statement-breakpoint
CREATE INDEX `bundle_log_plan` ON `bundle_log` (`plan_id`,`at`);