using System.Globalization;
using System.Text.Json.Nodes;
using KnowledgePlatform.Web.Content;
using static KnowledgePlatform.Web.Site.Metadata.JsonLd;

namespace KnowledgePlatform.Web.Site.Metadata;

/// <summary>schema.org <c>Event</c> for an event or workshop page (what search engines show as an event).</summary>
public static class EventStructuredData
{
    private const string Schema = "https://schema.org/";

    public static JsonObject Build(ContentMetadataSource source, EventContent e, SiteOptions site, string siteName)
    {
        var url = site.Absolute(source.Path).AbsoluteUri;
        var organisers = source.OrganisationsIn(e.Organisers).Select(o => Organisation(o.Name, o.Website)).ToList();
        var thing = Thing("Event",
            ("name", Text(e.Title)),
            ("description", Text(e.Summary)),
            ("url", url),
            ("inLanguage", "nl-NL"),
            // A date without time for all-day events: claiming midnight would be wrong.
            ("startDate", e.AllDay ? Date(e.Start) : Instant(e.Start)),
            ("endDate", e.End is { } end ? (e.AllDay ? Date(end) : Instant(end)) : null),
            ("eventStatus", Schema + (e.Cancelled ? "EventCancelled" : "EventScheduled")),
            ("eventAttendanceMode", Schema + AttendanceMode(e)),
            ("location", Location(e)),
            // The platform's own agenda: without named organisers, the platform organises.
            ("organizer", organisers.Count > 0 ? Array(organisers) : Organisation(siteName, site.BaseUri.AbsoluteUri)),
            ("performer", Array(source.PeopleIn(e.Speakers.Concat(e.Programme.SelectMany(p => p.Speakers)))
                .Select(p => Thing("Person", ("name", p.DisplayName), ("jobTitle", Text(p.Role)),
                    ("url", site.Absolute(ContentUrls.Person(p.Slug)).AbsoluteUri))))),
            ("offers", Offer(e, url)));
        thing.Insert(0, "@context", Context);
        return thing;
    }

    /// <summary>Online only with a link and no venue; hybrid with both; otherwise on location.</summary>
    private static string AttendanceMode(EventContent e) => (e.Venue, e.OnlineUrl) switch
    {
        (null, not null) => "OnlineEventAttendanceMode",
        (not null, not null) => "MixedEventAttendanceMode",
        _ => "OfflineEventAttendanceMode",
    };

    private static JsonNode? Location(EventContent e)
    {
        var places = new List<JsonNode>();
        if (e.Venue is { } v)
        {
            places.Add(Thing("Place",
                ("name", Text(v.Name) ?? v.City),
                ("address", Thing("PostalAddress",
                    ("streetAddress", Text(v.Address)),
                    ("postalCode", Text(v.PostalCode)),
                    ("addressLocality", v.City),
                    ("addressCountry", "NL")))));
        }

        if (e.OnlineUrl is { } online)
        {
            places.Add(Thing("VirtualLocation", ("url", online)));
        }

        return places.Count switch { 0 => null, 1 => places[0], _ => Array(places) };
    }

    private static JsonObject? Offer(EventContent e, string pageUrl)
    {
        if (PriceText.Parse(e.Price) is not { } price)
        {
            return null;
        }

        var offerUrl = e.Registration.Url ?? pageUrl;
        static string Euro(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
        return price.Low == price.High
            ? Thing("Offer", ("price", Euro(price.Low)), ("priceCurrency", "EUR"), ("url", offerUrl))
            : Thing("AggregateOffer", ("lowPrice", Euro(price.Low)), ("highPrice", Euro(price.High)), ("priceCurrency", "EUR"), ("url", offerUrl));
    }

    internal static JsonObject Organisation(string name, string? url) => Thing("Organization", ("name", name), ("url", Text(url)));
}
