using System.Data.Common;
using System.Text;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Search.Query;

namespace KnowledgePlatform.Web.Search.Postgres;

/// <summary>
/// PostgreSQL full-text search: search_documents.vector is a weighted tsvector (A title,
/// B summary and people, C body, D terms) of the analyzed text under the 'simple' configuration,
/// so the Dutch stems are ours and identical to SQLite's; title_vector holds the title alone.
/// GIN-indexed; ranked with ts_rank_cd over a capped candidate set (see Ranking).
/// The tsquery is built from analyzed lexemes only and passed as a parameter.
/// </summary>
public sealed partial class PostgresSearchEngine(KnowledgeDbContext db, TimeProvider clock) : SqlSearchEngine(db, clock)
{
    private const string Query = "to_tsquery('simple', @match)";

    protected override string DeleteSql => """
        DELETE FROM search_facets WHERE doc_id IN (SELECT id FROM search_documents WHERE key = @key);
        DELETE FROM search_documents WHERE key = @key;
        """;

    protected override string CandidateTermsSql =>
        "SELECT word, 1 FROM search_words WHERE word >= @lo AND word < @hi AND length(word) BETWEEN @min AND @max";

    protected override string MatchSql => $"SELECT id, ts_rank_cd(vector, {Query}) AS score FROM search_documents WHERE vector @@ {Query}";

    protected override string MatchIdsSql => $"SELECT id FROM search_documents WHERE vector @@ {Query}";

    protected override string RawTopTenSql =>
        $"SELECT id, ts_rank(vector, {Query}) AS rank FROM search_documents WHERE vector @@ {Query} ORDER BY rank DESC LIMIT 10";

    /// <summary>PostgreSQL's own way: to_tsvector('dutch', …) over the stored text of every row, then the GIN index.</summary>
    protected override (string Build, string Drop, string What) BulkBuildSql => ("""
        CREATE TABLE bench_vectors AS SELECT id, setweight(to_tsvector('dutch', title), 'A') ||
            setweight(to_tsvector('dutch', coalesce(summary, '')), 'B') || setweight(to_tsvector('dutch', coalesce(body, '')), 'C') AS vector
        FROM search_documents;
        CREATE INDEX bench_vectors_gin ON bench_vectors USING gin (vector);
        """, "DROP TABLE IF EXISTS bench_vectors", "to_tsvector('dutch') over the stored text into a new table + GIN index");

    // EXTRACT returns numeric; left numeric, the score's scale can outgrow what .NET's decimal holds
    // (an OverflowException on read, seen for a date-dependent exclusion-only query), so score in floats.
    protected override string AgeInDaysSql => "(EXTRACT(EPOCH FROM (@now - d.date_utc))::double precision / 86400.0)";

    protected override string GreatestSql(string a, string b) => $"GREATEST({a}, {b})";

    /// <summary>
    /// One statement per batch for the documents (arrays unnested server-side) and one for their
    /// facets: a round trip per row would dominate a rebuild. search_words collects every indexed
    /// lexeme for "did you mean"; it only grows between rebuilds, which is harmless: a suggestion
    /// is offered only when it actually finds something.
    /// </summary>
    protected override async Task InsertAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<AnalyzedDocument> documents, string suffix, CancellationToken ct)
    {
        if (documents.Count == 0)
        {
            return;
        }

        string[] Texts(Func<AnalyzedDocument, string?> field) => [.. documents.Select(a => field(a) ?? "")];
        string?[] Nullable(Func<AnalyzedDocument, string?> field) => [.. documents.Select(field)];
        var ids = new Dictionary<string, long>(documents.Count, StringComparer.Ordinal);
        await using (var insert = Command(connection, tx, $"""
            WITH input AS (
                SELECT * FROM unnest(@keys::text[], @types::text[], @titles::text[], @summaries::text[], @bodies::text[], @urls::text[],
                    @dates::timestamptz[], @a_title::text[], @a_summary::text[], @a_body::text[], @a_terms::text[])
                    AS t(key, type, title, summary, body, url, date_utc, a_title, a_summary, a_body, a_terms)),
            d AS (
                INSERT INTO search_documents{suffix} (key, type, title, summary, body, url, date_utc, vector, title_vector)
                SELECT key, type, title, summary, body, url, date_utc,
                    setweight(to_tsvector('simple', a_title), 'A') || setweight(to_tsvector('simple', a_summary), 'B') ||
                    setweight(to_tsvector('simple', a_body), 'C') || setweight(to_tsvector('simple', a_terms), 'D'),
                    to_tsvector('simple', a_title)
                FROM input
                RETURNING id, key, vector),
            w AS (INSERT INTO search_words{suffix} (word) SELECT DISTINCT unnest(tsvector_to_array(vector)) FROM d ON CONFLICT DO NOTHING)
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
            INSERT INTO search_facets{suffix} (doc_id, facet, value, label)
            SELECT * FROM unnest(@ids::bigint[], @facets::text[], @values::text[], @labels::text[])
            """, ("@ids", facets.Select(x => x.Id).ToArray()), ("@facets", facets.Select(x => x.f.Facet).ToArray()),
            ("@values", facets.Select(x => x.f.Value).ToArray()), ("@labels", facets.Select(x => x.f.Label).ToArray()));
        facetInsert.CommandTimeout = 0;
        await facetInsert.ExecuteNonQueryAsync(ct);
    }

    /// <summary>tsquery text: ('a' | 'b' &lt;-&gt; 'c') &amp; ('d') &amp; !('e'), every lexeme quoted and escaped.</summary>
    protected override string Expression(IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> required, IReadOnlyList<IReadOnlyList<string>> excluded)
    {
        var expression = new StringBuilder();
        expression.Append(string.Join(" & ", required.Select(group => $"({string.Join(" | ", group.Select(Phrase))})")));
        foreach (var phrase in excluded)
        {
            expression.Append(" & !(").Append(Phrase(phrase)).Append(')');
        }

        return expression.ToString();
    }

    private static string Phrase(IReadOnlyList<string> terms) => string.Join(" <-> ", terms.Select(Lexeme));

    private static string Lexeme(string term) => term.EndsWith(SearchQueryParser.PrefixMark)
        ? $"{Quoted(term[..^1])}:*"
        : Quoted(term);

    private static string Quoted(string term) =>
        $"'{term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal)}'";
}
