using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Site;

namespace KnowledgePlatform.Web.Events;

/// <summary>One VEVENT: what a calendar needs of a published event, already in readers' words.</summary>
public sealed record CalendarEvent(
    string Uid,
    int Sequence,
    string Summary,
    DateTimeOffset Start,
    DateTimeOffset? End,
    bool AllDay,
    string? Description,
    string? Location,
    Uri Url,
    bool Cancelled)
{
    /// <param name="liveVersion">Only grows (every edit is a new version), so calendars that
    /// compare SEQUENCE take each republished change as newer.</param>
    public static CalendarEvent From(Guid key, int liveVersion, EventContent e, SiteOptions site)
    {
        var url = site.Absolute(ContentUrls.For(e.Type, e.Slug));
        return new CalendarEvent(
            Uid: $"{key:D}@{site.BaseUri.Host}",
            Sequence: liveVersion,
            // Not every client shows STATUS (subscribed Google calendars do not), the title always.
            Summary: e.Cancelled ? $"Geannuleerd: {e.Title}" : e.Title,
            Start: e.Start,
            End: e.End,
            AllDay: e.AllDay,
            Description: Describe(e, url),
            Location: Locate(e),
            Url: url,
            Cancelled: e.Cancelled);
    }

    private static string Describe(EventContent e, Uri url)
    {
        var text = !string.IsNullOrWhiteSpace(e.Summary) ? e.Summary.Trim() : Shorten(RichText.ToPlainText(e.Body), 1000);
        var lines = new List<string>();
        if (e.Cancelled)
        {
            lines.Add("Deze bijeenkomst is geannuleerd.");
        }

        if (text.Length > 0)
        {
            lines.Add(text);
        }

        if (e.OnlineUrl is not null)
        {
            lines.Add($"Online deelnemen: {e.OnlineUrl}");
        }

        // Many clients ignore the URL property; a link in the text is always clickable.
        lines.Add($"Meer informatie: {url}");
        return string.Join("\n\n", lines);
    }

    private static string? Locate(EventContent e)
    {
        var venue = e.Venue is { } v
            ? string.Join(", ", new[] { v.Name, v.Address, $"{v.PostalCode} {v.City}".Trim() }.Where(p => !string.IsNullOrWhiteSpace(p)))
            : null;
        return (venue, e.OnlineUrl) switch
        {
            (null, null) => null,
            (null, { } online) => online,
            ({ } place, null) => place,
            ({ } place, { } online) => $"{place} en online ({online})",
        };
    }

    /// <summary>Cut at a word boundary: a calendar entry is a reminder, the page has the full text.</summary>
    private static string Shorten(string text, int max)
    {
        if (text.Length <= max)
        {
            return text;
        }

        var cut = text.LastIndexOf(' ', max - 1);
        return string.Concat(text.AsSpan(0, cut > 0 ? cut : max - 1), "…");
    }
}
