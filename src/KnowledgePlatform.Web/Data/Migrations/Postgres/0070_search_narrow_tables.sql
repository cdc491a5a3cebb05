-- Search speed (Search/README.md, "Where a search spends its time"). Ranking, filtering and facet
-- counting touch every match, so what they read is kept narrow; the stored text is read only for
-- the ten hits shown. The existing index is carried over: no rebuild needed.

-- search_texts: the plain text for snippets and what a hit shows; id = search_documents.id.
CREATE TABLE search_texts (
    id bigint PRIMARY KEY,
    title text NOT NULL,
    summary text NULL,
    body text NULL,
    url text NOT NULL
);
INSERT INTO search_texts (id, title, summary, body, url) SELECT id, title, summary, body, url FROM search_documents;

-- The title trigram index goes with the column: nothing searched it (suggestions use search_words).
ALTER TABLE search_documents DROP COLUMN title, DROP COLUMN summary, DROP COLUMN body, DROP COLUMN url;

-- Facet values once, with their label; documents refer to them by number. facet is the facet's
-- code (SearchFacets.Code: 0 type, 1 theme, 2 region, 3 speaker, 4 organisation, 5 year).
CREATE TABLE search_facet_values (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    facet text NOT NULL,
    value text NOT NULL,
    label text NOT NULL,
    UNIQUE (facet, value)
);
INSERT INTO search_facet_values (facet, value, label) SELECT facet, value, MAX(label) FROM search_facets GROUP BY facet, value;

CREATE TABLE search_document_facets (
    doc_id bigint NOT NULL,
    value_id bigint NOT NULL,
    facet smallint NOT NULL,
    PRIMARY KEY (doc_id, value_id)
);
INSERT INTO search_document_facets (doc_id, value_id, facet)
SELECT f.doc_id, v.id, CASE f.facet WHEN 'type' THEN 0 WHEN 'theme' THEN 1 WHEN 'region' THEN 2 WHEN 'speaker' THEN 3 WHEN 'organisation' THEN 4 ELSE 5 END
FROM search_facets f JOIN search_facet_values v ON v.facet = f.facet AND v.value = f.value;
DROP TABLE search_facets;
ALTER TABLE search_document_facets RENAME TO search_facets;
ALTER INDEX search_document_facets_pkey RENAME TO search_facets_pkey;
CREATE INDEX ix_search_facets_value ON search_facets (value_id, doc_id);

-- Rewrites the table without the dropped columns' data (CLUSTER, unlike VACUUM FULL, may run in
-- the migration's transaction).
CLUSTER search_documents USING search_documents_pkey;
