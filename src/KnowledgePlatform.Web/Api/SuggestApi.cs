using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Search;
using KnowledgePlatform.Web.Search.Analysis;
using KnowledgePlatform.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Api;

/// <summary>One autocomplete suggestion: a title (content or person), a theme or a region.</summary>
public sealed record SuggestionContract(string Label, string Type, string Url);

/// <summary>GET /api/v1/search/suggest: suggestions as you type, the last word matching as a prefix.</summary>
public static class SuggestApi
{
    private const int MaxTitles = 6;
    private const int MaxTerms = 4;

    public static IEndpointRouteBuilder MapSuggestApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/v1/search").WithTags("Search").MapGet("/suggest", SuggestAsync).WithName("SearchSuggest")
            .WithSummary("Suggesties tijdens het typen: titels, sprekers, thema's en regio's.")
            .Produces<IReadOnlyList<SuggestionContract>>();
        return routes;
    }

    private static async Task<IResult> SuggestAsync(ISearchEngine engine, IOptions<SiteOptions> site, [FromQuery] string? q, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q) || q.Length > 200)
        {
            return TypedResults.Ok(Array.Empty<SuggestionContract>());
        }

        var result = await engine.SearchAsync(new SearchQuery(q, PageSize: MaxTitles, Prefix: true), ct);
        var baseUri = site.Value.BaseUri;
        string Absolute(string url) => new Uri(baseUri, url.TrimStart('/')).ToString();

        // Themes and regions whose name has a word starting with what is being typed.
        var typed = DutchAnalyzer.Fold(q.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)[^1]);
        var terms = new[] { (SearchFacets.Theme, Vocabulary.ThemeAlias), (SearchFacets.Region, Vocabulary.RegionAlias) }
            .SelectMany(f => result.Facets.GetValueOrDefault(f.Item1, [])
                .Where(v => DutchAnalyzer.Fold(v.Label).Split(' ', '-').Any(w => w.StartsWith(typed, StringComparison.Ordinal)))
                .Select(v => new SuggestionContract(v.Label, f.Item1, Absolute(ContentUrls.Term(f.Item2, v.Value)))))
            .Take(MaxTerms);
        return TypedResults.Ok(result.Hits.Select(h => new SuggestionContract(h.Title, h.Type, Absolute(h.Url))).Concat(terms).ToList());
    }
}
