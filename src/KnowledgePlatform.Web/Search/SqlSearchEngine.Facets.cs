using System.Data.Common;
using System.Globalization;
using System.Text;

namespace KnowledgePlatform.Web.Search;

public abstract partial class SqlSearchEngine
{
    private const int MaxFacetValues = 50;

    /// <summary>
    /// Every facet's counts in one pass over the matches: each match carries a 0/1 "misses" flag per
    /// selected facet, and a facet value counts a match that passes every filter except that facet's
    /// own, so a reader sees what each choice would add (OR within, AND across). Fills
    /// <paramref name="facets"/> and returns the total, which is the type counts the type filter
    /// keeps: every document has exactly one type.
    /// </summary>
    private static async Task<int> FacetsAsync(DbConnection connection, string cte, List<(string? Facet, string Sql)> conditions,
        (string, object?)[] parameters, IReadOnlyDictionary<string, IReadOnlyList<string>> filters,
        Dictionary<string, IReadOnlyList<FacetCount>> facets, CancellationToken ct)
    {
        var selected = conditions.Where(c => c.Facet is not null).ToList();
        var always = string.Join(" AND ", conditions.Where(c => c.Facet is null).Select(c => $"({c.Sql})").DefaultIfEmpty("1 = 1"));
        var flags = new StringBuilder();
        var own = new StringBuilder("CASE f.facet");
        for (var i = 0; i < selected.Count; i++)
        {
            flags.Append(CultureInfo.InvariantCulture, $", CASE WHEN {selected[i].Sql} THEN 0 ELSE 1 END AS miss{i}");
            own.Append(CultureInfo.InvariantCulture, $" WHEN '{selected[i].Facet}' THEN x.miss{i}");
        }

        var missing = string.Join(" + ", selected.Select((_, i) => $"x.miss{i}"));
        var sql = $"""
            {cte},
            x AS (SELECT m.id{flags} FROM m JOIN search_documents d ON d.id = m.id WHERE {always})
            SELECT f.facet, f.value, MAX(f.label), COUNT(*)
            FROM x JOIN search_facets f ON f.doc_id = x.id
            {(selected.Count == 0 ? "" : $"WHERE {missing} - ({own} ELSE 0 END) = 0")}
            GROUP BY f.facet, f.value
            """;
        var rows = new List<(string Facet, string Value, string Label, int Count)>();
        await using (var command = Command(connection, null, sql, parameters))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture)));
            }
        }

        foreach (var facet in SearchFacets.All)
        {
            var chosen = filters.TryGetValue(facet, out var values) ? values : [];
            var counts = rows.Where(r => r.Facet == facet).OrderByDescending(r => r.Count).ThenBy(r => r.Value, StringComparer.Ordinal)
                .Take(MaxFacetValues).Select(r => new FacetCount(r.Value, r.Label, r.Count, chosen.Contains(r.Value))).ToList();
            foreach (var value in chosen.Where(v => !counts.Exists(c => c.Value == v)))
            {
                var label = rows.FirstOrDefault(r => r.Facet == facet && r.Value == value).Label
                    ?? await Scalar(connection, "SELECT MAX(label) FROM search_facets WHERE facet = @facet AND value = @value",
                        [("@facet", facet), ("@value", value)], ct) as string;
                counts.Add(new FacetCount(value, label ?? value, rows.FirstOrDefault(r => r.Facet == facet && r.Value == value).Count, true));
            }

            facets[facet] = counts;
        }

        var types = rows.Where(r => r.Facet == SearchFacets.Type);
        return filters.TryGetValue(SearchFacets.Type, out var kept)
            ? types.Where(r => kept.Contains(r.Value)).Sum(r => r.Count)
            : types.Sum(r => r.Count);
    }
}
