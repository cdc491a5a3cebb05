namespace KnowledgePlatform.Web.Site;

/// <summary>A value a reader can choose in a filter, with how many items it would show.</summary>
public sealed record FacetOption(string Value, string Label, int Count, bool Selected);

/// <summary>A filter as a page shows it: its query key, its name and its options.</summary>
public sealed record FacetCounts(string Key, string Legend, IReadOnlyList<FacetOption> Options)
{
    public int SelectedCount => Options.Count(o => o.Selected);
}

/// <summary>
/// One filter over rows in memory: which values a row has (a row may have several: themes), which
/// values exist (in display order, with labels) and which the reader chose. Values the reader chose
/// that do not exist (an unknown slug, a misspelt month) are ignored rather than matching nothing.
/// </summary>
public sealed class Facet<T>(string key, string legend, Func<T, IEnumerable<string>> valuesOf,
    IReadOnlyList<(string Value, string Label)> known, IEnumerable<string> requested)
{
    private readonly HashSet<string> selected = [.. requested.Where(v => known.Any(k => k.Value == v))];

    public string Key => key;
    public IReadOnlySet<string> Selected => selected;

    /// <summary>Within one filter the chosen values are alternatives (OR); no choice admits all.</summary>
    public bool Admits(T row) => selected.Count == 0 || valuesOf(row).Any(selected.Contains);

    /// <summary>
    /// Counts over <paramref name="rows"/> that pass every other filter, so a number says what
    /// ticking the option would show. Options that would show nothing are left out unless chosen.
    /// </summary>
    public FacetCounts Count(IEnumerable<T> rows, IReadOnlyList<Facet<T>> all)
    {
        var counts = rows.Where(r => all.All(f => ReferenceEquals(f, this) || f.Admits(r)))
            .SelectMany(r => valuesOf(r).Distinct())
            .CountBy(v => v)
            .ToDictionary();
        return new FacetCounts(key, legend, [.. known
            .Where(k => counts.ContainsKey(k.Value) || selected.Contains(k.Value))
            .Select(k => new FacetOption(k.Value, k.Label, counts.GetValueOrDefault(k.Value), selected.Contains(k.Value)))]);
    }
}

public static class Facets
{
    /// <summary>The rows every filter admits (AND across filters), in their original order.</summary>
    public static List<T> Matching<T>(IEnumerable<T> rows, IReadOnlyList<Facet<T>> facets) =>
        [.. rows.Where(r => facets.All(f => f.Admits(r)))];
}
