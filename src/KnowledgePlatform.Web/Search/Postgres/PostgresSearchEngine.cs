using System.Text;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Search.Query;

namespace KnowledgePlatform.Web.Search.Postgres;

/// <summary>
/// PostgreSQL full-text search: search_documents.vector is a weighted tsvector (A title,
/// B summary and people, C body, D terms) of the analyzed text under the 'simple' configuration,
/// so the Dutch stems are ours and identical to SQLite's. GIN-indexed; ranked with ts_rank_cd.
/// The tsquery is built from analyzed lexemes only and passed as a parameter.
/// </summary>
public sealed class PostgresSearchEngine(KnowledgeDbContext db) : SqlSearchEngine(db)
{
    private const string Query = "to_tsquery('simple', @match)";

    protected override string DeleteSql => """
        DELETE FROM search_facets WHERE doc_id IN (SELECT id FROM search_documents WHERE key = @key);
        DELETE FROM search_documents WHERE key = @key;
        """;

    protected override string DeleteAllSql => "DELETE FROM search_facets; DELETE FROM search_documents; DELETE FROM search_words;";

    // search_words collects every indexed lexeme for "did you mean"; it only grows between rebuilds,
    // which is harmless: a suggestion is offered only when it actually finds something.
    protected override string InsertSql => """
        WITH d AS (
        INSERT INTO search_documents (key, type, title, summary, body, url, date_utc, vector)
        VALUES (@key, @type, @title, @summary, @body, @url, @date,
            setweight(to_tsvector('simple', @a_title), 'A') ||
            setweight(to_tsvector('simple', @a_summary || ' ' || @a_people), 'B') ||
            setweight(to_tsvector('simple', @a_body), 'C') ||
            setweight(to_tsvector('simple', @a_terms), 'D'))
        RETURNING id, vector),
        w AS (INSERT INTO search_words (word) SELECT unnest(tsvector_to_array(vector)) FROM d ON CONFLICT DO NOTHING)
        SELECT id FROM d
        """;

    protected override string CandidateTermsSql =>
        "SELECT word, 1 FROM search_words WHERE word >= @lo AND word < @hi AND length(word) BETWEEN @min AND @max";

    protected override string MatchSql => $"SELECT id, ts_rank_cd(vector, {Query}) AS score FROM search_documents WHERE vector @@ {Query}";

    protected override string MatchIdsSql => $"SELECT id FROM search_documents WHERE vector @@ {Query}";

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
