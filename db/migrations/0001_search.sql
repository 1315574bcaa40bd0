-- Full-text search (SQLite FTS5) over actions, progress updates, recommendations and review
-- findings. Each index row shares the rowid of its source row, so the triggers that keep the
-- index current touch one row each; tombstoned records leave the index.
CREATE VIRTUAL TABLE `search_actions` USING fts5(reference, title, body, tokenize = 'porter unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `search_actions_insert` AFTER INSERT ON `actions` WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO `search_actions` (rowid, reference, title, body) VALUES (new.rowid, new.reference, new.title, coalesce(new.description, '') || ' ' || coalesce(new.measures_of_success, ''));
END;
--> statement-breakpoint
CREATE TRIGGER `search_actions_update` AFTER UPDATE ON `actions` BEGIN
  DELETE FROM `search_actions` WHERE rowid = old.rowid;
  INSERT INTO `search_actions` (rowid, reference, title, body) SELECT new.rowid, new.reference, new.title, coalesce(new.description, '') || ' ' || coalesce(new.measures_of_success, '') WHERE new.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `search_actions_delete` AFTER DELETE ON `actions` BEGIN
  DELETE FROM `search_actions` WHERE rowid = old.rowid;
END;
--> statement-breakpoint
INSERT INTO `search_actions` (rowid, reference, title, body) SELECT rowid, reference, title, coalesce(description, '') || ' ' || coalesce(measures_of_success, '') FROM `actions` WHERE deleted_at IS NULL;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_updates` USING fts5(narrative, tokenize = 'porter unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `search_updates_insert` AFTER INSERT ON `progress_updates` WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO `search_updates` (rowid, narrative) VALUES (new.rowid, new.narrative);
END;
--> statement-breakpoint
CREATE TRIGGER `search_updates_update` AFTER UPDATE ON `progress_updates` BEGIN
  DELETE FROM `search_updates` WHERE rowid = old.rowid;
  INSERT INTO `search_updates` (rowid, narrative) SELECT new.rowid, new.narrative WHERE new.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `search_updates_delete` AFTER DELETE ON `progress_updates` BEGIN
  DELETE FROM `search_updates` WHERE rowid = old.rowid;
END;
--> statement-breakpoint
INSERT INTO `search_updates` (rowid, narrative) SELECT rowid, narrative FROM `progress_updates` WHERE deleted_at IS NULL;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_recommendations` USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `search_recommendations_insert` AFTER INSERT ON `recommendations` WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO `search_recommendations` (rowid, text) VALUES (new.rowid, new.text);
END;
--> statement-breakpoint
CREATE TRIGGER `search_recommendations_update` AFTER UPDATE ON `recommendations` BEGIN
  DELETE FROM `search_recommendations` WHERE rowid = old.rowid;
  INSERT INTO `search_recommendations` (rowid, text) SELECT new.rowid, new.text WHERE new.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `search_recommendations_delete` AFTER DELETE ON `recommendations` BEGIN
  DELETE FROM `search_recommendations` WHERE rowid = old.rowid;
END;
--> statement-breakpoint
INSERT INTO `search_recommendations` (rowid, text) SELECT rowid, text FROM `recommendations` WHERE deleted_at IS NULL;
--> statement-breakpoint
CREATE VIRTUAL TABLE `search_findings` USING fts5(text, tokenize = 'porter unicode61 remove_diacritics 2');
--> statement-breakpoint
CREATE TRIGGER `search_findings_insert` AFTER INSERT ON `review_findings` WHEN new.deleted_at IS NULL BEGIN
  INSERT INTO `search_findings` (rowid, text) VALUES (new.rowid, new.text);
END;
--> statement-breakpoint
CREATE TRIGGER `search_findings_update` AFTER UPDATE ON `review_findings` BEGIN
  DELETE FROM `search_findings` WHERE rowid = old.rowid;
  INSERT INTO `search_findings` (rowid, text) SELECT new.rowid, new.text WHERE new.deleted_at IS NULL;
END;
--> statement-breakpoint
CREATE TRIGGER `search_findings_delete` AFTER DELETE ON `review_findings` BEGIN
  DELETE FROM `search_findings` WHERE rowid = old.rowid;
END;
--> statement-breakpoint
INSERT INTO `search_findings` (rowid, text) SELECT rowid, text FROM `review_findings` WHERE deleted_at IS NULL;
