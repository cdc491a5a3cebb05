using System.Globalization;

namespace KnowledgePlatform.Web.Infrastructure;

/// <summary>Everything readers see is in Europe/Amsterdam, in Dutch.</summary>
public static class DutchTime
{
    public static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");
    public static readonly CultureInfo Culture = CultureInfo.GetCultureInfo("nl-NL");

    public static DateTimeOffset ToAmsterdam(DateTime utc) =>
        TimeZoneInfo.ConvertTime(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)), Amsterdam);

    public static DateTimeOffset ToAmsterdam(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Amsterdam);

    /// <summary>"dinsdag 6 oktober 2020".</summary>
    public static string LongDate(DateTimeOffset instant) => ToAmsterdam(instant).ToString("dddd d MMMM yyyy", Culture);

    /// <summary>"6 okt. 2020".</summary>
    public static string ShortDate(DateTimeOffset instant) => ToAmsterdam(instant).ToString("d MMM yyyy", Culture);

    /// <summary>"19:00".</summary>
    public static string Time(DateTimeOffset instant) => ToAmsterdam(instant).ToString("HH:mm", Culture);
}
