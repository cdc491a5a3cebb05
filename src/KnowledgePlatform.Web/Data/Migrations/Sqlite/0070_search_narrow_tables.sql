-- Search speed (Search/README.md, "Where a search spends its time"). Ranking, filtering and facet
-- counting touch every match, so what they read is kept narrow; the stored text is read only for
-- the ten hits shown. The existing index is carried over: no rebuild needed.

-- search_documents: one small row per indexed item or person. day = date_utc as a Julian day
-- number, so the recency factor is arithmetic instead of parsing a date per match.
CREATE TABLE search_documents_narrow (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    date_utc TEXT NULL,
    day REAL NULL
);
INSERT INTO search_documents_narrow (id, key, type, date_utc, day)
SELECT id, key, type, date_utc, julianday(date_utc) FROM search_documents;

-- search_texts: the plain text for snippets and what a hit shows; id = search_documents.id.
CREATE TABLE search_texts (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    summary TEXT NULL,
    body TEXT NULL,
    url TEXT NOT NULL
);
INSERT INTO search_texts (id, title, summary, body, url) SELECT id, title, summary, body, url FROM search_documents;

-- Facet values once, with their label; documents refer to them by number. facet is the facet's
-- code (SearchFacets.Code: 0 type, 1 theme, 2 region, 3 speaker, 4 organisation, 5 year).
CREATE TABLE search_facet_values (
    id INTEGER PRIMARY KEY,
    facet TEXT NOT NULL,
    value TEXT NOT NULL,
    label TEXT NOT NULL,
    UNIQUE (facet, value)
);
INSERT INTO search_facet_values (facet, value, label) SELECT facet, value, MAX(label) FROM search_facets GROUP BY facet, value;

CREATE TABLE search_document_facets (
    doc_id INTEGER NOT NULL,
    value_id INTEGER NOT NULL,
    facet INTEGER NOT NULL,
    PRIMARY KEY (doc_id, value_id)
) WITHOUT ROWID;
INSERT INTO search_document_facets (doc_id, value_id, facet)
SELECT f.doc_id, v.id, CASE f.facet WHEN 'type' THEN 0 WHEN 'theme' THEN 1 WHEN 'region' THEN 2 WHEN 'speaker' THEN 3 WHEN 'organisation' THEN 4 ELSE 5 END
FROM search_facets f JOIN search_facet_values v ON v.facet = f.facet AND v.value = f.value;

DROP TABLE search_facets;
ALTER TABLE search_document_facets RENAME TO search_facets;
CREATE INDEX ix_search_facets_value ON search_facets (value_id, doc_id);

DROP TABLE search_documents;
ALTER TABLE search_documents_narrow RENAME TO search_documents;
CREATE INDEX ix_search_documents_date_utc ON search_documents (date_utc);
