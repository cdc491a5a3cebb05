using System.Globalization;
using KnowledgePlatform.Web.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;

namespace KnowledgePlatform.Web.Site;

/// <summary>
/// What a reader asked the agenda for, read from the query string so every view is a plain,
/// bookmarkable GET: <c>/agenda?periode=verleden&amp;thema=jeugd&amp;thema=wmo&amp;soort=online&amp;maand=2020-10&amp;pagina=2</c>.
/// </summary>
public sealed record AgendaFilter(bool Past, IReadOnlyDictionary<string, IReadOnlyList<string>> Requested, int Page)
{
    public const string Path = "/agenda";
    public const string PeriodKey = "periode";
    public const string PastValue = "verleden";
    public const string ThemeKey = "thema";
    public const string RegionKey = "regio";
    public const string KindKey = "soort";
    public const string MonthKey = "maand";

    public const string EventKind = "bijeenkomst";
    public const string WorkshopKind = "werkbijeenkomst";
    public const string OnlineKind = "online";

    private static readonly string[] FilterKeys = [KindKey, ThemeKey, RegionKey, MonthKey];

    public static AgendaFilter From(IQueryCollection query) => new(
        query[PeriodKey] == PastValue,
        FilterKeys.ToDictionary(k => k, k => (IReadOnlyList<string>)[.. Values(query[k])]),
        Paging.Requested(query[Paging.QueryKey]));

    public IReadOnlyList<string> this[string key] => Requested.TryGetValue(key, out var values) ? values : [];

    /// <summary>"2020-10" → "oktober 2020"; null when the value is not a month.</summary>
    public static string? MonthLabel(string value) =>
        DateTime.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? month.ToString("MMMM yyyy", DutchTime.Culture)
            : null;

    /// <summary>
    /// The agenda in the other period with the same theme, region and kind: months and pages
    /// do not carry over, as they rarely exist on the other side.
    /// </summary>
    public string OtherPeriodUrl(bool past) => QueryHelpers.AddQueryString(Path,
        (past ? [new(PeriodKey, PastValue)] : Array.Empty<KeyValuePair<string, StringValues>>())
            .Concat(new[] { KindKey, ThemeKey, RegionKey }.Where(k => this[k].Count > 0)
                .Select(k => new KeyValuePair<string, StringValues>(k, new StringValues([.. this[k]])))));

    /// <summary>The same period without any filter.</summary>
    public string ClearedUrl => Past ? $"{Path}?{PeriodKey}={PastValue}" : Path;

    private static IEnumerable<string> Values(StringValues values) =>
        values.SelectMany(v => (v ?? "").Split(',')).Select(v => v.Trim().ToLowerInvariant()).Where(v => v.Length > 0).Distinct();
}
