-- Search ranking (Search/Sqlite): nothing to change on SQLite. FTS5's bm25 ranks every match
-- cheaply; PostgreSQL's 0008 adds title_vector for its capped candidate set. Kept so both
-- providers carry the same migration numbers.
SELECT 1;
