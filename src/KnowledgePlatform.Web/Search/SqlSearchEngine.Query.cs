using System.Data.Common;
using KnowledgePlatform.Web.Search.Query;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Search;

public abstract partial class SqlSearchEngine
{
    public const int MaxPageSize = 100;
    private const int MaxFacetValues = 50;
    private const string AllDocuments = "SELECT id, 0.0 AS score FROM search_documents";

    /// <summary>SELECT id, score (higher is better) of the documents matching @match.</summary>
    protected abstract string MatchSql { get; }

    /// <summary>SELECT id of the documents matching @match (no ranking).</summary>
    protected abstract string MatchIdsSql { get; }

    /// <summary>The engine's match expression for these groups (AND of ORs of phrases), minus the excluded phrases.</summary>
    protected abstract string Expression(IReadOnlyList<IReadOnlyList<IReadOnlyList<string>>> required, IReadOnlyList<IReadOnlyList<string>> excluded);

    public async Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken ct)
    {
        var parsed = SearchQueryParser.Parse(query.Text, query.Prefix);
        var filters = SearchFilters.Normalize(query.Filters);
        var (cte, match) = Matching(query.Text, parsed);
        var pageSize = Math.Clamp(query.PageSize, 0, MaxPageSize);
        var page = Math.Max(1, query.Page);

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            var where = SearchFilters.Where(filters, except: null, query.UpcomingFromUtc, out var filterParameters);
            var parameters = WithMatch(filterParameters, match);
            var total = Convert.ToInt32(await Scalar(connection, $"{cte} SELECT COUNT(*) FROM m JOIN search_documents d ON d.id = m.id WHERE {where}", parameters, ct),
                System.Globalization.CultureInfo.InvariantCulture);
            var hits = pageSize == 0 ? [] : await HitsAsync(connection, cte, where, parameters, query.Sort, page, pageSize, parsed, ct);
            var facets = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal);
            if (query.IncludeFacets)
            {
                foreach (var facet in SearchFacets.All)
                {
                    facets[facet] = await FacetAsync(connection, cte, match, facet, filters, query.UpcomingFromUtc, ct);
                }
            }

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
            await db.Database.CloseConnectionAsync();
        }
    }

    private (string Cte, string? Match) Matching(string? text, ParsedQuery parsed)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return ($"WITH m AS ({AllDocuments})", null);
        }

        if (parsed.IsEmpty)
        {
            return ($"WITH m AS ({AllDocuments} WHERE 1 = 0)", null);
        }

        return parsed.Required.Count > 0
            ? ($"WITH m AS ({MatchSql})", Expression(parsed.Required, parsed.Excluded))
            : ($"WITH m AS ({AllDocuments} WHERE id NOT IN ({MatchIdsSql}))", Expression([[.. parsed.Excluded]], []));
    }

    private static async Task<List<SearchHit>> HitsAsync(DbConnection connection, string cte, string where, (string, object?)[] parameters,
        SearchSort sort, int page, int pageSize, ParsedQuery parsed, CancellationToken ct)
    {
        var order = sort == SearchSort.Date ? "d.date_utc DESC NULLS LAST, m.score DESC" : "m.score DESC, d.date_utc DESC NULLS LAST";
        var sql = $"""
            {cte}
            SELECT d.key, d.type, d.title, d.summary, d.body, d.url, d.date_utc, m.score
            FROM m JOIN search_documents d ON d.id = m.id
            WHERE {where}
            ORDER BY {order}, d.id
            LIMIT @take OFFSET @skip
            """;
        await using var command = Command(connection, null, sql, [.. parameters, ("@take", pageSize), ("@skip", (long)(page - 1) * pageSize)]);
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
                Convert.ToDouble(reader.GetValue(7), System.Globalization.CultureInfo.InvariantCulture)));
        }

        return hits;
    }

    /// <summary>Counts of one facet under every active filter except its own, so a reader sees what each choice would add.</summary>
    private static async Task<IReadOnlyList<FacetCount>> FacetAsync(DbConnection connection, string cte, string? match, string facet,
        IReadOnlyDictionary<string, IReadOnlyList<string>> filters, DateTime? upcoming, CancellationToken ct)
    {
        var where = SearchFilters.Where(filters, except: facet, upcoming, out var parameters);
        var sql = $"""
            {cte}
            SELECT f.value, MAX(f.label), COUNT(*)
            FROM m JOIN search_documents d ON d.id = m.id JOIN search_facets f ON f.doc_id = d.id AND f.facet = @facet
            WHERE {where}
            GROUP BY f.value
            ORDER BY COUNT(*) DESC, f.value
            LIMIT {MaxFacetValues}
            """;
        await using var command = Command(connection, null, sql, [.. WithMatch(parameters, match), ("@facet", facet)]);
        var counts = new List<FacetCount>();
        var selected = filters.TryGetValue(facet, out var values) ? values : [];
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var value = reader.GetString(0);
                counts.Add(new FacetCount(value, reader.GetString(1), Convert.ToInt32(reader.GetValue(2), System.Globalization.CultureInfo.InvariantCulture), selected.Contains(value)));
            }
        }

        foreach (var missing in selected.Where(v => !counts.Exists(c => c.Value == v)))
        {
            var label = await Scalar(connection, "SELECT MAX(label) FROM search_facets WHERE facet = @facet AND value = @value",
                [("@facet", facet), ("@value", missing)], ct);
            counts.Add(new FacetCount(missing, label as string ?? missing, 0, true));
        }

        return counts;
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
