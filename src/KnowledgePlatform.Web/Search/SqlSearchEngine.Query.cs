using System.Data.Common;
using System.Globalization;
using KnowledgePlatform.Web.Search.Query;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Search;

public abstract partial class SqlSearchEngine
{
    public const int MaxPageSize = 100;
    private const string AllDocuments = "SELECT id, 0.0 AS score FROM search_documents";

    /// <summary>How the CTE m (id, score) was built: every document, none, ranked matches, or all but the excluded.</summary>
    protected enum MatchKind { All, None, Ranked, AllExcept }

    /// <summary>SELECT id, score (higher is better) of the documents matching @match.</summary>
    protected abstract string MatchSql { get; }

    /// <summary>SELECT id of the documents matching @match (no ranking).</summary>
    protected abstract string MatchIdsSql { get; }

    /// <summary>Days from d.date_utc to @now (negative for future events).</summary>
    protected abstract string AgeInDaysSql { get; }

    protected abstract string GreatestSql(string a, string b);

    /// <summary>The engine's match expression for these groups (AND of ORs of phrases), minus the excluded phrases.</summary>
    protected abstract string Expression(IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> required, IReadOnlyList<IReadOnlyList<string>> excluded);

    /// <summary>
    /// The CTE m (id, score) the hits are ordered from; <paramref name="where"/> holds the filters (over d).
    /// By default every match is ranked; an engine whose ranking is costly per match may rank a capped candidate set.
    /// </summary>
    protected virtual string RankedCte(string cte, MatchKind kind, string where, int needed) => cte;

    /// <summary>Planner settings for the search's statements, set after opening and reset before closing (none by default).</summary>
    protected virtual (string Set, string Reset)? SearchSettingsSql => null;

    /// <summary>Relevance × a gentle recency factor: 1.25 for today, 1.125 a year ago, → 1 for old items; 1 without a date.</summary>
    private string ScoreSql => $"m.score * COALESCE(1.0 + 0.25 / (1.0 + {GreatestSql(AgeInDaysSql, "0.0")} / 365.0), 1.0)";

    public async Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken ct)
    {
        var parsed = SearchQueryParser.Parse(query.Text, query.Prefix);
        var filters = SearchFilters.Normalize(query.Filters);
        var (kind, cte, match) = Matching(query.Text, parsed);
        var pageSize = Math.Clamp(query.PageSize, 0, MaxPageSize);
        var page = Math.Max(1, query.Page);

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        if (SearchSettingsSql is { } settings)
        {
            await ExecuteAsync(connection, null, settings.Set, ct);
        }

        try
        {
            var conditions = SearchFilters.Conditions(filters, query.UpcomingFromUtc, out var filterParameters);
            var where = string.Join(" AND ", conditions.Select(c => $"({c.Sql})").DefaultIfEmpty("1 = 1"));
            var parameters = WithMatch(filterParameters, match);
            var facets = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal);
            int total;
            if (query.IncludeFacets)
            {
                total = await FacetsAsync(connection, cte, conditions, parameters, filters, facets, ct);
            }
            else
            {
                total = Convert.ToInt32(await Scalar(connection, $"{cte} SELECT COUNT(*) FROM m JOIN search_documents d ON d.id = m.id WHERE {where}", parameters, ct),
                    CultureInfo.InvariantCulture);
            }

            var hits = pageSize == 0 || total == 0 ? []
                : await HitsAsync(connection, RankedCte(cte, kind, where, page * pageSize), where, parameters, query.Sort, page, pageSize, parsed, ct);
            var didYouMean = total == 0 && !query.Prefix && parsed.Required.Count > 0 && query.Text is { } text
                ? await DidYouMeanAsync(connection, text, where, filterParameters, ct)
                : null;
            var notice = parsed.Truncated
                ? $"Uw zoekvraag was te lang; alleen het begin ({SearchQueryParser.MaxLength} tekens, {SearchQueryParser.MaxTerms} woorden) is gebruikt."
                : null;
            return new SearchResult(total, hits, facets, notice, didYouMean);
        }
        finally
        {
            if (SearchSettingsSql is { } reset)
            {
                await ExecuteAsync(connection, null, reset.Reset, CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    private (MatchKind Kind, string Cte, string? Match) Matching(string? text, ParsedQuery parsed)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (MatchKind.All, $"WITH m AS ({AllDocuments})", null);
        }

        if (parsed.IsEmpty)
        {
            return (MatchKind.None, $"WITH m AS ({AllDocuments} WHERE 1 = 0)", null);
        }

        return parsed.Required.Count > 0
            ? (MatchKind.Ranked, $"WITH m AS ({MatchSql})", Expression(parsed.Required, parsed.Excluded))
            : (MatchKind.AllExcept, $"WITH m AS ({AllDocuments} WHERE id NOT IN ({MatchIdsSql}))", Expression([[.. parsed.Excluded]], []));
    }

    private async Task<List<SearchHit>> HitsAsync(DbConnection connection, string cte, string where, (string, object?)[] parameters,
        SearchSort sort, int page, int pageSize, ParsedQuery parsed, CancellationToken ct)
    {
        var order = sort == SearchSort.Date ? "d.date_utc DESC NULLS LAST, score DESC" : "score DESC, d.date_utc DESC NULLS LAST";
        var sql = $"""
            {cte}
            SELECT d.key, d.type, d.title, d.summary, d.body, d.url, d.date_utc, {ScoreSql} AS score
            FROM m JOIN search_documents d ON d.id = m.id
            WHERE {where}
            ORDER BY {order}, d.id
            LIMIT @take OFFSET @skip
            """;
        await using var command = Command(connection, null, sql,
            [.. parameters, ("@take", pageSize), ("@skip", (long)(page - 1) * pageSize), ("@now", clock.GetUtcNow().UtcDateTime)]);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var hits = new List<SearchHit>();
        while (await reader.ReadAsync(ct))
        {
            var summary = reader.IsDBNull(3) ? null : reader.GetString(3);
            var body = reader.IsDBNull(4) ? null : reader.GetString(4);
            hits.Add(new SearchHit(
                Guid.Parse(reader.GetString(0)), reader.GetString(1), reader.GetString(2), reader.GetString(5),
                SearchSnippets.Build(parsed.HighlightTerms, body, summary, reader.GetString(2)),
                reader.IsDBNull(6) ? null : DateTime.SpecifyKind(reader.GetDateTime(6), DateTimeKind.Utc),
                Convert.ToDouble(reader.GetValue(7), CultureInfo.InvariantCulture)));
        }

        return hits;
    }

    /// <summary>Adds @match only when the SQL uses it: a provider may refuse unused parameters.</summary>
    private static (string, object?)[] WithMatch(List<(string, object?)> parameters, string? match) =>
        match is null ? [.. parameters] : [.. parameters, ("@match", match)];

    private static async Task<object?> Scalar(DbConnection connection, string sql, (string, object?)[] parameters, CancellationToken ct)
    {
        await using var command = Command(connection, null, sql, parameters);
        return await command.ExecuteScalarAsync(ct);
    }
}
