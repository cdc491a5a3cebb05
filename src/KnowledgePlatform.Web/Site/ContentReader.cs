using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Site;

/// <summary>A published item in a list: what a card or a feed entry needs, nothing more.</summary>
public sealed record ContentCard(Guid Key, ContentType Type, string Title, string Slug, string? Summary, DateTime? DateUtc, DateTime? EndUtc)
{
    public string Url => ContentUrls.For(Type, Slug);
}

/// <summary>A published item with its live body; or the slug it moved to.</summary>
public sealed record FoundContent(ContentItem Item, ContentBody Body);

/// <summary>
/// Read-only queries for the public site. Only published items are ever returned, also through
/// references, so drafts, offline and archived items cannot leak into any page.
/// </summary>
public sealed class ContentReader(KnowledgeDbContext db)
{
    private IQueryable<ContentItem> Published => db.Published();

    // Two constants rather than EventTypes.Contains: a list parameter is expanded into SQL anew on every query.
    private IQueryable<ContentItem> Events => Published.Where(i => i.Type == ContentType.Event || i.Type == ContentType.Workshop);

    /// <summary>
    /// Events that have not ended (running or ahead), soonest start first. Asked as two index
    /// ranges, merged here: events with an end from the end-date index, events without one from
    /// the start-date index. "COALESCE(end, start) >= now" in one query matches no index, so it
    /// read and sorted every published item.
    /// </summary>
    public async Task<List<ContentCard>> UpcomingEventsAsync(DateTime nowUtc, int take, CancellationToken ct)
    {
        var withEnd = await Cards(Events.Where(i => i.LiveEndUtc >= nowUtc).OrderBy(i => i.LiveDateUtc), take, ct);
        var withoutEnd = await Cards(Events.Where(i => i.LiveEndUtc == null && i.LiveDateUtc >= nowUtc).OrderBy(i => i.LiveDateUtc), take, ct);
        return [.. withEnd.Concat(withoutEnd).OrderBy(c => c.DateUtc).ThenBy(c => c.Key).Take(take)];
    }

    /// <summary>
    /// Events that have ended, latest start first: a walk down the start-date index from now
    /// (an event that ended has started; the end, never before the start, is checked per row).
    /// </summary>
    public Task<List<ContentCard>> RecentEventsAsync(DateTime nowUtc, int take, CancellationToken ct) =>
        Cards(Events.Where(i => i.LiveDateUtc < nowUtc && (i.LiveEndUtc == null || i.LiveEndUtc < nowUtc))
            .OrderByDescending(i => i.LiveDateUtc), take, ct);

    public Task<List<ContentCard>> NewestAsync(ContentType[] types, int take, CancellationToken ct) =>
        Cards(Published.Where(i => types.Contains(i.Type)).OrderByDescending(i => i.PublishedUtc), take, ct);

    /// <summary>The live item at this slug, or null; <paramref name="movedTo"/> is set when the slug was renamed.</summary>
    public async Task<(FoundContent? Found, string? MovedTo)> FindAsync(ContentType[] types, string slug, CancellationToken ct)
    {
        if (types.Length is < 1 or > 2)
        {
            throw new ArgumentOutOfRangeException(nameof(types), "A page is of one or two content types.");
        }

        var found = await SiteQueries.FindBySlug.For(db)(db, types[0], types[^1], slug, ct);
        if (found is null)
        {
            var movedTo = await db.SlugRedirects.AsNoTracking()
                .Where(r => types.Contains(r.Type) && r.OldSlug == slug)
                .Join(Published, r => r.ContentKey, i => i.Key, (r, i) => i.LiveSlug)
                .FirstOrDefaultAsync(ct);
            return (null, movedTo);
        }

        var body = found.Body ?? throw new InvalidOperationException($"Content item {found.Item.Key} has no live version {found.Item.LiveVersion}.");
        return (new FoundContent(found.Item, ContentJson.DeserializeBody(body)), null);
    }

    /// <summary>Published items that point at <paramref name="target"/> in the given way (e.g. the report of an event), newest first.</summary>
    public async Task<List<ContentCard>> ReferencingAsync(Guid target, ReferenceKind kind, CancellationToken ct)
    {
        var cards = new List<ContentCard>();
        await foreach (var card in SiteQueries.Referencing.For(db)(db, target, kind).WithCancellation(ct))
        {
            cards.Add(card);
        }

        return cards;
    }

    /// <summary>Published items by key, in the order given (a dossier's curated order).</summary>
    public async Task<List<ContentCard>> CardsAsync(IReadOnlyList<Guid> keys, CancellationToken ct)
    {
        var rows = new List<SiteQueries.CardWithStatus>();
        if (keys.Count > 0)
        {
            await foreach (var row in SiteQueries.CardsByKey.For(db)(db, [.. keys.Distinct()]).WithCancellation(ct))
            {
                rows.Add(row);
            }
        }

        var order = new Dictionary<Guid, int>();
        for (var i = 0; i < keys.Count; i++)
        {
            order.TryAdd(keys[i], i); // a curated list may name an item twice; its first place counts
        }

        return [.. rows.Where(r => r.Status == ContentStatus.Published).Select(r => r.Card).OrderBy(c => order[c.Key])];
    }

    /// <summary>
    /// Items sharing a term or person with this one, most shared first. Only the newest items
    /// naming each target are considered: a theme may be on thousands of items, and grouping all
    /// of them would make every uncached page pay for it.
    /// </summary>
    public async Task<List<ContentCard>> RelatedAsync(Guid key, int take, CancellationToken ct)
    {
        var targets = await db.ContentReferences.AsNoTracking()
            .Where(r => r.SourceKey == key && RelatedKinds.Contains(r.Kind))
            .Select(r => new { r.TargetKey, r.Kind }).ToListAsync(ct);
        return await RelatedAsync(key, [.. targets.Select(t => (t.TargetKey, t.Kind))], take, ct);
    }

    /// <summary>
    /// The same, for an item whose references are at hand (a page has its live body, from which
    /// the stored references were written): the newest items naming each target, in one query.
    /// </summary>
    public async Task<List<ContentCard>> RelatedAsync(Guid key, IReadOnlyCollection<(Guid TargetKey, ReferenceKind Kind)> targets, int take, CancellationToken ct)
    {
        var sources = await RelatedSources.NewestAsync(db, key, targets.Where(t => RelatedKinds.Contains(t.Kind)), ct);
        var ranked = sources.CountBy(k => k)
            .OrderByDescending(s => s.Value).ThenBy(s => s.Key).Take(take * 3).Select(s => s.Key).ToList();
        var cards = await CardsAsync(ranked, ct);
        return [.. cards.Where(c => c.Type != ContentType.NewsletterIssue).Take(take)];
    }

    private static readonly ReferenceKind[] RelatedKinds = [ReferenceKind.Term, ReferenceKind.Speaker, ReferenceKind.Author];

    public async Task<Dictionary<Guid, Person>> PeopleAsync(IEnumerable<Guid> keys, CancellationToken ct)
    {
        Guid[] list = [.. keys.Distinct()];
        var people = new Dictionary<Guid, Person>();
        if (list.Length > 0) // most pages name nobody of one kind or another: no query for nothing
        {
            await foreach (var person in SiteQueries.People.For(db)(db, list).WithCancellation(ct))
            {
                people[person.Key] = person;
            }
        }

        return people;
    }

    public async Task<Dictionary<Guid, Organisation>> OrganisationsAsync(IEnumerable<Guid> keys, CancellationToken ct)
    {
        Guid[] list = [.. keys.Distinct()];
        var organisations = new Dictionary<Guid, Organisation>();
        if (list.Length > 0)
        {
            await foreach (var organisation in SiteQueries.Organisations.For(db)(db, list).WithCancellation(ct))
            {
                organisations[organisation.Key] = organisation;
            }
        }

        return organisations;
    }

    public async Task<List<(Term Term, Vocabulary Vocabulary)>> TermsAsync(IEnumerable<Guid> keys, CancellationToken ct)
    {
        Guid[] list = [.. keys.Distinct()];
        var rows = new List<(Term Term, Vocabulary Vocabulary)>();
        if (list.Length > 0)
        {
            await foreach (var row in SiteQueries.Terms.For(db)(db, list).WithCancellation(ct))
            {
                rows.Add((row.Term, row.Vocabulary));
            }
        }

        return [.. rows.OrderBy(r => r.Vocabulary.Alias, StringComparer.Ordinal).ThenBy(r => r.Term.SortOrder)];
    }

    private static Task<List<ContentCard>> Cards(IQueryable<ContentItem> query, int take, CancellationToken ct) =>
        query.Take(take).AsCards().ToListAsync(ct);
}
