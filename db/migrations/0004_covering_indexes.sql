DROP INDEX `action_due_date_changes_action`;--> statement-breakpoint
CREATE INDEX `action_due_date_changes_action` ON `action_due_date_changes` (`action_id`,`deleted_at`);--> statement-breakpoint
DROP INDEX `progress_updates_action`;--> statement-breakpoint
CREATE INDEX `progress_updates_action` ON `progress_updates` (`action_id`,`deleted_at`,`update_date`);