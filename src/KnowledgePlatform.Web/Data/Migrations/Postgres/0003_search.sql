-- Full-text search (Search/Postgres). Not EF entities: written and read with plain SQL.
-- unaccent and pg_trgm ship with postgresql-contrib; pg_trgm backs typo-tolerant suggestions.
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- One row per indexed item or person: the plain text for snippets and the weighted tsvector of
-- the analyzed text (A title, B summary + people, C body, D terms).
CREATE TABLE search_documents (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    key text NOT NULL UNIQUE,
    type text NOT NULL,
    title text NOT NULL,
    summary text NULL,
    body text NULL,
    url text NOT NULL,
    date_utc timestamp with time zone NULL,
    vector tsvector NOT NULL
);

CREATE INDEX ix_search_documents_vector ON search_documents USING gin (vector);
CREATE INDEX ix_search_documents_date_utc ON search_documents (date_utc);
CREATE INDEX ix_search_documents_title_trgm ON search_documents USING gin (lower(title) gin_trgm_ops);

-- Facet values (type, theme, region, speaker, organisation, year) for filters and counts.
CREATE TABLE search_facets (
    doc_id bigint NOT NULL,
    facet text NOT NULL,
    value text NOT NULL,
    label text NOT NULL,
    PRIMARY KEY (doc_id, facet, value)
);

CREATE INDEX ix_search_facets_facet_value ON search_facets (facet, value, doc_id);

-- Every indexed lexeme, for "did you mean" suggestions (byte order, so a first-letter range is a range scan).
CREATE TABLE search_words (
    word text COLLATE "C" PRIMARY KEY
);
