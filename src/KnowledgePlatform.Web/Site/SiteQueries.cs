using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Site;

/// <summary>
/// The queries every uncached detail page runs, compiled once: EF Core then skips, per request,
/// walking the expression tree for parameters, hashing it to find the cached plan and regenerating
/// SQL for expanded IN lists. Shapes are fixed (two type slots instead of a type list), so each
/// compiles to one SQL text.
/// </summary>
internal static class SiteQueries
{
    public sealed record ItemWithBody(ContentItem Item, string? Body);

    /// <summary>A published item of one of two types by its live slug, with its live body, in one round trip.</summary>
    public static readonly CompiledPerModel<Func<KnowledgeDbContext, ContentType, ContentType, string, CancellationToken, Task<ItemWithBody?>>> FindBySlug = new(() =>
        EF.CompileAsyncQuery((KnowledgeDbContext db, ContentType type1, ContentType type2, string slug, CancellationToken ct) =>
            db.ContentItems.AsNoTracking()
                .Where(i => i.Status == ContentStatus.Published && i.LiveVersion != null && (i.Type == type1 || i.Type == type2) && i.LiveSlug == slug)
                .Select(i => new ItemWithBody(i,
                    db.ContentVersions.Where(v => v.ContentKey == i.Key && v.Number == i.LiveVersion).Select(v => v.Body).FirstOrDefault()))
                .FirstOrDefault()));

    /// <summary>
    /// Published items that point at a target in one way, newest first. Driven from the
    /// (TargetKey, Kind, SourcePublishedUtc) index: ordering by the reference's own copy of the date
    /// lets the index supply the order; an EXISTS per item would scan every published item.
    /// </summary>
    public static readonly CompiledPerModel<Func<KnowledgeDbContext, Guid, ReferenceKind, IAsyncEnumerable<ContentCard>>> Referencing = new(() =>
        EF.CompileAsyncQuery((KnowledgeDbContext db, Guid target, ReferenceKind kind) =>
            db.ContentReferences.Where(r => r.TargetKey == target && r.Kind == kind)
                .Join(db.ContentItems.Where(i => i.Status == ContentStatus.Published && i.LiveVersion != null),
                    r => r.SourceKey, i => i.Key, (r, i) => new { r.SourcePublishedUtc, Item = i })
                .OrderByDescending(x => x.SourcePublishedUtc)
                .Take(50)
                .Select(x => new ContentCard(x.Item.Key, x.Item.Type, x.Item.LiveTitle!, x.Item.LiveSlug!, x.Item.LiveSummary, x.Item.LiveDateUtc, x.Item.LiveEndUtc))));

    public static readonly CompiledPerModel<Func<KnowledgeDbContext, Guid[], IAsyncEnumerable<Person>>> People = new(() =>
        EF.CompileAsyncQuery((KnowledgeDbContext db, Guid[] keys) => db.People.AsNoTracking().Where(p => keys.Contains(p.Key))));

    public static readonly CompiledPerModel<Func<KnowledgeDbContext, Guid[], IAsyncEnumerable<Organisation>>> Organisations = new(() =>
        EF.CompileAsyncQuery((KnowledgeDbContext db, Guid[] keys) => db.Organisations.AsNoTracking().Where(o => keys.Contains(o.Key))));

    public sealed record TermInVocabulary(Term Term, Vocabulary Vocabulary);

    public static readonly CompiledPerModel<Func<KnowledgeDbContext, Guid[], IAsyncEnumerable<TermInVocabulary>>> Terms = new(() =>
        EF.CompileAsyncQuery((KnowledgeDbContext db, Guid[] keys) => db.Terms.AsNoTracking().Where(t => keys.Contains(t.Key))
            .Join(db.Vocabularies.AsNoTracking(), t => t.VocabularyKey, v => v.Key, (t, v) => new TermInVocabulary(t, v))));

    public sealed record CardWithStatus(ContentStatus Status, ContentCard Card);

    /// <summary>
    /// Items by key with their status. Status is checked after the key lookup: with it in SQL,
    /// SQLite prefers the status index and scans every published item instead of looking up keys.
    /// </summary>
    public static readonly CompiledPerModel<Func<KnowledgeDbContext, Guid[], IAsyncEnumerable<CardWithStatus>>> CardsByKey = new(() =>
        EF.CompileAsyncQuery((KnowledgeDbContext db, Guid[] keys) => db.ContentItems.AsNoTracking().Where(i => keys.Contains(i.Key))
            .Select(i => new CardWithStatus(i.Status, new ContentCard(i.Key, i.Type, i.LiveTitle!, i.LiveSlug!, i.LiveSummary, i.LiveDateUtc, i.LiveEndUtc)))));
}
