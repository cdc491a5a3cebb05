using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Site.Feeds;

/// <summary>Atom feeds of published items: reports and articles, the agenda (also per theme), and one per theme.</summary>
public static class FeedEndpoints
{
    public const string ReportsPath = "/feeds/verslagen.xml";
    public const string AgendaPath = "/feeds/agenda.xml";

    /// <summary>Feed readers poll; the newest fifty is what they show, the site has the archive.</summary>
    public const int MaxEntries = 50;

    private static readonly ContentType[] ReadingTypes = [ContentType.MeetingReport, ContentType.DossierArticle];

    public static string ThemePath(string slug) => $"/feeds/themas/{Uri.EscapeDataString(slug)}.xml";

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ReportsPath, (KnowledgeDbContext db, IOptions<SiteOptions> site, TimeProvider clock, CancellationToken ct) =>
            FeedAsync(db, site.Value, clock, "Verslagen en artikelen", ReportsPath, "/verslagen",
                db.Published().Where(i => ReadingTypes.Contains(i.Type)), ct))
            .CacheOutput(SiteSetup.PublicCachePolicy);
        endpoints.MapGet(AgendaPath, AgendaAsync)
            .CacheOutput(SiteSetup.PublicCachePolicy); // the policy varies by query string, so per theme too
        endpoints.MapGet("/feeds/themas/{slug}.xml", ThemeAsync)
            .CacheOutput(SiteSetup.PublicCachePolicy);
        return endpoints;
    }

    private static async Task<IResult> ThemeAsync(
        string slug, KnowledgeDbContext db, IOptions<SiteOptions> site, TimeProvider clock, CancellationToken ct)
    {
        var theme = await db.Terms.AsNoTracking()
            .Where(t => t.Slug == slug && db.Vocabularies.Any(v => v.Key == t.VocabularyKey && v.Alias == Vocabulary.ThemeAlias))
            .FirstOrDefaultAsync(ct);
        if (theme is null)
        {
            return Results.NotFound();
        }

        var items = db.Published().Where(i => PublishedItems.PageTypes.Contains(i.Type)).TaggedWithAny(db, Vocabulary.ThemeAlias, [slug]);
        return await FeedAsync(db, site.Value, clock, $"Thema {theme.Name}", ThemePath(slug),
            ContentUrls.Term(Vocabulary.ThemeAlias, slug), items, ct);
    }

    /// <summary>
    /// The agenda feed; <c>?thema=jeugd&amp;thema=wmo</c> keeps the events with either theme (as
    /// on /agenda and /agenda.ics). A slug that is not a theme is 404, as for the theme feed.
    /// </summary>
    private static async Task<IResult> AgendaAsync(
        [FromQuery(Name = Vocabulary.ThemeAlias)] string[]? themes,
        KnowledgeDbContext db, IOptions<SiteOptions> site, TimeProvider clock, CancellationToken ct)
    {
        var events = db.Published().Where(i => PublishedItems.EventTypes.Contains(i.Type));
        var slugs = (themes ?? []).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (slugs.Count == 0)
        {
            return await FeedAsync(db, site.Value, clock, "Agenda", AgendaPath, AgendaFilter.Path, events, ct);
        }

        var names = await db.Terms.AsNoTracking()
            .Where(t => slugs.Contains(t.Slug) && db.Vocabularies.Any(v => v.Key == t.VocabularyKey && v.Alias == Vocabulary.ThemeAlias))
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Name).Select(t => t.Name).ToListAsync(ct);
        if (names.Count < slugs.Count)
        {
            return Results.NotFound();
        }

        var query = QueryString.Create(slugs.Select(s => new KeyValuePair<string, string?>(Vocabulary.ThemeAlias, s))).Value;
        return await FeedAsync(db, site.Value, clock, $"Agenda, thema {string.Join(", ", names)}", AgendaPath + query,
            AgendaFilter.Path + query, events.TaggedWithAny(db, Vocabulary.ThemeAlias, slugs), ct);
    }

    /// <summary>The newest items first: a feed tells what is new, so events too by when they were announced.</summary>
    private static async Task<IResult> FeedAsync(
        KnowledgeDbContext db, SiteOptions site, TimeProvider clock, string title, string selfPath, string pagePath,
        IQueryable<ContentItem> items, CancellationToken ct)
    {
        var entries = await items.OrderByDescending(i => i.PublishedUtc).ThenBy(i => i.Key).Take(MaxEntries).EntriesAsync(db, ct);
        var settings = await SiteSettings.ReadAsync(db, ct);
        var atom = await FeedEntries.BuildAsync(db, entries, site, ct);
        var feed = new AtomFeed(
            Title: $"{title} | {settings.SiteName}",
            Subtitle: settings.Tagline,
            Id: site.Absolute(selfPath),
            Self: site.Absolute(selfPath),
            Alternate: site.Absolute(pagePath),
            UpdatedUtc: atom.Count > 0 ? atom.Max(e => e.UpdatedUtc) : clock.GetUtcNow().UtcDateTime,
            Author: settings.SiteName,
            Entries: atom);
        return Results.Bytes(AtomFeedWriter.Write(feed), AtomFeedWriter.ContentType);
    }
}
