-- Indexing an answer for search costs several times the rest of its transaction, so new
-- answers are indexed just after the next question is sent (db/search-index.ts) instead of
-- by a trigger inside the answer's transaction. Updates and deletes keep their triggers.
DROP TRIGGER IF EXISTS `answers_search_insert`;
