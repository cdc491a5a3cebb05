namespace KnowledgePlatform.Web.Search.Postgres;

/// <summary>
/// ts_rank reads (and detoasts) each match's whole vector, so ranking every match of a common word
/// costs many times FTS5's bm25 (at 100,000 documents, a quarter of a second for the 33,000 matches
/// of a word in a third of them). Instead the GIN match collects (id, date) of every match without
/// reading vectors, and only the newest matches plus the newest title matches (from the GIN index
/// on title_vector) — the ones relevance × recency can put first — are ranked. Title matches
/// carry the highest weight, so an older item with the word in its title still competes. The
/// same pass gives the total.
/// </summary>
public sealed partial class PostgresSearchEngine
{
    /// <summary>Candidates from each of the two orders; pages beyond them rank every match.</summary>
    private const int Candidates = 400;

    /// <summary>
    /// The planner counts `vector @@ query` as cheap, so for a word in most documents it prefers a
    /// sequential scan, which detoasts every vector to test it; the bitmap scan over the GIN index
    /// needs no recheck and reads no vector. Scoped to the search's own statements on its own connection.
    /// </summary>
    protected override (string Set, string? Reset)? SearchSettingsSql => ("SET enable_seqscan = off", "RESET enable_seqscan");

    protected override string RankSql(Matches matches, string where, string order, int needed) =>
        matches.Kind != MatchKind.Ranked || needed > Candidates ? base.RankSql(matches, where, order, needed) : $"""
            WITH g AS MATERIALIZED (
                SELECT d.id, d.date_utc FROM search_documents d WHERE d.vector @@ {Query} AND {where}),
            c AS (
                (SELECT id FROM g ORDER BY date_utc DESC NULLS LAST LIMIT {Candidates})
                UNION (SELECT d.id FROM search_documents d WHERE d.title_vector @@ {Query} AND d.vector @@ {Query} AND {where}
                    ORDER BY d.date_utc DESC NULLS LAST LIMIT {Candidates}))
            SELECT d.id, {RecencySql(MatchScoreSql)} AS score, d.date_utc, (SELECT COUNT(*) FROM g) AS total
            FROM c JOIN search_documents d ON d.id = c.id
            ORDER BY {order}, d.id
            LIMIT @take OFFSET @skip
            """;
}
