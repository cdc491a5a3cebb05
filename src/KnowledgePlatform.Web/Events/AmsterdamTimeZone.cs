using System.Globalization;
using KnowledgePlatform.Web.Infrastructure;

namespace KnowledgePlatform.Web.Events;

/// <summary>
/// Events are written in Europe/Amsterdam local time with a TZID, so a calendar shows "19:00"
/// even when it is opened in another zone, and RFC 5545 §3.6.5 then asks for the zone's
/// definition in the file: clients may not know the IANA name.
/// </summary>
public static class AmsterdamTimeZone
{
    public const string Id = "Europe/Amsterdam";

    /// <summary>
    /// The EU rule in force since 1996 (EU directive 2000/84/EC): summer time from the last Sunday
    /// of March at 02:00 CET to the last Sunday of October at 03:00 CEST. Stated as yearly rules
    /// from 1970, so it is wrong only for 1977–1995, when summer time ended in September; the
    /// platform has no events then. A test checks it against the system's tz database.
    /// </summary>
    public static void WriteDefinition(ICalendarWriter ics) => ics
        .Begin("VTIMEZONE")
        .Raw("TZID", Id)
        .Raw("X-LIC-LOCATION", Id)
        .Begin("DAYLIGHT")
        .Raw("TZOFFSETFROM", "+0100")
        .Raw("TZOFFSETTO", "+0200")
        .Raw("TZNAME", "CEST")
        .Raw("DTSTART", "19700329T020000")
        .Raw("RRULE", "FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU")
        .End("DAYLIGHT")
        .Begin("STANDARD")
        .Raw("TZOFFSETFROM", "+0200")
        .Raw("TZOFFSETTO", "+0100")
        .Raw("TZNAME", "CET")
        .Raw("DTSTART", "19701025T030000")
        .Raw("RRULE", "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU")
        .End("STANDARD")
        .End("VTIMEZONE");

    /// <summary>"20201006T190000": the wall-clock time in Amsterdam, for a property with TZID.</summary>
    public static string LocalDateTime(DateTimeOffset instant) =>
        DutchTime.ToAmsterdam(instant).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    /// <summary>"20201006": the date in Amsterdam, for VALUE=DATE.</summary>
    public static string LocalDate(DateOnly date) => date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    public static DateOnly DateIn(DateTimeOffset instant) => DateOnly.FromDateTime(DutchTime.ToAmsterdam(instant).DateTime);

    /// <summary>"20201006T170000Z": UTC form, for DTSTAMP and LAST-MODIFIED.</summary>
    public static string Utc(DateTimeOffset instant) =>
        instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
}
