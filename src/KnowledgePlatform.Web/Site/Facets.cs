namespace KnowledgePlatform.Web.Site;

/// <summary>A value a reader can choose in a filter, with how many items it would show.</summary>
public sealed record FacetOption(string Value, string Label, int Count, bool Selected);

/// <summary>A filter as a page shows it: its query key, its name and its options.</summary>
public sealed record FacetCounts(string Key, string Legend, IReadOnlyList<FacetOption> Options)
{
    public int SelectedCount => Options.Count(o => o.Selected);

    /// <summary>
    /// A filter's options in display order, each with what ticking it would show given the other
    /// filters. Options that would show nothing are left out unless chosen, so a choice never
    /// disappears and the form lists only values that occur.
    /// </summary>
    public static FacetCounts Of(string key, string legend, IEnumerable<(string Value, string Label)> known,
        Func<string, int> count, IReadOnlySet<string> selected) =>
        new(key, legend, [.. known
            .Select(k => new FacetOption(k.Value, k.Label, count(k.Value), selected.Contains(k.Value)))
            .Where(o => o.Count > 0 || o.Selected)]);
}
