CREATE TABLE `sub_plan_links` (
	`id` text PRIMARY KEY NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`updated_by` text NOT NULL,
	`revision` integer DEFAULT 1 NOT NULL,
	`deleted_at` text,
	`sub_plan_id` text NOT NULL,
	`action_id` text NOT NULL,
	FOREIGN KEY (`sub_plan_id`) REFERENCES `plans`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`action_id`) REFERENCES `actions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sub_plan_links_pair` ON `sub_plan_links` (`sub_plan_id`,`action_id`);--> statement-breakpoint
CREATE INDEX `sub_plan_links_action` ON `sub_plan_links` (`action_id`);