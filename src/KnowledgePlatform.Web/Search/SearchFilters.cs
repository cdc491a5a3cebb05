namespace KnowledgePlatform.Web.Search;

/// <summary>Facet filters as parameterized SQL over search_documents d: OR within a facet, AND across facets.</summary>
internal static class SearchFilters
{
    private const int MaxValuesPerFacet = 20;
    private const int MaxValueLength = 200;

    /// <summary>Known facets only, distinct non-empty values, bounded, so the SQL stays small whatever the URL says.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Normalize(IReadOnlyDictionary<string, IReadOnlyList<string>>? filters)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var facet in SearchFacets.All)
        {
            if (filters is not null && filters.TryGetValue(facet, out var values))
            {
                var kept = values.Where(v => !string.IsNullOrWhiteSpace(v) && v.Length <= MaxValueLength)
                    .Distinct(StringComparer.Ordinal).Take(MaxValuesPerFacet).ToList();
                if (kept.Count > 0)
                {
                    result[facet] = kept;
                }
            }
        }

        return result;
    }

    /// <summary>Every filter as one condition: per selected facet, and the upcoming-only condition (facet null).</summary>
    public static List<(string? Facet, string Sql)> Conditions(IReadOnlyDictionary<string, IReadOnlyList<string>> filters, DateTime? upcomingFromUtc,
        out List<(string, object?)> parameters)
    {
        parameters = [];
        var conditions = new List<(string?, string)>();
        var f = 0;
        foreach (var (facet, values) in filters)
        {
            f++;
            var names = values.Select((_, v) => $"@f{f}_{v}").ToList();
            conditions.Add((facet, $"d.id IN (SELECT doc_id FROM search_facets WHERE facet = @f{f} AND value IN ({string.Join(", ", names)}))"));
            parameters.Add(($"@f{f}", facet));
            parameters.AddRange(values.Select((value, v) => ($"@f{f}_{v}", (object?)value)));
        }

        if (upcomingFromUtc is { } from)
        {
            conditions.Add((null, "d.type IN ('event', 'workshop') AND d.date_utc >= @upcoming"));
            parameters.Add(("@upcoming", DateTime.SpecifyKind(from, DateTimeKind.Utc)));
        }

        return conditions;
    }

    /// <summary>All conditions ANDed (or "1 = 1").</summary>
    public static string Where(IReadOnlyDictionary<string, IReadOnlyList<string>> filters, DateTime? upcomingFromUtc, out List<(string, object?)> parameters) =>
        string.Join(" AND ", Conditions(filters, upcomingFromUtc, out parameters).Select(c => $"({c.Sql})").DefaultIfEmpty("1 = 1"));
}
