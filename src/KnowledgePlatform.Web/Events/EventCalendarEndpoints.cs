using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Site;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Events;

/// <summary>iCalendar downloads: one event (<c>/agenda/{slug}.ics</c>) and the subscribable agenda (<c>/agenda.ics</c>).</summary>
public static class EventCalendarEndpoints
{
    /// <summary>A subscription shows what is coming and what just happened, not the whole archive.</summary>
    public static readonly TimeSpan History = TimeSpan.FromDays(366);

    /// <summary>Far more than a real agenda holds in a year; keeps a runaway query off the database.</summary>
    public const int MaxEvents = 500;

    public static IEndpointRouteBuilder MapEventCalendars(this IEndpointRouteBuilder endpoints)
    {
        // "{slug}.ics" is a complex segment, which routing ranks above the event page's "{slug}".
        endpoints.MapGet("/agenda/{slug}.ics", OneEventAsync)
            .CacheOutput(SiteSetup.PublicCachePolicy);
        endpoints.MapGet("/agenda.ics", AgendaAsync)
            .CacheOutput(p => p.Expire(TimeSpan.FromMinutes(10)).Tag(SiteSetup.ContentTag)
                .SetVaryByQuery(Vocabulary.ThemeAlias, Vocabulary.RegionAlias).SetVaryByHeader(Microsoft.Net.Http.Headers.HeaderNames.AcceptEncoding));
        return endpoints;
    }

    private static async Task<IResult> OneEventAsync(
        string slug, ContentReader reader, IOptions<SiteOptions> site, TimeProvider clock, CancellationToken ct)
    {
        var (found, movedTo) = await reader.FindAsync(PublishedItems.EventTypes, slug, ct);
        if (movedTo is not null)
        {
            return Results.Redirect(ContentUrls.For(ContentType.Event, movedTo) + ".ics", permanent: true);
        }

        if (found is not { Body: EventContent e, Item.LiveVersion: { } version })
        {
            return Results.NotFound();
        }

        var ics = EventCalendarFile.Write(e.Title, [CalendarEvent.From(found.Item.Key, version, e, site.Value)], clock.GetUtcNow());
        // An attachment, so a browser hands it to the calendar app instead of showing the text.
        return Results.File(System.Text.Encoding.UTF8.GetBytes(ics), EventCalendarFile.ContentType, $"{e.Slug}.ics");
    }

    /// <summary>
    /// Published events that end at most a year ago, optionally filtered by theme and region
    /// slugs: <c>?thema=jeugd&amp;thema=wmo&amp;regio=utrecht</c> is (jeugd OR wmo) AND utrecht.
    /// </summary>
    private static async Task<IResult> AgendaAsync(
        [FromQuery(Name = Vocabulary.ThemeAlias)] string[]? themes,
        [FromQuery(Name = Vocabulary.RegionAlias)] string[]? regions,
        KnowledgeDbContext db, IOptions<SiteOptions> site, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var since = now.UtcDateTime - History;
        var items = db.Published().Where(i => PublishedItems.EventTypes.Contains(i.Type) && (i.LiveEndUtc ?? i.LiveDateUtc) >= since);
        foreach (var (alias, slugs) in new[] { (Vocabulary.ThemeAlias, themes), (Vocabulary.RegionAlias, regions) })
        {
            // Both ?thema=a&thema=b and ?thema=a,b: the second is what people type by hand.
            var wanted = (slugs ?? []).SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
            if (wanted.Count > 0)
            {
                items = items.TaggedWithAny(db, alias, wanted);
            }
        }

        var entries = await items.OrderBy(i => i.LiveDateUtc).Take(MaxEvents).EntriesAsync(db, ct);
        var events = (await db.WithBodiesAsync(entries, ct))
            .Where(l => l.Body is EventContent)
            .Select(l => CalendarEvent.From(l.Entry.Key, l.Entry.Version, (EventContent)l.Body, site.Value))
            .OrderBy(e => e.Start);
        var siteName = (await SiteSettings.ReadAsync(db, ct)).SiteName;
        var ics = EventCalendarFile.Write($"Agenda {siteName}", events, now);
        return Results.Text(ics, EventCalendarFile.ContentType);
    }
}
