using System.Data.Common;
using System.Globalization;

namespace KnowledgePlatform.Web.Search.Postgres;

public sealed partial class PostgresSearchEngine
{
    /// <summary>
    /// Three statements per batch, each over arrays unnested server-side (a round trip per row would
    /// dominate a rebuild): the new facet values, the documents with their text and vectors, and
    /// their facets. search_words collects every indexed lexeme for "did you mean"; it only grows
    /// between rebuilds, which is harmless: a suggestion is offered only when it finds something.
    /// Words and facet values are upserted in sorted order, so two instances (or processors)
    /// indexing at once lock shared rows in the same order and cannot deadlock each other.
    /// </summary>
    protected override async Task InsertAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<AnalyzedDocument> documents, string suffix,
        Dictionary<(string Facet, string Value), long> valueIds, CancellationToken ct)
    {
        if (documents.Count == 0)
        {
            return;
        }

        await AddFacetValuesAsync(connection, tx, documents, suffix, valueIds, ct);
        string[] Texts(Func<AnalyzedDocument, string?> field) => [.. documents.Select(a => field(a) ?? "")];
        string?[] Nullable(Func<AnalyzedDocument, string?> field) => [.. documents.Select(field)];
        var ids = new Dictionary<string, long>(documents.Count, StringComparer.Ordinal);
        await using (var insert = Command(connection, tx, $"""
            WITH input AS (
                SELECT * FROM unnest(@keys::text[], @types::text[], @titles::text[], @summaries::text[], @bodies::text[], @urls::text[],
                    @dates::timestamptz[], @a_title::text[], @a_summary::text[], @a_body::text[], @a_terms::text[])
                    AS t(key, type, title, summary, body, url, date_utc, a_title, a_summary, a_body, a_terms)),
            d AS (
                INSERT INTO search_documents{suffix} (key, type, date_utc, vector, title_vector)
                SELECT key, type, date_utc,
                    setweight(to_tsvector('simple', a_title), 'A') || setweight(to_tsvector('simple', a_summary), 'B') ||
                    setweight(to_tsvector('simple', a_body), 'C') || setweight(to_tsvector('simple', a_terms), 'D'),
                    to_tsvector('simple', a_title)
                FROM input
                RETURNING id, key, vector),
            t AS (INSERT INTO search_texts{suffix} (id, title, summary, body, url)
                SELECT d.id, i.title, i.summary, i.body, i.url FROM d JOIN input i ON i.key = d.key),
            w AS (INSERT INTO search_words{suffix} (word)
                SELECT word FROM (SELECT DISTINCT unnest(tsvector_to_array(vector)) AS word FROM d) words ORDER BY word ON CONFLICT DO NOTHING)
            SELECT id, key FROM d
            """,
            ("@keys", Texts(a => a.Document.Key.ToString())), ("@types", Texts(a => a.Document.Type)), ("@titles", Texts(a => a.Document.Title)),
            ("@summaries", Nullable(a => a.Document.Summary)), ("@bodies", Nullable(a => a.Document.Body)), ("@urls", Texts(a => a.Document.Url)),
            ("@dates", documents.Select(a => a.DateUtc).ToArray()), ("@a_title", Texts(a => a.Title)),
            ("@a_summary", Texts(a => $"{a.Summary} {a.People}")), ("@a_body", Texts(a => a.Body)), ("@a_terms", Texts(a => a.Terms))))
        {
            insert.CommandTimeout = 0;
            await using var reader = await insert.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                ids[reader.GetString(1)] = reader.GetInt64(0);
            }
        }

        var facets = documents.SelectMany(a => a.Facets.Select(f => (Id: ids[a.Document.Key.ToString()], f))).ToList();
        await using var facetInsert = Command(connection, tx, $"""
            INSERT INTO search_facets{suffix} (doc_id, value_id, facet)
            SELECT * FROM unnest(@ids::bigint[], @values::bigint[], @facets::smallint[])
            """, ("@ids", facets.Select(x => x.Id).ToArray()), ("@values", facets.Select(x => valueIds[(x.f.Facet, x.f.Value)]).ToArray()),
            ("@facets", facets.Select(x => (short)SearchFacets.Code(x.f.Facet)).ToArray()));
        facetInsert.CommandTimeout = 0;
        await facetInsert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Adds (or relabels) the batch's facet values that <paramref name="valueIds"/> does not know yet, and remembers their numbers.</summary>
    private static async Task AddFacetValuesAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<AnalyzedDocument> documents, string suffix,
        Dictionary<(string Facet, string Value), long> valueIds, CancellationToken ct)
    {
        var missing = documents.SelectMany(a => a.Facets).Where(f => !valueIds.ContainsKey((f.Facet, f.Value)))
            .DistinctBy(f => (f.Facet, f.Value)).OrderBy(f => f.Facet, StringComparer.Ordinal).ThenBy(f => f.Value, StringComparer.Ordinal).ToList();
        if (missing.Count == 0)
        {
            return;
        }

        await using var command = Command(connection, tx, $"""
            INSERT INTO search_facet_values{suffix} (facet, value, label)
            SELECT * FROM unnest(@facets::text[], @values::text[], @labels::text[])
            ON CONFLICT (facet, value) DO UPDATE SET label = excluded.label
            RETURNING id, facet, value
            """, ("@facets", missing.Select(f => f.Facet).ToArray()), ("@values", missing.Select(f => f.Value).ToArray()),
            ("@labels", missing.Select(f => f.Label).ToArray()));
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            valueIds[(reader.GetString(1), reader.GetString(2))] = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
        }
    }
}
