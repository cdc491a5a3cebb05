using System.Data.Common;
using System.Text;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Search.Query;

namespace KnowledgePlatform.Web.Search.Sqlite;

/// <summary>
/// SQLite FTS5: search_fts holds the analyzed text (Dutch stems, space-separated) in five
/// columns, rowid = search_documents.id. Its own tokenizer only splits on spaces and punctuation
/// there, so stemming is ours and identical to PostgreSQL's. Ranked by bm25 with column weights.
/// </summary>
public sealed partial class SqliteSearchEngine(KnowledgeDbContext db, TimeProvider clock) : SqlSearchEngine(db, clock)
{
    /// <summary>bm25 weights for title, summary, body, people, terms: a title match counts most.</summary>
    private const string Bm25 = "bm25(search_fts, 10.0, 4.0, 1.0, 4.0, 2.0)";

    protected override string DeleteSql => """
        DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_documents WHERE key = @key);
        DELETE FROM search_facets WHERE doc_id IN (SELECT id FROM search_documents WHERE key = @key);
        DELETE FROM search_documents WHERE key = @key;
        """;

    protected override string CandidateTermsSql =>
        "SELECT term, doc FROM search_vocab WHERE term >= @lo AND term < @hi AND length(term) BETWEEN @min AND @max";

    // bm25 is lower for better matches; the shared SQL sorts higher first.
    protected override string MatchSql => $"SELECT rowid AS id, -{Bm25} AS score FROM search_fts WHERE search_fts MATCH @match";

    protected override string MatchIdsSql => "SELECT rowid FROM search_fts WHERE search_fts MATCH @match";

    protected override string RawTopTenSql => $"SELECT rowid, {Bm25} AS rank FROM search_fts WHERE search_fts MATCH @match ORDER BY rank LIMIT 10";

    /// <summary>FTS5 building the same index (same analyzed text, same tokenizer) with one INSERT…SELECT.</summary>
    protected override (string Build, string Drop, string What) BulkBuildSql => ("""
        CREATE VIRTUAL TABLE bench_fts USING fts5 (title, summary, body, people, terms, tokenize = 'unicode61 remove_diacritics 0');
        INSERT INTO bench_fts (rowid, title, summary, body, people, terms) SELECT rowid, title, summary, body, people, terms FROM search_fts;
        """, "DROP TABLE IF EXISTS bench_fts", "FTS5 INSERT…SELECT of the analyzed text into a new table");

    protected override string AgeInDaysSql => "(julianday(@now) - julianday(d.date_utc))";

    protected override string GreatestSql(string a, string b) => $"max({a}, {b})";

    /// <summary>Three statements prepared once per batch and run per document (in-process, so no round trips to save).</summary>
    protected override async Task InsertAsync(DbConnection connection, DbTransaction tx, IReadOnlyList<AnalyzedDocument> documents, string suffix, CancellationToken ct)
    {
        await using var document = Command(connection, tx, $"""
            INSERT INTO search_documents{suffix} (key, type, title, summary, body, url, date_utc)
            VALUES (@key, @type, @title, @summary, @body, @url, @date) RETURNING id
            """, ("@key", null), ("@type", null), ("@title", null), ("@summary", null), ("@body", null), ("@url", null), ("@date", null));
        await using var text = Command(connection, tx, $"""
            INSERT INTO search_fts{suffix} (rowid, title, summary, body, people, terms)
            VALUES (@id, @title, @summary, @body, @people, @terms)
            """, ("@id", null), ("@title", null), ("@summary", null), ("@body", null), ("@people", null), ("@terms", null));
        await using var facet = Command(connection, tx, $"INSERT INTO search_facets{suffix} (doc_id, facet, value, label) VALUES (@id, @facet, @value, @label)",
            ("@id", null), ("@facet", null), ("@value", null), ("@label", null));
        foreach (var a in documents)
        {
            var d = a.Document;
            Set(document, d.Key.ToString(), d.Type, d.Title, d.Summary, d.Body, d.Url, a.DateUtc);
            var id = Convert.ToInt64(await document.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            Set(text, id, a.Title, a.Summary, a.Body, a.People, a.Terms);
            await text.ExecuteNonQueryAsync(ct);
            foreach (var f in a.Facets)
            {
                Set(facet, id, f.Facet, f.Value, f.Label);
                await facet.ExecuteNonQueryAsync(ct);
            }
        }
    }

    private static void Set(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }

    /// <summary>
    /// FTS5 syntax from analyzed terms only, each in double quotes (so no term can be an operator,
    /// a column filter or a prefix): ("a" OR "b" + "c") AND ("d") NOT ("e").
    /// </summary>
    protected override string Expression(IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> required, IReadOnlyList<IReadOnlyList<string>> excluded)
    {
        var expression = new StringBuilder();
        expression.Append(string.Join(" AND ", required.Select(group => $"({string.Join(" OR ", group.Select(Phrase))})")));
        foreach (var phrase in excluded)
        {
            expression.Insert(0, '(').Append(") NOT ").Append(Phrase(phrase));
        }

        return expression.ToString();
    }

    private static string Phrase(IReadOnlyList<string> terms) => string.Join(" + ", terms.Select(Term));

    private static string Term(string term) => term.EndsWith(SearchQueryParser.PrefixMark)
        ? $"{Quoted(term[..^1])} *"
        : Quoted(term);

    private static string Quoted(string term) => $"\"{term.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
