using System.Data.Common;
using System.Text;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Search.Query;

namespace KnowledgePlatform.Web.Search.Postgres;

/// <summary>
/// PostgreSQL full-text search: search_documents.vector is a weighted tsvector (A title,
/// B summary and people, C body, D terms) of the analyzed text under the 'simple' configuration,
/// so the Dutch stems are ours and identical to SQLite's; title_vector holds the title alone.
/// GIN-indexed; ranked with ts_rank over a capped candidate set (see Ranking).
/// The tsquery is built from analyzed lexemes only and passed as a parameter.
/// </summary>
public sealed partial class PostgresSearchEngine(KnowledgeDbContext db, TimeProvider clock) : SqlSearchEngine(db, clock)
{
    private const string Query = "to_tsquery('simple', @match)";

    protected override string DeleteSql => """
        DELETE FROM search_facets WHERE doc_id IN (SELECT id FROM search_documents WHERE key = @key);
        DELETE FROM search_texts WHERE id IN (SELECT id FROM search_documents WHERE key = @key);
        DELETE FROM search_documents WHERE key = @key;
        """;

    protected override string CandidateTermsSql =>
        "SELECT word, 1 FROM search_words WHERE word >= @lo AND word < @hi AND length(word) BETWEEN @min AND @max";

    protected override string MatchFromSql => "search_documents d";

    protected override string MatchConditionSql => $"d.vector @@ {Query}";

    /// <summary>
    /// ts_rank with the default weights (A 1.0, B 0.4, C 0.2, D 0.1): a title occurrence outweighs any
    /// number of body ones. Not ts_rank_cd: its cover density costs 5–10× more per vector.
    /// </summary>
    protected override string MatchScoreSql => $"ts_rank(d.vector, {Query})";

    protected override string MatchIdsSql => $"SELECT id FROM search_documents WHERE vector @@ {Query}";

    protected override string RawTopTenSql =>
        $"SELECT id, ts_rank(vector, {Query}) AS rank FROM search_documents WHERE vector @@ {Query} ORDER BY rank DESC LIMIT 10";

    /// <summary>PostgreSQL's own way: to_tsvector('dutch', …) over the same stored title, summary and body into a new table, then its GIN index.</summary>
    protected override (string Build, string Drop, string What) BulkBuildSql => ("""
        CREATE TABLE bench_vectors AS SELECT id, setweight(to_tsvector('dutch', title), 'A') ||
            setweight(to_tsvector('dutch', coalesce(summary, '')), 'B') || setweight(to_tsvector('dutch', coalesce(body, '')), 'C') AS vector
        FROM search_texts;
        CREATE INDEX bench_vectors_gin ON bench_vectors USING gin (vector);
        """, "DROP TABLE IF EXISTS bench_vectors", "to_tsvector('dutch') over the stored title, summary and body into a new table + GIN index");

    // EXTRACT returns numeric; left numeric, the score's scale can outgrow what .NET's decimal holds
    // (an OverflowException on read, seen for a date-dependent exclusion-only query), so score in floats.
    protected override string AgeInDaysSql => "(EXTRACT(EPOCH FROM (@now - d.date_utc))::double precision / 86400.0)";

    protected override string GreatestSql(string a, string b) => $"GREATEST({a}, {b})";

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
