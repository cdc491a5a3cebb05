using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Infrastructure;
using KnowledgePlatform.Web.Site;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Api;

/// <summary>Turns live items into contract summaries, loading their terms in one query.</summary>
internal sealed class ContentSummaries(KnowledgeDbContext db, SiteOptions site)
{
    public async Task<IReadOnlyList<ContentSummary>> ForAsync(IReadOnlyList<ContentItem> items, CancellationToken ct)
    {
        var keys = items.Select(i => i.Key).ToList();
        var terms = await db.ContentReferences.AsNoTracking()
            .Where(r => keys.Contains(r.SourceKey) && r.Kind == ReferenceKind.Term)
            .Join(db.Terms, r => r.TargetKey, t => t.Key, (r, t) => new { r.SourceKey, r.Position, t.Slug, t.Name, t.VocabularyKey })
            .Join(db.Vocabularies, x => x.VocabularyKey, v => v.Key, (x, v) => new { x.SourceKey, x.Position, x.Slug, x.Name, v.Alias })
            .ToListAsync(ct);
        var byItem = terms.ToLookup(t => t.SourceKey);
        return [.. items.Select(i => new ContentSummary(
            i.Key,
            ApiNames.Type(i.Type),
            i.LiveTitle ?? "",
            i.LiveSlug ?? i.Slug,
            new Uri(site.BaseUri, ContentUrls.For(i.Type, i.LiveSlug ?? i.Slug).TrimStart('/')).ToString(),
            i.LiveSummary,
            Local(i.LiveDateUtc),
            Local(i.LiveEndUtc),
            Local(i.PublishedUtc),
            [.. byItem[i.Key].OrderBy(t => t.Position).Select(t => new TermRef(t.Alias, t.Slug, t.Name))]))];
    }

    private static DateTimeOffset? Local(DateTime? utc) => utc is { } value ? DutchTime.ToAmsterdam(value) : null;
}
