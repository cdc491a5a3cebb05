using System.Data.Common;
using System.Globalization;

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

    /// <summary>
    /// The numbers (search_facet_values.id) of the selected values, per facet, looked up once per
    /// search: a document's facets are then checked by primary key, (doc_id, value_id).
    /// </summary>
    public static async Task<Dictionary<string, List<long>>> ValueIdsAsync(DbConnection connection,
        IReadOnlyDictionary<string, IReadOnlyList<string>> filters, CancellationToken ct)
    {
        var ids = filters.Keys.ToDictionary(f => f, _ => new List<long>(), StringComparer.Ordinal);
        var pairs = filters.SelectMany(f => f.Value.Select(v => (Facet: f.Key, Value: v))).ToList();
        if (pairs.Count == 0)
        {
            return ids;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT id, facet FROM search_facet_values WHERE "
            + string.Join(" OR ", pairs.Select((_, i) => $"(facet = @f{i} AND value = @v{i})"));
        for (var i = 0; i < pairs.Count; i++)
        {
            Add(command, $"@f{i}", pairs[i].Facet);
            Add(command, $"@v{i}", pairs[i].Value);
        }

        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids[reader.GetString(1)].Add(Convert.ToInt64(reader.GetValue(0), CultureInfo.InvariantCulture));
        }

        return ids;
    }

    /// <summary>
    /// Every filter as one condition: per selected facet (a value nobody has matches nothing),
    /// and the upcoming-only condition (facet null).
    /// </summary>
    public static List<(string? Facet, string Sql)> Conditions(Dictionary<string, List<long>> valueIds, DateTime? upcomingFromUtc,
        out List<(string, object?)> parameters)
    {
        parameters = [];
        var conditions = new List<(string?, string)>();
        var f = 0;
        foreach (var (facet, ids) in valueIds)
        {
            f++;
            var names = ids.Select((_, v) => $"@f{f}_{v}").ToList();
            conditions.Add((facet, ids.Count == 0 ? "1 = 0"
                : $"EXISTS (SELECT 1 FROM search_facets sf WHERE sf.doc_id = d.id AND sf.value_id IN ({string.Join(", ", names)}))"));
            parameters.AddRange(ids.Select((id, v) => (names[v], (object?)id)));
        }

        if (upcomingFromUtc is { } from)
        {
            conditions.Add((null, "d.type IN ('event', 'workshop') AND d.date_utc >= @upcoming"));
            parameters.Add(("@upcoming", DateTime.SpecifyKind(from, DateTimeKind.Utc)));
        }

        return conditions;
    }

    public static string And(IEnumerable<(string? Facet, string Sql)> conditions) =>
        string.Join(" AND ", conditions.Select(c => $"({c.Sql})").DefaultIfEmpty("1 = 1"));

    private static void Add(DbCommand command, string name, object value)
    {
        var p = command.CreateParameter();
        p.ParameterName = name;
        p.Value = value;
        command.Parameters.Add(p);
    }
}
