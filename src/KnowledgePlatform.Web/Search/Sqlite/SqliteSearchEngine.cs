using System.Text;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Search.Query;

namespace KnowledgePlatform.Web.Search.Sqlite;

/// <summary>
/// SQLite FTS5: search_fts holds the analyzed text (Dutch stems, space-separated) in five
/// columns, rowid = search_documents.id. Its own tokenizer only splits on spaces and punctuation
/// there, so stemming is ours and identical to PostgreSQL's. Ranked by bm25 with column weights.
/// </summary>
public sealed class SqliteSearchEngine(KnowledgeDbContext db) : SqlSearchEngine(db)
{
    /// <summary>bm25 weights for title, summary, body, people, terms: a title match counts most.</summary>
    private const string Bm25 = "bm25(search_fts, 10.0, 4.0, 1.0, 4.0, 2.0)";

    protected override string DeleteSql => """
        DELETE FROM search_fts WHERE rowid IN (SELECT id FROM search_documents WHERE key = @key);
        DELETE FROM search_facets WHERE doc_id IN (SELECT id FROM search_documents WHERE key = @key);
        DELETE FROM search_documents WHERE key = @key;
        """;

    protected override string DeleteAllSql => "DELETE FROM search_fts; DELETE FROM search_facets; DELETE FROM search_documents;";

    protected override string InsertSql => """
        INSERT INTO search_documents (key, type, title, summary, body, url, date_utc)
        VALUES (@key, @type, @title, @summary, @body, @url, @date);
        INSERT INTO search_fts (rowid, title, summary, body, people, terms)
        VALUES (last_insert_rowid(), @a_title, @a_summary, @a_body, @a_people, @a_terms);
        SELECT id FROM search_documents WHERE key = @key;
        """;

    protected override string CandidateTermsSql =>
        "SELECT term, doc FROM search_vocab WHERE term >= @lo AND term < @hi AND length(term) BETWEEN @min AND @max";

    // bm25 is lower for better matches; the shared SQL sorts higher first.
    protected override string MatchSql => $"SELECT rowid AS id, -{Bm25} AS score FROM search_fts WHERE search_fts MATCH @match";

    protected override string MatchIdsSql => "SELECT rowid FROM search_fts WHERE search_fts MATCH @match";

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
