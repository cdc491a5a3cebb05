using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Site.Feeds;

/// <summary>Turns published items into Atom entries: readers' words, absolute links, authors and terms.</summary>
public static class FeedEntries
{
    public static async Task<List<AtomEntry>> BuildAsync(
        KnowledgeDbContext db, IReadOnlyList<PublishedEntry> entries, SiteOptions site, CancellationToken ct)
    {
        var live = await db.WithBodiesAsync(entries, ct);
        var authorKeys = live.SelectMany(l => AuthorsOf(l.Body)).Distinct().ToList();
        var people = await db.People.AsNoTracking().Where(p => authorKeys.Contains(p.Key)).ToDictionaryAsync(p => p.Key, ct);
        var termKeys = live.SelectMany(l => l.Body.Terms).Distinct().ToList();
        var terms = await db.Terms.AsNoTracking().Where(t => termKeys.Contains(t.Key))
            .Join(db.Vocabularies.AsNoTracking().Where(v => v.Alias == Vocabulary.ThemeAlias || v.Alias == Vocabulary.RegionAlias),
                t => t.VocabularyKey, v => v.Key, (t, v) => new { t.Key, t.Slug, t.Name, v.Alias })
            .ToDictionaryAsync(t => t.Key, ct);

        return [.. live.Select(l => new AtomEntry(
            Id: $"urn:uuid:{l.Entry.Key:D}",
            Title: l.Entry.Title,
            Link: site.Absolute(l.Entry.Url),
            PublishedUtc: l.Entry.PublishedUtc,
            UpdatedUtc: l.Entry.UpdatedUtc,
            Summary: Summary(l.Body),
            Authors: [.. AuthorsOf(l.Body).Where(people.ContainsKey).Select(k => people[k].DisplayName)],
            Categories: [.. l.Body.Terms.Where(terms.ContainsKey).Select(k => terms[k])
                .Select(t => new AtomCategory(t.Slug, t.Name, site.Absolute(ContentUrls.Term(t.Alias, ""))))]))];
    }

    private static IReadOnlyList<Guid> AuthorsOf(ContentBody body) => body switch
    {
        MeetingReportContent r => r.Authors,
        DossierArticleContent a => a.Authors,
        _ => [],
    };

    /// <summary>For an event the reader first wants to know when and where; then the teaser.</summary>
    private static string? Summary(ContentBody body)
    {
        if (body is not EventContent e)
        {
            return body.Summary ?? (body as DossierArticleContent)?.Lead;
        }

        var facts = new List<string> { EventWhen.Text(e) };
        if (e.Venue?.City is { } city)
        {
            facts.Add(city);
        }

        if (e.OnlineUrl is not null)
        {
            facts.Add("online");
        }

        if (e.Cancelled)
        {
            facts.Add("geannuleerd");
        }

        var when = string.Join(" · ", facts);
        return string.IsNullOrWhiteSpace(e.Summary) ? when : $"{when}\n\n{e.Summary}";
    }
}
