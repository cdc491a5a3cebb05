using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Site;

/// <summary>A published item as feeds, calendars and the sitemap list it.</summary>
/// <param name="Version">The live version number; only grows, so it can count changes.</param>
/// <param name="RevisedUtc">When the live version was written: the last change readers can see.</param>
public sealed record PublishedEntry(
    Guid Key, ContentType Type, string Slug, string Title, string? Summary, DateTime PublishedUtc, int Version, DateTime RevisedUtc)
{
    public string Url => ContentUrls.For(Type, Slug);

    /// <summary>An imported item can be revised "before" its original publication date; readers see the later one.</summary>
    public DateTime UpdatedUtc => RevisedUtc > PublishedUtc ? RevisedUtc : PublishedUtc;
}

/// <summary>A published item with its live body.</summary>
public sealed record LiveEntry(PublishedEntry Entry, ContentBody Body);

/// <summary>
/// Queries over published items only (status Published; live version and slug), shared by
/// everything that lists content for machines: Atom feeds, iCalendar feeds, the sitemap.
/// </summary>
public static class PublishedItems
{
    /// <summary>Items with their own public page (a newsletter issue's is its web version).</summary>
    public static readonly ContentType[] PageTypes =
        [ContentType.Event, ContentType.Workshop, ContentType.MeetingReport, ContentType.DossierArticle, ContentType.Dossier, ContentType.NewsletterIssue];

    public static readonly ContentType[] EventTypes = [ContentType.Event, ContentType.Workshop];

    public static IQueryable<ContentItem> Published(this KnowledgeDbContext db) =>
        db.ContentItems.AsNoTracking().Where(i => i.Status == ContentStatus.Published && i.LiveVersion != null);

    /// <summary>Items with at least one of these terms of the vocabulary; unknown slugs match nothing.</summary>
    public static IQueryable<ContentItem> TaggedWithAny(
        this IQueryable<ContentItem> items, KnowledgeDbContext db, string vocabularyAlias, IEnumerable<string> termSlugs)
    {
        var slugs = termSlugs.Distinct(StringComparer.Ordinal).ToList();
        var terms = db.Terms.Where(t => slugs.Contains(t.Slug) && db.Vocabularies.Any(v => v.Key == t.VocabularyKey && v.Alias == vocabularyAlias))
            .Select(t => t.Key);
        return items.Where(i => db.ContentReferences.Any(r => r.SourceKey == i.Key && r.Kind == ReferenceKind.Term && terms.Contains(r.TargetKey)));
    }

    /// <summary>Projects (already filtered, ordered and limited) items; the order is kept.</summary>
    public static Task<List<PublishedEntry>> EntriesAsync(this IQueryable<ContentItem> items, KnowledgeDbContext db, CancellationToken ct) =>
        items.Select(i => new PublishedEntry(
                i.Key, i.Type, i.LiveSlug!, i.LiveTitle!, i.LiveSummary, i.PublishedUtc ?? i.UpdatedUtc, i.LiveVersion!.Value,
                db.ContentVersions.Where(v => v.ContentKey == i.Key && v.Number == i.LiveVersion).Select(v => v.CreatedUtc).FirstOrDefault()))
            .ToListAsync(ct);

    /// <summary>The live bodies of these entries, in the same order.</summary>
    public static async Task<List<LiveEntry>> WithBodiesAsync(this KnowledgeDbContext db, IReadOnlyList<PublishedEntry> entries, CancellationToken ct)
    {
        var keys = entries.Select(e => e.Key).ToList();
        var bodies = await db.ContentVersions.AsNoTracking()
            .Where(v => keys.Contains(v.ContentKey) && db.ContentItems.Any(i => i.Key == v.ContentKey && i.LiveVersion == v.Number))
            .Select(v => new { v.ContentKey, v.Number, v.Body })
            .ToListAsync(ct);
        var byKey = bodies.ToDictionary(b => (b.ContentKey, b.Number), b => b.Body);
        return [.. entries.Where(e => byKey.ContainsKey((e.Key, e.Version)))
            .Select(e => new LiveEntry(e, ContentJson.DeserializeBody(byKey[(e.Key, e.Version)])))];
    }
}
