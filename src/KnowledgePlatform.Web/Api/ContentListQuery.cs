using System.Globalization;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Infrastructure;

namespace KnowledgePlatform.Web.Api;

/// <summary>The list endpoint's query string, parsed and checked; every problem gets a Dutch message.</summary>
public sealed record ContentListQuery(
    IReadOnlyList<ContentType> Types,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Regions,
    string? Speaker,
    DateTime? FromUtc,
    DateTime? ToUtc,
    string Sort,
    int Page,
    int PageSize)
{
    public const int MaxPageSize = 100;
    public static readonly string[] Sorts = ["-date", "date", "title", "-published"];

    public static (ContentListQuery? Query, Dictionary<string, string[]> Errors) Parse(
        string[]? type, string[]? theme, string[]? region, string? speaker, string? from, string? to, string? sort, string? pageText, string? pageSizeText)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var page = ParseNumber(pageText, "page", errors);
        var pageSize = ParseNumber(pageSizeText, "pageSize", errors);
        var types = new List<ContentType>();
        foreach (var t in type ?? [])
        {
            if (Enum.TryParse<ContentType>(t, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(t, out _))
            {
                types.Add(parsed);
            }
            else
            {
                errors["type"] = [$"Onbekend type '{t}'. Kies uit: {string.Join(", ", Enum.GetNames<ContentType>().Select(ApiNames.Type))}."];
            }
        }

        var fromUtc = ParseDate(from, "from", errors, endOfDay: false);
        var toUtc = ParseDate(to, "to", errors, endOfDay: true);
        if (fromUtc > toUtc)
        {
            errors["to"] = ["'to' ligt vóór 'from'."];
        }

        if (sort is not null && !Sorts.Contains(sort, StringComparer.Ordinal))
        {
            errors["sort"] = [$"Onbekende sortering '{sort}'. Kies uit: {string.Join(", ", Sorts)}."];
        }

        if (page is < 1)
        {
            errors["page"] = ["'page' begint bij 1."];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"'pageSize' ligt tussen 1 en {MaxPageSize}."];
        }

        return errors.Count > 0
            ? (null, errors)
            : (new ContentListQuery(types, theme ?? [], region ?? [], speaker, fromUtc, toUtc, sort ?? "-date", page ?? 1, pageSize ?? 20), errors);
    }

    private static DateTime? ParseDate(string? text, string field, Dictionary<string, string[]> errors, bool endOfDay)
    {
        if (text is null)
        {
            return null;
        }

        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            errors[field] = [$"'{field}' is geen datum als 2020-10-06."];
            return null;
        }

        // Whole days in Amsterdam: "to=2020-10-06" includes that evening's event.
        var local = date.ToDateTime(TimeOnly.MinValue).AddDays(endOfDay ? 1 : 0);
        return TimeZoneInfo.ConvertTimeToUtc(local, DutchTime.Amsterdam);
    }

    /// <summary>A whole number from the query string, or null when absent; text that is no number gets a Dutch error for <paramref name="key"/>.</summary>
    internal static int? ParseNumber(string? text, string key, Dictionary<string, string[]> errors)
    {
        if (text is null)
        {
            return null;
        }

        if (int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        errors[key] = [$"'{key}' is geen geheel getal."];
        return null;
    }
}

/// <summary>Type names as the API spells them (camelCase, as in uSync files).</summary>
public static class ApiNames
{
    public static string Type(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    public static string Type(ContentType type) => Type(type.ToString());
}
