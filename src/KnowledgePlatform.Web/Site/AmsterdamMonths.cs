using System.Globalization;

namespace KnowledgePlatform.Web.Site;

/// <summary>
/// The agenda's months: a query value "2020-10" is the stored <see cref="Content.ContentItem.LiveMonth"/>
/// 202010 (the Amsterdam month an event starts in, written on publish), so filtering and counting
/// by month is plain integer work in the database.
/// </summary>
public static class AmsterdamMonths
{
    /// <summary>The query value of a stored month: 202010 → "2020-10".</summary>
    public static string Value(int month) => $"{month / 100:D4}-{month % 100:D2}";

    /// <summary>The stored month of a query value: "2020-10" → 202010; null when the value is not a month.</summary>
    public static int? Number(string value) =>
        DateTime.TryParseExact(value, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var month)
            ? (month.Year * 100) + month.Month
            : null;
}
