using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Infrastructure;
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
    private static readonly StringComparer DutchSort = StringComparer.Create(DutchTime.Culture, ignoreCase: true);

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
    /// The vocabulary's terms that something on a term page is tagged with, in the vocabulary's
    /// order, each with how many published items that page lists (newsletter issues aside, as
    /// there). Terms without any are left out: their page would be empty.
    /// </summary>
    public async Task<List<TermCount>> TermsInUseAsync(string vocabularyAlias, CancellationToken ct)
    {
        var listed = db.Published().Where(i => i.Type != ContentType.NewsletterIssue);
        var counts = await db.ContentReferences.AsNoTracking()
            .Where(r => r.Kind == ReferenceKind.Term && listed.Any(i => i.Key == r.SourceKey))
            .Join(db.Terms.AsNoTracking(), r => r.TargetKey, t => t.Key, (r, t) => new { r.SourceKey, Term = t })
            .Join(db.Vocabularies.AsNoTracking().Where(v => v.Alias == vocabularyAlias), x => x.Term.VocabularyKey, v => v.Key, (x, v) => x)
            .GroupBy(x => new { x.Term.Key, x.Term.Slug, x.Term.Name, x.Term.SortOrder })
            .Select(g => new { g.Key.Slug, g.Key.Name, g.Key.SortOrder, Count = g.Select(x => x.SourceKey).Distinct().Count() })
            .ToListAsync(ct);
        return [.. counts.OrderBy(t => t.SortOrder).ThenBy(t => t.Name, DutchSort).Select(t => new TermCount(t.Slug, t.Name, t.Count))];
    }

    /// <summary>Every upcoming event tagged with the term, soonest first.</summary>
    public Task<List<ContentCard>> UpcomingTaggedAsync(Guid termKey, DateTime nowUtc, CancellationToken ct) =>
        Tagged(termKey).Where(i => PublishedItems.EventTypes.Contains(i.Type) && (i.LiveEndUtc ?? i.LiveDateUtc) >= nowUtc)
            .OrderBy(i => i.LiveDateUtc).ThenBy(i => i.LiveTitle).ThenBy(i => i.Key)
            .AsCards().ToListAsync(ct);

    /// <summary>
    /// Everything else tagged with the term, newest first by its date (an event's start, otherwise
    /// its publication). Upcoming events are left out because the page lists them above; newsletter
    /// issues because they only repeat items that are listed themselves.
    /// </summary>
    public Task<PageOf<ContentCard>> TaggedAsync(Guid termKey, DateTime nowUtc, int page, CancellationToken ct) =>
        Tagged(termKey)
            .Where(i => i.Type != ContentType.NewsletterIssue
                && !(PublishedItems.EventTypes.Contains(i.Type) && (i.LiveEndUtc ?? i.LiveDateUtc) >= nowUtc))
            .OrderByDescending(i => i.LiveDateUtc).ThenBy(i => i.LiveTitle).ThenBy(i => i.Key)
            .PageAsync(page, ct);

    private IQueryable<ContentItem> Tagged(Guid termKey) =>
        db.Published().Where(i => db.ContentReferences.Any(r => r.SourceKey == i.Key && r.TargetKey == termKey && r.Kind == ReferenceKind.Term));
}
