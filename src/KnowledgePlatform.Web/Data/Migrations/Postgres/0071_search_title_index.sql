-- Search ranking (Search/Postgres/PostgresSearchEngine.Ranking.cs): the newest title matches come
-- from their own GIN index instead of testing every match's title_vector, which at 100,000
-- documents cost more than the match itself for a word in a third of them.
CREATE INDEX ix_search_documents_title_vector ON search_documents USING gin (title_vector);
