using System.Security.Cryptography;
using System.Text;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Site;

namespace KnowledgePlatform.Web.Events.Registrations;

/// <summary>What registrants are told about an event, and what counts as a change worth a new invitation.</summary>
public static class EventDetails
{
    /// <summary>
    /// A hash of time, place, online link and cancellation: the things that make an invitation
    /// out of date. Title or text edits do not send mail to everyone.
    /// </summary>
    public static string Fingerprint(EventContent e)
    {
        var v = e.Venue;
        var facts = string.Join("\u001f", e.Start.UtcDateTime.ToString("O"), e.End?.UtcDateTime.ToString("O"), e.AllDay,
            v?.Name, v?.Address, v?.PostalCode, v?.City, e.OnlineUrl, e.Cancelled);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(facts)));
    }

    public static string? Place(EventContent e) => e.Venue is { } v
        ? string.Join(", ", new[] { v.Name, v.Address, $"{v.PostalCode} {v.City}".Trim() }.Where(p => !string.IsNullOrWhiteSpace(p)))
        : null;

    public static IEnumerable<(string, string?)> Facts(EventContent e) =>
    [
        ("Wat", e.Title),
        ("Wanneer", EventWhen.Text(e)),
        ("Waar", Place(e)),
        ("Online", e.OnlineUrl),
    ];

    /// <summary>Whether the form takes registrations now, and if not, why (in Dutch).</summary>
    public static string? ClosedReason(EventContent e, DateTimeOffset now)
    {
        if (e.Registration.Mode != RegistrationMode.Internal)
        {
            return "Voor deze bijeenkomst kun je je hier niet aanmelden.";
        }

        if (e.Cancelled)
        {
            return "Deze bijeenkomst is geannuleerd; aanmelden is niet meer mogelijk.";
        }

        if (e.Start <= now)
        {
            return "Deze bijeenkomst is al begonnen of voorbij; aanmelden is gesloten.";
        }

        return e.Registration.Deadline is { } deadline && deadline <= now
            ? "De aanmeldtermijn is verstreken; aanmelden is gesloten."
            : null;
    }
}
