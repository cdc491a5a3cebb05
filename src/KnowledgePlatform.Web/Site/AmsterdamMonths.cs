using System.Globalization;
using KnowledgePlatform.Web.Infrastructure;

namespace KnowledgePlatform.Web.Site;

/// <summary>
/// Amsterdam calendar months in SQL terms, so the agenda can filter and count by month in the
/// database although SQLite knows no time zones. Amsterdam is UTC+1 in winter and UTC+2 in
/// summer, so an instant's Amsterdam month is the UTC month of "instant + 1 h" or of
/// "instant + 2 h"; the two differ only in the hour from 22:00 to 23:00 UTC on a month's last
/// day, and within that hour the offset is fixed (clocks change at 01:00 UTC, on a Sunday in
/// March or October), so one look at the zone settles the whole bucket.
/// </summary>
public static class AmsterdamMonths
{
    /// <summary>
    /// A count of events grouped by the UTC year and month of their start plus 1 h and plus 2 h,
    /// as the database computes them.
    /// </summary>
    public sealed record Bucket(int Year1, int Month1, int Year2, int Month2, int Count);

    /// <summary>The query value of a month: "2020-10".</summary>
    public static string Value(int year, int month) => $"{year:D4}-{month:D2}";

    /// <summary>The Amsterdam month ("2020-10") that a bucket's events start in.</summary>
    public static string MonthOf(Bucket bucket)
    {
        if (bucket.Year1 == bucket.Year2 && bucket.Month1 == bucket.Month2)
        {
            return Value(bucket.Year1, bucket.Month1);
        }

        // 22:30 UTC on the last day of the "+1 h" month: inside the hour this bucket stands for.
        var lastDay = DateTime.DaysInMonth(bucket.Year1, bucket.Month1);
        var instant = new DateTime(bucket.Year1, bucket.Month1, lastDay, 22, 30, 0, DateTimeKind.Utc);
        return DutchTime.ToAmsterdam(instant).ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    /// <summary>Counts per Amsterdam month from the database's buckets.</summary>
    public static Dictionary<string, int> Count(IEnumerable<Bucket> buckets) =>
        buckets.GroupBy(MonthOf).ToDictionary(g => g.Key, g => g.Sum(b => b.Count), StringComparer.Ordinal);

    /// <summary>The UTC instants an Amsterdam month ("2020-10") starts and ends at; null when the value is not a month.</summary>
    public static (DateTime FromUtc, DateTime ToUtc)? Range(string value)
    {
        if (!DateTime.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month) || month.Year >= 9999)
        {
            return null;
        }

        return (StartUtc(month), StartUtc(month.AddMonths(1)));
    }

    private static DateTime StartUtc(DateTime localMidnight) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(localMidnight, DateTimeKind.Unspecified), DutchTime.Amsterdam);
}
