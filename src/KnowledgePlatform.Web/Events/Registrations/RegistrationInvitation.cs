using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Site;

namespace KnowledgePlatform.Web.Events.Registrations;

/// <summary>
/// The calendar entry of one registration, as an iTIP message (RFC 5546): METHOD:REQUEST adds or
/// updates it, METHOD:CANCEL removes it. The UID is the registration's own, so an update replaces
/// exactly this person's entry; SEQUENCE is <see cref="EventRegistration.IcsSequence"/>, raised
/// before every update or cancellation so clients take the newer one.
/// </summary>
public static class RegistrationInvitation
{
    public static string Uid(EventRegistration r, SiteOptions site) => $"registration-{r.Key:D}@{site.BaseUri.Host}";

    public static string Write(EventRegistration r, Guid eventKey, EventContent e, string method, SiteOptions site, DateTimeOffset stamp)
    {
        var cancel = method == "CANCEL";
        var entry = CalendarEvent.From(eventKey, r.IcsSequence, e, site) with
        {
            Uid = Uid(r, site),
            Sequence = r.IcsSequence,
            Cancelled = cancel || e.Cancelled,
        };
        // iTIP needs an ORGANIZER and the ATTENDEE the message is for; clients match on the UID.
        var organizer = $"agenda@{site.BaseUri.Host}";
        return EventCalendarFile.Write(e.Title, [entry], stamp, method, ics => ics
            .Raw($"ORGANIZER;CN={Param(site.BaseUri.Host)}", $"mailto:{organizer}")
            .Raw($"ATTENDEE;CN={Param(r.Name)};ROLE=REQ-PARTICIPANT;PARTSTAT={(cancel ? "DECLINED" : "ACCEPTED")};RSVP=FALSE", $"mailto:{r.Email}"));
    }

    /// <summary>A parameter value in quotes; quotes and control characters are not allowed inside (RFC 5545 §3.2).</summary>
    private static string Param(string value) =>
        "\"" + new string([.. value.Where(c => c != '"' && !char.IsControl(c))]) + "\"";
}
