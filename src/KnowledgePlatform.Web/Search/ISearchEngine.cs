namespace KnowledgePlatform.Web.Search;

/// <summary>
/// The full-text index behind one seam, so SQLite (FTS5) and PostgreSQL (tsvector) pass the same
/// contract tests. The index lives in the database and can always be rebuilt from content.
/// </summary>
public interface ISearchEngine
{
    /// <summary>Adds or replaces these documents (by key), atomically.</summary>
    Task IndexAsync(IReadOnlyCollection<SearchDocument> documents, CancellationToken ct);

    /// <summary>Removes documents by key; unknown keys are ignored.</summary>
    Task RemoveAsync(IReadOnlyCollection<Guid> keys, CancellationToken ct);

    /// <summary>
    /// Replaces the whole index with <paramref name="documents"/>: builds a new index beside the
    /// live one in short batches, then swaps it in with one short transaction, so readers see the
    /// old index until the new one is complete and search never goes offline. Changes indexed into
    /// the live index meanwhile are lost with it: the caller replays them (RebuildSearchIndex).
    /// </summary>
    Task<int> ReplaceAllAsync(IAsyncEnumerable<SearchDocument> documents, IProgress<int>? progress, CancellationToken ct);

    /// <summary>Hits, total and facet counts. Never throws on user input.</summary>
    Task<SearchResult> SearchAsync(SearchQuery query, CancellationToken ct);
}

/// <summary>The facets readers narrow by; a document carries any number of values of each.</summary>
public static class SearchFacets
{
    public const string Type = "type";
    public const string Theme = "theme";
    public const string Region = "region";
    public const string Speaker = "speaker";
    public const string Organisation = "organisation";
    public const string Year = "year";

    /// <summary>In this order; a facet's index is its code in search_facets, so the order is fixed.</summary>
    public static readonly string[] All = [Type, Theme, Region, Speaker, Organisation, Year];

    public static int Code(string facet) => Array.IndexOf(All, facet);
}

public enum SearchSort
{
    /// <summary>Best match first (title above summary above body); without words, newest first.</summary>
    Relevance,

    /// <summary>Newest first by event start or publication date.</summary>
    Date,
}

/// <param name="Text">Web-search syntax: words (AND), "phrases", -exclude, OR.</param>
/// <param name="Filters">Facet → selected values: OR within a facet, AND across facets.</param>
/// <param name="UpcomingFromUtc">Only events and workshops starting at or after this moment.</param>
/// <param name="Prefix">As you type: the last word also matches longer words it begins.</param>
public sealed record SearchQuery(
    string? Text,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? Filters = null,
    SearchSort Sort = SearchSort.Relevance,
    int Page = 1,
    int PageSize = 10,
    bool IncludeFacets = true,
    DateTime? UpcomingFromUtc = null,
    bool Prefix = false);

public sealed record SearchHit(Guid Key, string Type, string Title, string Url, string Snippet, DateTime? DateUtc, double Score);

/// <summary>One facet value; selected values are listed even when their count is zero.</summary>
public sealed record FacetCount(string Value, string Label, int Count, bool Selected);

/// <param name="Notice">Set (in Dutch) when the query was shortened.</param>
/// <param name="DidYouMean">For a query that found nothing: a corrected query that finds something.</param>
/// <param name="FacetCountsEstimated">
/// True when the facet counts were estimated from a sample of the matches (a query matching very
/// many documents); the total is always exact.
/// </param>
public sealed record SearchResult(
    int Total,
    IReadOnlyList<SearchHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets,
    string? Notice,
    string? DidYouMean = null,
    bool FacetCountsEstimated = false);
