-- Search ranking (Search/Postgres): the analyzed title alone, so ranking can add the newest title
-- matches to its capped candidate set without detoasting each match's full vector.
ALTER TABLE search_documents ADD COLUMN title_vector tsvector NOT NULL DEFAULT ''::tsvector;
UPDATE search_documents SET title_vector = ts_filter(vector, '{a}');
ALTER TABLE search_documents ALTER COLUMN title_vector DROP DEFAULT;
