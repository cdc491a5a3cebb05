using System.Globalization;

namespace KnowledgePlatform.Web.Events;

/// <summary>A VCALENDAR of events, for one event's "Zet in je agenda" link and for the subscribable agenda.</summary>
public static class EventCalendarFile
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <param name="name">Shown by clients that subscribe (X-WR-CALNAME).</param>
    /// <param name="stamp">DTSTAMP: with METHOD:PUBLISH, when this file was made (RFC 5545 §3.8.7.2).</param>
    public static string Write(string name, IEnumerable<CalendarEvent> events, DateTimeOffset stamp) =>
        Write(name, events, stamp, "PUBLISH", null);

    /// <summary>
    /// <paramref name="method"/> "REQUEST" or "CANCEL" makes an iTIP invitation (RFC 5546) for one
    /// registrant; <paramref name="eventExtras"/> adds its ORGANIZER and ATTENDEE lines.
    /// </summary>
    public static string Write(string name, IEnumerable<CalendarEvent> events, DateTimeOffset stamp, string method, Action<ICalendarWriter>? eventExtras)
    {
        var ics = new ICalendarWriter()
            .Begin("VCALENDAR")
            .Raw("VERSION", "2.0")
            .Raw("PRODID", "-//KnowledgePlatform//Agenda//NL")
            .Raw("CALSCALE", "GREGORIAN")
            .Raw("METHOD", method)
            .Text("X-WR-CALNAME", name)
            .Raw("X-WR-TIMEZONE", AmsterdamTimeZone.Id)
            // How often subscribed clients should look again (RFC 7986, and Outlook's older name).
            .Raw("REFRESH-INTERVAL;VALUE=DURATION", "PT6H")
            .Raw("X-PUBLISHED-TTL", "PT6H");
        AmsterdamTimeZone.WriteDefinition(ics);
        foreach (var e in events)
        {
            WriteEvent(ics, e, stamp, eventExtras);
        }

        return ics.End("VCALENDAR").ToString();
    }

    private static void WriteEvent(ICalendarWriter ics, CalendarEvent e, DateTimeOffset stamp, Action<ICalendarWriter>? extras)
    {
        ics.Begin("VEVENT")
            .Raw("UID", e.Uid)
            .Raw("SEQUENCE", e.Sequence.ToString(CultureInfo.InvariantCulture))
            .Raw("DTSTAMP", AmsterdamTimeZone.Utc(stamp));
        if (e.AllDay)
        {
            // DTEND of a date is exclusive: a one-day event on the 9th ends on the 10th.
            var first = AmsterdamTimeZone.DateIn(e.Start);
            var last = e.End is { } end ? AmsterdamTimeZone.DateIn(end) : first;
            ics.Raw("DTSTART;VALUE=DATE", AmsterdamTimeZone.LocalDate(first))
                .Raw("DTEND;VALUE=DATE", AmsterdamTimeZone.LocalDate((last > first ? last : first).AddDays(1)));
        }
        else
        {
            ics.Raw($"DTSTART;TZID={AmsterdamTimeZone.Id}", AmsterdamTimeZone.LocalDateTime(e.Start));
            if (e.End is { } end && end > e.Start)
            {
                ics.Raw($"DTEND;TZID={AmsterdamTimeZone.Id}", AmsterdamTimeZone.LocalDateTime(end));
            }
        }

        ics.Text("SUMMARY", e.Summary)
            .Text("DESCRIPTION", e.Description)
            .Text("LOCATION", e.Location)
            .Raw("URL;VALUE=URI", e.Url.AbsoluteUri)
            .Raw("STATUS", e.Cancelled ? "CANCELLED" : "CONFIRMED");
        extras?.Invoke(ics);
        ics.End("VEVENT");
    }
}
