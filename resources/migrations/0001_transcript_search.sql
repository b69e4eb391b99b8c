-- Full-text search over what candidates said (interviews.list `query`). Kept in sync by
-- triggers, so no code path can forget it; existing answers are indexed once here.
CREATE VIRTUAL TABLE `transcript_search` USING fts5(`interview_id` UNINDEXED, `body`, tokenize = 'porter unicode61');
--> statement-breakpoint
INSERT INTO `transcript_search` (`rowid`, `interview_id`, `body`)
  SELECT a.rowid, t.interview_id, coalesce(a.text, '') || ' ' || coalesce(a.transcript, '')
  FROM `answers` a JOIN `turns` t ON t.id = a.turn_id;
--> statement-breakpoint
CREATE TRIGGER `answers_search_insert` AFTER INSERT ON `answers` BEGIN
  INSERT INTO `transcript_search` (`rowid`, `interview_id`, `body`)
    SELECT new.rowid, t.interview_id, coalesce(new.text, '') || ' ' || coalesce(new.transcript, '')
    FROM `turns` t WHERE t.id = new.turn_id;
END;
--> statement-breakpoint
CREATE TRIGGER `answers_search_update` AFTER UPDATE OF `text`, `transcript` ON `answers` BEGIN
  DELETE FROM `transcript_search` WHERE `rowid` = old.rowid;
  INSERT INTO `transcript_search` (`rowid`, `interview_id`, `body`)
    SELECT new.rowid, t.interview_id, coalesce(new.text, '') || ' ' || coalesce(new.transcript, '')
    FROM `turns` t WHERE t.id = new.turn_id;
END;
--> statement-breakpoint
CREATE TRIGGER `answers_search_delete` AFTER DELETE ON `answers` BEGIN
  DELETE FROM `transcript_search` WHERE `rowid` = old.rowid;
END;
