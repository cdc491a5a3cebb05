using System.Data.Common;
using System.Globalization;
using System.Text;

namespace KnowledgePlatform.Web.Search;

public abstract partial class SqlSearchEngine
{
    private const int MaxFacetValues = 50;

    /// <summary>
    /// Facet counts are exact up to about this many matches; beyond, they are estimated from every
    /// k-th match by id (k = matches / this, rounded up) and scaled up: counting every facet of
    /// 30,000 matches costs several times the ranked query itself. Ids follow the order of indexing,
    /// so the sample spreads evenly over old and recently (re)indexed documents. The total stays
    /// exact. Setting Search:FacetSampleSize.
    /// </summary>
    internal int FacetSampleSize { get; set; } = 2_000;

    /// <summary>
    /// Every facet's counts in one pass over the matches: each match carries a 0/1 "misses" flag per
    /// selected facet, and a facet value counts a match that passes every filter except that facet's
    /// own, so a reader sees what each choice would add (OR within, AND across). Only what is shown
    /// leaves the database: per facet the values with the most matches, and the selected ones (a
    /// speaker facet of a mid-frequency word has a couple of thousand values).
    /// </summary>
    private async Task<(Dictionary<string, IReadOnlyList<FacetCount>> Facets, bool Estimated)> FacetsAsync(DbConnection connection, Matches matches,
        List<(string? Facet, string Sql)> conditions, (string, object?)[] parameters, IReadOnlyDictionary<string, IReadOnlyList<string>> filters,
        Dictionary<string, List<long>> selectedIds, int total, CancellationToken ct)
    {
        var selected = conditions.Where(c => c.Facet is not null).ToList();
        var always = SearchFilters.And(conditions.Where(c => c.Facet is null));
        var flags = new StringBuilder();
        var own = new StringBuilder("CASE f.facet");
        for (var i = 0; i < selected.Count; i++)
        {
            flags.Append(CultureInfo.InvariantCulture, $", CASE WHEN {selected[i].Sql} THEN 0 ELSE 1 END AS miss{i}");
            own.Append(CultureInfo.InvariantCulture, $" WHEN {SearchFacets.Code(selected[i].Facet!)} THEN x.miss{i}");
        }

        // Every k-th match when there are many: how many there are before the facet filters apply.
        var all = selected.Count == 0 ? total : await CountAsync(connection, matches, always, parameters, ct);
        var k = Math.Max(1, (all + FacetSampleSize - 1) / FacetSampleSize);
        var missing = string.Join(" + ", selected.Select((_, i) => $"x.miss{i}"));
        var chosen = selectedIds.Values.SelectMany(ids => ids).Select((id, i) => (Name: $"@chosen{i}", Value: (object?)id)).ToList();
        var source = selected.Count == 0 && always == "1 = 1" && matches.Ids is { } ids
            ? $"SELECT id FROM ({ids}) i WHERE id % @k = 0"
            : $"SELECT d.id{flags} FROM {matches.From} WHERE {matches.Condition} AND {always} AND d.id % @k = 0";
        var sql = $"""
            WITH x AS MATERIALIZED ({source}),
            c AS (
                SELECT f.value_id, COUNT(*) AS n FROM x {FacetJoin} search_facets f ON f.doc_id = x.id
                {(selected.Count == 0 ? "" : $"WHERE {missing} - ({own} ELSE 0 END) = 0")}
                GROUP BY f.value_id)
            SELECT NULL, NULL, NULL, COUNT(*) FROM x
            UNION ALL
            SELECT facet, value, label, n FROM (
                SELECT v.facet, v.value, v.label, c.n, c.value_id,
                    ROW_NUMBER() OVER (PARTITION BY v.facet ORDER BY c.n DESC, v.id) AS place
                FROM c JOIN search_facet_values v ON v.id = c.value_id) ranked
            WHERE place <= {MaxFacetValues}{(chosen.Count == 0 ? "" : $" OR value_id IN ({string.Join(", ", chosen.Select(c => c.Name))})")}
            """;
        var rows = new List<(string Facet, string Value, string Label, int Count)>();
        var sampled = 0;
        await using (var command = Command(connection, null, sql, [.. parameters, .. chosen, ("@k", k)]))
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var count = Convert.ToInt32(reader.GetValue(3), CultureInfo.InvariantCulture);
                if (reader.IsDBNull(0))
                {
                    sampled = count;
                }
                else
                {
                    rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), count));
                }
            }
        }

        var estimated = k > 1;
        if (estimated && sampled > 0)
        {
            var scale = all / (double)sampled;
            rows = [.. rows.Select(r => r with { Count = (int)Math.Round(r.Count * scale) })];
        }

        return (await ListAsync(connection, rows, filters, ct), estimated);
    }

    /// <summary>Per facet the values with the most matches, plus every selected value (even at zero).</summary>
    private static async Task<Dictionary<string, IReadOnlyList<FacetCount>>> ListAsync(DbConnection connection,
        List<(string Facet, string Value, string Label, int Count)> rows, IReadOnlyDictionary<string, IReadOnlyList<string>> filters, CancellationToken ct)
    {
        var facets = new Dictionary<string, IReadOnlyList<FacetCount>>(StringComparer.Ordinal);
        foreach (var facet in SearchFacets.All)
        {
            var chosen = filters.TryGetValue(facet, out var values) ? values : [];
            var counts = rows.Where(r => r.Facet == facet).OrderByDescending(r => r.Count).ThenBy(r => r.Value, StringComparer.Ordinal)
                .Take(MaxFacetValues).Select(r => new FacetCount(r.Value, r.Label, r.Count, chosen.Contains(r.Value))).ToList();
            foreach (var value in chosen.Where(v => !counts.Exists(c => c.Value == v)))
            {
                var label = rows.FirstOrDefault(r => r.Facet == facet && r.Value == value).Label
                    ?? await Scalar(connection, "SELECT label FROM search_facet_values WHERE facet = @facet AND value = @value",
                        [("@facet", facet), ("@value", value)], ct) as string;
                counts.Add(new FacetCount(value, label ?? value, rows.FirstOrDefault(r => r.Facet == facet && r.Value == value).Count, true));
            }

            facets[facet] = counts;
        }

        return facets;
    }
}
