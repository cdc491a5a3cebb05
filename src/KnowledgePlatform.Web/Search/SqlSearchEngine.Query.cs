using System.Data.Common;
using System.Globalization;
using KnowledgePlatform.Web.Search.Query;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Search;

/// <summary>
/// A search is a few statements, each reading as little as it can: the page (ids and scores over
/// the narrow search_documents), the stored text of the ten hits only (search_texts), the exact
/// total (a count of ids, unless the page query gave it), and the facet counts (.Facets).
/// </summary>
public abstract partial class SqlSearchEngine
{
    public const int MaxPageSize = 100;

    /// <summary>Every document, none, ranked matches, or all but the excluded.</summary>
    protected enum MatchKind { All, None, Ranked, AllExcept }

    /// <summary>
    /// The matches as SQL: FROM <paramref name="From"/> (search_documents as d, and what else the
    /// engine matches with) WHERE <paramref name="Condition"/>, scored by <paramref name="Score"/>;
    /// <paramref name="Ids"/> selects just their ids (as id) without d, when the engine has a cheaper
    /// way (else null); <paramref name="Match"/> is the @match parameter, if used.
    /// </summary>
    protected sealed record Matches(MatchKind Kind, string From, string Condition, string Score, string? Ids, string? Match);

    /// <summary>FROM clause of the matches: search_documents d, joined with what the engine matches on.</summary>
    protected abstract string MatchFromSql { get; }

    /// <summary>The condition over <see cref="MatchFromSql"/> that @match holds.</summary>
    protected abstract string MatchConditionSql { get; }

    /// <summary>The relevance of a match (higher is better).</summary>
    protected abstract string MatchScoreSql { get; }

    /// <summary>SELECT id of the documents matching @match, without reading search_documents if the engine can.</summary>
    protected abstract string MatchIdsSql { get; }

    /// <summary>A faster way to count every match of @match when no filter applies, if the engine has one.</summary>
    protected virtual string? PlainCountSql => null;

    /// <summary>Days from the document d's date to @now (negative for future events).</summary>
    protected abstract string AgeInDaysSql { get; }

    /// <summary>@now as <see cref="AgeInDaysSql"/> reads it.</summary>
    protected virtual object NowValue(DateTime utcNow) => utcNow;

    protected abstract string GreatestSql(string a, string b);

    /// <summary>The engine's match expression for these groups (AND of ORs of phrases), minus the excluded phrases.</summary>
    protected abstract string Expression(IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> required, IReadOnlyList<IReadOnlyList<string>> excluded);

    /// <summary>
    /// The page: (id, score) of the matches that pass <paramref name="where"/> (over d), in
    /// <paramref name="order"/>, @take from @skip. By default every match is ranked; an engine whose
    /// ranking is costly per match may rank a capped candidate set when <paramref name="needed"/> is
    /// small, and may add a third column with the total when its pass over the matches gives it.
    /// With filters the total comes with the page (a window count over the filtered matches: counting
    /// them again would cost as much as the page); without, <see cref="CountAsync"/> is cheaper.
    /// </summary>
    protected virtual string RankSql(Matches matches, string where, string order, int needed) => $"""
        SELECT id, score{(where == "1 = 1" ? "" : ", COUNT(*) OVER () AS total")} FROM (
            SELECT d.id, {RecencySql(matches.Score)} AS score, d.date_utc
            FROM {matches.From}
            WHERE {matches.Condition} AND {where}) r
        ORDER BY {order}, id
        LIMIT @take OFFSET @skip
        """;

    /// <summary>Connection settings for the search's statements, set after opening and (if Reset is not null) reset before closing.</summary>
    protected virtual (string Set, string? Reset)? SearchSettingsSql => null;

    /// <summary>How the facet pass joins the sampled matches x with search_facets f (an engine may need to fix the join order).</summary>
    protected virtual string FacetJoin => "JOIN";

    /// <summary>Relevance × a gentle recency factor: 1.25 for today, 1.125 a year ago, → 1 for old items; 1 without a date.</summary>
    protected string RecencySql(string score) => $"({score}) * COALESCE(1.0 + 0.25 / (1.0 + {GreatestSql(AgeInDaysSql, "0.0")} / 365.0), 1.0)";

    public async Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken ct)
    {
        var parsed = SearchQueryParser.Parse(query.Text, query.Prefix);
        var filters = SearchFilters.Normalize(query.Filters);
        var matches = Matching(query.Text, parsed);
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
            var valueIds = await SearchFilters.ValueIdsAsync(connection, filters, ct);
            var conditions = SearchFilters.Conditions(valueIds, query.UpcomingFromUtc, out var filterParameters);
            var where = SearchFilters.And(conditions);
            var parameters = WithMatch(filterParameters, matches.Match);
            var (hits, total) = pageSize == 0 || matches.Kind == MatchKind.None ? ([], null)
                : await HitsAsync(connection, matches, where, parameters, query.Sort, page, pageSize, parsed, ct);
            total ??= await CountAsync(connection, matches, where, parameters, ct);
            var (facets, estimated) = !query.IncludeFacets ? ([], false)
                : total > 0 || filters.Count > 0 ? await FacetsAsync(connection, matches, conditions, parameters, filters, valueIds, total.Value, ct)
                : (SearchFacets.All.ToDictionary(f => f, IReadOnlyList<FacetCount> (_) => []), false);
            var didYouMean = total == 0 && !query.Prefix && parsed.Required.Count > 0 && query.Text is { } text
                ? await DidYouMeanAsync(connection, text, where, filterParameters, ct)
                : null;
            var notice = parsed.Truncated
                ? $"Uw zoekvraag was te lang; alleen het begin ({SearchQueryParser.MaxLength} tekens, {SearchQueryParser.MaxTerms} woorden) is gebruikt."
                : null;
            return new SearchResult(total.Value, hits, facets, notice, didYouMean, estimated);
        }
        finally
        {
            if (SearchSettingsSql is { Reset: { } reset })
            {
                await ExecuteAsync(connection, null, reset, CancellationToken.None);
            }

            await db.Database.CloseConnectionAsync();
        }
    }

    private Matches Matching(string? text, ParsedQuery parsed)
    {
        const string documents = "search_documents d";
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(MatchKind.All, documents, "1 = 1", "0.0", null, null);
        }

        if (parsed.IsEmpty)
        {
            return new(MatchKind.None, documents, "1 = 0", "0.0", null, null);
        }

        return parsed.Required.Count > 0
            ? new(MatchKind.Ranked, MatchFromSql, MatchConditionSql, MatchScoreSql, MatchIdsSql, Expression(parsed.Required, parsed.Excluded))
            : new(MatchKind.AllExcept, documents, $"d.id NOT IN ({MatchIdsSql})", "0.0", null, Expression([[.. parsed.Excluded]], []));
    }

    /// <summary>Every match that passes <paramref name="where"/>: no ranking, and the engine's own count when nothing is filtered.</summary>
    private async Task<int> CountAsync(DbConnection connection, Matches matches, string where, (string, object?)[] parameters, CancellationToken ct)
    {
        if (matches.Kind == MatchKind.None)
        {
            return 0;
        }

        var sql = matches.Kind == MatchKind.Ranked && where == "1 = 1" && PlainCountSql is { } plain
            ? plain
            : $"SELECT COUNT(*) FROM {matches.From} WHERE {matches.Condition} AND {where}";
        return Convert.ToInt32(await Scalar(connection, sql, parameters, ct), CultureInfo.InvariantCulture);
    }

    /// <summary>The page: ids in order from the narrow table, then the stored text of just those; the total if the page query gave it.</summary>
    private async Task<(List<SearchHit> Hits, int? Total)> HitsAsync(DbConnection connection, Matches matches, string where, (string, object?)[] parameters,
        SearchSort sort, int page, int pageSize, ParsedQuery parsed, CancellationToken ct)
    {
        var order = sort == SearchSort.Date || matches.Kind != MatchKind.Ranked
            ? "date_utc DESC NULLS LAST, score DESC"
            : "score DESC, date_utc DESC NULLS LAST";
        var sql = RankSql(matches, where, order, page * pageSize);
        var ranked = new List<(long Id, double Score)>(pageSize);
        int? total = null;
        await using (var command = Command(connection, null, sql,
            [.. parameters, ("@take", pageSize), ("@skip", (long)(page - 1) * pageSize), ("@now", NowValue(clock.GetUtcNow().UtcDateTime))]))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                ranked.Add((Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture), Convert.ToDouble(reader.GetValue(1), CultureInfo.InvariantCulture)));
                var last = reader.FieldCount - 1;
                total = reader.GetName(last) == "total" ? Convert.ToInt32(reader.GetValue(last), CultureInfo.InvariantCulture) : null;
            }
        }

        return (ranked.Count == 0 ? [] : await StoredAsync(connection, ranked, parsed, ct), total);
    }

    private static async Task<List<SearchHit>> StoredAsync(DbConnection connection, List<(long Id, double Score)> ranked, ParsedQuery parsed, CancellationToken ct)
    {
        var ids = ranked.Select((r, i) => ($"@h{i}", (object?)r.Id)).ToArray();
        await using var command = Command(connection, null, $"""
            SELECT t.id, d.key, d.type, d.date_utc, t.title, t.summary, t.body, t.url
            FROM search_texts t JOIN search_documents d ON d.id = t.id
            WHERE t.id IN ({string.Join(", ", ids.Select(i => i.Item1))})
            """, ids);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var hits = new Dictionary<long, SearchHit>(ranked.Count);
        while (await reader.ReadAsync(ct))
        {
            var id = Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture);
            var title = reader.GetString(4);
            var summary = reader.IsDBNull(5) ? null : reader.GetString(5);
            var body = reader.IsDBNull(6) ? null : reader.GetString(6);
            hits[id] = new SearchHit(
                Guid.Parse(reader.GetString(1)), reader.GetString(2), title, reader.GetString(7),
                SearchSnippets.Build(parsed.HighlightTerms, body, summary, title),
                reader.IsDBNull(3) ? null : DateTime.SpecifyKind(reader.GetDateTime(3), DateTimeKind.Utc), 0);
        }

        return [.. ranked.Where(r => hits.ContainsKey(r.Id)).Select(r => hits[r.Id] with { Score = r.Score })];
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
