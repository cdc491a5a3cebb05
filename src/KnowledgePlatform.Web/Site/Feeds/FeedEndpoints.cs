using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace KnowledgePlatform.Web.Site.Feeds;

/// <summary>Atom feeds of published items: reports and articles, the agenda, and one per theme.</summary>
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
        endpoints.MapGet(AgendaPath, (KnowledgeDbContext db, IOptions<SiteOptions> site, TimeProvider clock, CancellationToken ct) =>
            FeedAsync(db, site.Value, clock, "Agenda", AgendaPath, "/agenda",
                db.Published().Where(i => PublishedItems.EventTypes.Contains(i.Type)), ct))
            .CacheOutput(SiteSetup.PublicCachePolicy);
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
