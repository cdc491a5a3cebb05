using KnowledgePlatform.Web.Infrastructure;
using KnowledgePlatform.Web.Search;
using KnowledgePlatform.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Api;

public sealed record SearchHitContract(Guid Key, string Type, string Title, string Url, string Snippet, DateTimeOffset? Date, double Score);

/// <summary>
/// The search answer; <c>snippet</c> is HTML: encoded text with &lt;mark&gt; around matched words.
/// <c>facetCountsEstimated</c> is true when the facet counts were estimated from a sample of very
/// many matches (<c>total</c> is always exact).
/// </summary>
public sealed record SearchResponse(
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<SearchHitContract> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetCount>> Facets,
    bool FacetCountsEstimated,
    string? DidYouMean,
    string? Notice);

/// <summary>GET /api/v1/search: full-text search with facets over published content and people.</summary>
public static class SearchApi
{
    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/v1/search").WithTags("Search").MapGet("/", SearchAsync).WithName("Search")
            .WithSummary("Zoeken in gepubliceerde inhoud en personen, met facetten.")
            .Produces<SearchResponse>().ProducesValidationProblem();
        return routes;
    }

    private static async Task<IResult> SearchAsync(
        ISearchEngine engine,
        IOptions<SiteOptions> site,
        TimeProvider clock,
        [FromQuery] string? q,
        [FromQuery] string[]? type,
        [FromQuery] string[]? theme,
        [FromQuery] string[]? region,
        [FromQuery] string[]? speaker,
        [FromQuery] string[]? organisation,
        [FromQuery] string[]? year,
        [FromQuery] string? sort,
        // Text, not int?/bool?: a value of the wrong kind gets the same Dutch 400 as one out of range
        // instead of the framework's bare binding failure.
        [FromQuery] string? page,
        [FromQuery] string? pageSize,
        [FromQuery] string? upcoming,
        CancellationToken ct)
    {
        var facets = new Dictionary<string, string[]>
        {
            [SearchFacets.Type] = type ?? [], [SearchFacets.Theme] = theme ?? [], [SearchFacets.Region] = region ?? [],
            [SearchFacets.Speaker] = speaker ?? [], [SearchFacets.Organisation] = organisation ?? [], [SearchFacets.Year] = year ?? [],
        };
        var (query, errors) = SearchRequest.Parse(q, facets, sort, page, pageSize, upcoming, clock.GetUtcNow().UtcDateTime);
        if (query is null)
        {
            return TypedResults.ValidationProblem(errors, title: "De zoekvraag bevat ongeldige parameters.");
        }

        var result = await engine.SearchAsync(query, ct);
        var baseUri = site.Value.BaseUri;
        return TypedResults.Ok(new SearchResponse(
            result.Total, query.Page, query.PageSize,
            [.. result.Hits.Select(h => new SearchHitContract(h.Key, h.Type, h.Title, new Uri(baseUri, h.Url.TrimStart('/')).ToString(), h.Snippet,
                h.DateUtc is { } d ? DutchTime.ToAmsterdam(d) : null, Math.Round(h.Score, 4)))],
            result.Facets, result.FacetCountsEstimated, result.DidYouMean, result.Notice));
    }
}
