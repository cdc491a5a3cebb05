using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Site;

/// <summary>A term with the vocabulary it belongs to (a theme in "thema", a region in "regio").</summary>
public sealed record TermInVocabulary(Term Term, Vocabulary Vocabulary);

/// <summary>A term on an overview page: its page lists <paramref name="Count"/> items.</summary>
public sealed record TermCount(string Slug, string Name, int Count);

/// <summary>
/// The paged lists of the public site: reports, dossiers and newsletter issues newest first, and
/// everything tagged with one theme or region. Published items only (see <see cref="PublishedContent"/>).
/// </summary>
public sealed class ListingQuery(KnowledgeDbContext db)
{
    /// <summary>Newest publication first.</summary>
    public Task<PageOf<ContentCard>> NewestAsync(ContentType type, int page, CancellationToken ct) =>
        db.Published().Where(i => i.Type == type)
            .OrderByDescending(i => i.PublishedUtc).ThenBy(i => i.LiveTitle).ThenBy(i => i.Key)
            .PageAsync(page, ct);

    public async Task<TermInVocabulary?> TermAsync(string vocabularyAlias, string slug, CancellationToken ct)
    {
        var found = await db.Terms.AsNoTracking().Where(t => t.Slug == slug)
            .Join(db.Vocabularies.AsNoTracking().Where(v => v.Alias == vocabularyAlias), t => t.VocabularyKey, v => v.Key,
                (t, v) => new { t, v })
            .FirstOrDefaultAsync(ct);
        return found is null ? null : new TermInVocabulary(found.t, found.v);
    }

    /// <summary>
    /// The vocabulary's terms whose page lists something, in the vocabulary's order, each with how
    /// many items its page lists. Terms with none are left out: their page would be empty.
    /// </summary>
    public Task<List<TermCount>> TermsInUseAsync(string vocabularyAlias, CancellationToken ct) =>
        db.Terms.AsNoTracking()
            .Where(t => db.Vocabularies.Any(v => v.Key == t.VocabularyKey && v.Alias == vocabularyAlias))
            .Select(t => new
            {
                t.Slug, t.Name, t.SortOrder,
                Count = db.ContentReferences.Count(r => r.TargetKey == t.Key && r.Kind == ReferenceKind.Term && OnTermPages.Any(i => i.Key == r.SourceKey)),
            })
            .Where(t => t.Count > 0)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Name)
            .Select(t => new TermCount(t.Slug, t.Name, t.Count))
            .ToListAsync(ct);

    /// <summary>Every upcoming event tagged with the term, soonest first.</summary>
    public Task<List<ContentCard>> UpcomingTaggedAsync(Guid termKey, DateTime nowUtc, CancellationToken ct) =>
        Tagged(termKey).Where(i => PublishedItems.EventTypes.Contains(i.Type) && (i.LiveEndUtc ?? i.LiveDateUtc) >= nowUtc)
            .OrderBy(i => i.LiveDateUtc).ThenBy(i => i.LiveTitle).ThenBy(i => i.Key)
            .AsCards().ToListAsync(ct);

    /// <summary>
    /// Everything else tagged with the term, newest first by its date (an event's start, otherwise
    /// its publication). Upcoming events are left out because the page lists them above.
    /// </summary>
    public Task<PageOf<ContentCard>> TaggedAsync(Guid termKey, DateTime nowUtc, int page, CancellationToken ct) =>
        Tagged(termKey)
            .Where(i => !(PublishedItems.EventTypes.Contains(i.Type) && (i.LiveEndUtc ?? i.LiveDateUtc) >= nowUtc))
            .OrderByDescending(i => i.LiveDateUtc).ThenBy(i => i.LiveTitle).ThenBy(i => i.Key)
            .PageAsync(page, ct);

    /// <summary>What a term page lists: published items, except newsletter issues, which only repeat items listed themselves.</summary>
    private IQueryable<ContentItem> OnTermPages => db.Published().Where(i => i.Type != ContentType.NewsletterIssue);

    private IQueryable<ContentItem> Tagged(Guid termKey) =>
        OnTermPages.Where(i => db.ContentReferences.Any(r => r.SourceKey == i.Key && r.TargetKey == termKey && r.Kind == ReferenceKind.Term));
}
