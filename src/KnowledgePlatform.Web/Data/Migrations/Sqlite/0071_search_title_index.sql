-- Search ranking: nothing to change on SQLite (FTS5 ranks every match with bm25); PostgreSQL's 0071
-- indexes its title_vector. Kept so both providers carry the same migration numbers.
SELECT 1;
