-- Full-text search (Search/Sqlite). Not EF entities: written and read with plain SQL.
-- search_documents: one row per indexed item or person, with the plain text kept for snippets.
CREATE TABLE search_documents (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    title TEXT NOT NULL,
    summary TEXT NULL,
    body TEXT NULL,
    url TEXT NOT NULL,
    date_utc TEXT NULL
);

CREATE INDEX ix_search_documents_date_utc ON search_documents (date_utc);

-- Facet values (type, theme, region, speaker, organisation, year) for filters and counts.
CREATE TABLE search_facets (
    doc_id INTEGER NOT NULL,
    facet TEXT NOT NULL,
    value TEXT NOT NULL,
    label TEXT NOT NULL,
    PRIMARY KEY (doc_id, facet, value)
) WITHOUT ROWID;

CREATE INDEX ix_search_facets_facet_value ON search_facets (facet, value, doc_id);

-- The analyzed (stemmed, space-separated) text; rowid = search_documents.id. The tokenizer only
-- splits what the Dutch analyzer already produced, so it must not fold or strip anything itself.
CREATE VIRTUAL TABLE search_fts USING fts5 (
    title, summary, body, people, terms,
    tokenize = 'unicode61 remove_diacritics 0'
);

-- The indexed terms with their document counts, for "did you mean" suggestions.
CREATE VIRTUAL TABLE search_vocab USING fts5vocab (search_fts, row);
