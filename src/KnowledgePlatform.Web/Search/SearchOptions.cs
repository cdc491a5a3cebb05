namespace KnowledgePlatform.Web.Search;

/// <summary>Settings of the search module (section "Search").</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>
    /// Facet counts are exact up to about this many matches and estimated from a sample beyond
    /// (flagged as such in the answer); see SqlSearchEngine.Facets. Higher is more exact and slower.
    /// </summary>
    public int FacetSampleSize { get; set; } = 2_000;
}
