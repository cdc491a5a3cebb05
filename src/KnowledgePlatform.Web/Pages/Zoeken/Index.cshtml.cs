using System.Globalization;
using KnowledgePlatform.Web.Infrastructure;
using KnowledgePlatform.Web.Search;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace KnowledgePlatform.Web.Pages.Zoeken;

/// <summary>/zoeken: a plain GET form (bookmarkable, works without JavaScript) over the same parsing and engine as the API.</summary>
public sealed class IndexModel(ISearchEngine engine, TimeProvider clock) : PageModel
{
    public static readonly (string Facet, string Legend)[] FacetLegends =
    [
        (SearchFacets.Type, "Soort"), (SearchFacets.Theme, "Thema"), (SearchFacets.Region, "Regio"),
        (SearchFacets.Speaker, "Spreker"), (SearchFacets.Organisation, "Organisatie"), (SearchFacets.Year, "Jaar"),
    ];

    public string? Q { get; private set; }
    public SearchQuery? Query { get; private set; }
    public SearchResult? Result { get; private set; }
    public IReadOnlyList<string> Problems { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Q = Request.Query["q"].ToString();
        var facets = SearchFacets.All.ToDictionary(f => f, f => Request.Query[f].Where(v => v is not null).Select(v => v!).ToArray());
        string? Text(string name) => Request.Query[name].ToString() is { Length: > 0 } value ? value : null;
        var sort = Request.Query["sort"].ToString() is { Length: > 0 } s ? s : null;
        var (query, errors) = SearchRequest.Parse(Q, facets, sort, Text("page"), Text("pageSize"), Text("upcoming"), clock.GetUtcNow().UtcDateTime);
        if (query is null)
        {
            // A hand-edited URL should still give results: say what was ignored and search the words.
            Problems = [.. errors.Values.SelectMany(e => e)];
            query = new SearchQuery(Q);
        }

        Query = query;
        Result = await engine.SearchAsync(query, ct);
    }

    /// <summary>"Bijeenkomst", "Persoon", …: the type facet already carries the Dutch label.</summary>
    public string TypeLabel(string type) =>
        Result?.Facets.GetValueOrDefault(SearchFacets.Type)?.FirstOrDefault(f => f.Value == type)?.Label ?? type;

    /// <summary>A facet value's count; an estimate shows as such, rounded to two significant digits ("ca. 3.400").</summary>
    public string FacetCountText(int count)
    {
        if (Result is not { FacetCountsEstimated: true })
        {
            return count.ToString(CultureInfo.InvariantCulture);
        }

        var unit = count < 100 ? 1 : Math.Pow(10, Math.Floor(Math.Log10(count)) - 1);
        return "ca. " + (Math.Round(count / unit) * unit).ToString("N0", DutchTime.Culture);
    }

    /// <summary>The current URL with another page number, keeping every filter.</summary>
    public string PageUrl(int page)
    {
        var parameters = Request.Query.Where(p => p.Key != "page").SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Append(new KeyValuePair<string, string?>("page", page.ToString(CultureInfo.InvariantCulture)));
        return "/zoeken" + Microsoft.AspNetCore.Http.QueryString.Create(parameters);
    }
}
