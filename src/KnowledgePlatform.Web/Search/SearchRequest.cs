using System.Globalization;
using KnowledgePlatform.Web.Api;
using KnowledgePlatform.Web.Content;

namespace KnowledgePlatform.Web.Search;

/// <summary>
/// The search query string (q, facet values, sort, page, pageSize, upcoming) as the API and the
/// /zoeken page read it, checked once from the raw text: every problem, a number that is no number
/// included, gets a Dutch message per parameter (never the framework's bare binding failure).
/// </summary>
public static class SearchRequest
{
    public const int DefaultPageSize = 10;
    public const int MaxPageSize = 50;
    public static readonly string[] Sorts = ["relevance", "date"];

    public static readonly string[] Types = [.. Enum.GetValues<ContentType>().Select(ApiNames.Type).Append(SearchDocument.PersonType)];

    public static (SearchQuery? Query, Dictionary<string, string[]> Errors) Parse(
        string? q, IReadOnlyDictionary<string, string[]> facets, string? sort, string? pageText, string? pageSizeText, string? upcomingText, DateTime nowUtc)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var page = ContentListQuery.ParseNumber(pageText, "page", errors);
        var pageSize = ContentListQuery.ParseNumber(pageSizeText, "pageSize", errors);
        var upcoming = upcomingText switch
        {
            null or "" or "false" => false,
            "true" => true,
            _ => Invalid(errors, "upcoming", "'upcoming' is true of false."),
        };
        var filters = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var facet in SearchFacets.All)
        {
            var values = facets.TryGetValue(facet, out var given) ? given.Where(v => !string.IsNullOrWhiteSpace(v)).ToList() : [];
            var invalid = facet switch
            {
                SearchFacets.Type => values.Where(v => !Types.Contains(v, StringComparer.Ordinal)).ToList(),
                SearchFacets.Year => values.Where(v => !int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var y) || v.Length != 4 || y < 1900).ToList(),
                _ => values.Where(v => v.Length > 200).ToList(),
            };
            if (invalid.Count > 0)
            {
                errors[facet] = [facet switch
                {
                    SearchFacets.Type => $"Onbekend type '{invalid[0]}'. Kies uit: {string.Join(", ", Types)}.",
                    SearchFacets.Year => $"'{invalid[0]}' is geen jaartal als 2024.",
                    _ => $"'{facet}' is te lang.",
                }];
            }
            else if (values.Count > 20)
            {
                errors[facet] = [$"Kies hooguit 20 waarden voor '{facet}'."];
            }
            else if (values.Count > 0)
            {
                filters[facet] = values;
            }
        }

        if (sort is not null && !Sorts.Contains(sort, StringComparer.Ordinal))
        {
            errors["sort"] = [$"Onbekende sortering '{sort}'. Kies uit: {string.Join(", ", Sorts)}."];
        }

        if (page is < 1 or > 1000)
        {
            errors["page"] = ["'page' ligt tussen 1 en 1000."];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"'pageSize' ligt tussen 1 en {MaxPageSize}."];
        }

        return errors.Count > 0
            ? (null, errors)
            : (new SearchQuery(q, filters, sort == "date" ? SearchSort.Date : SearchSort.Relevance, page ?? 1, pageSize ?? DefaultPageSize,
                UpcomingFromUtc: upcoming ? nowUtc : null), errors);
    }

    private static bool Invalid(Dictionary<string, string[]> errors, string key, string message)
    {
        errors[key] = [message];
        return false;
    }
}
