using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>A suggested section: a heading and the items published for it since the last issue went out.</summary>
public sealed record SuggestedSection(string Title, IReadOnlyList<SuggestedItem> Items);

public sealed record SuggestedItem(Guid Key, string Title, ContentType Type, DateTime? DateUtc);

/// <summary>What a new issue could contain, and since when that was counted.</summary>
public sealed record IssueSuggestion(DateTime SinceUtc, IReadOnlyList<SuggestedSection> Sections);

/// <summary>
/// Everything published since the last issue went out, grouped by kind: upcoming events, new
/// reports, new articles, new or updated dossiers. "Since" is the start of the latest send that
/// went out (not a cancelled one); without one, the newest issue's publication; else 30 days.
/// </summary>
public sealed class IssueSuggestions(KnowledgeDbContext db, TimeProvider clock)
{
    public const int PerSection = 25;

    public async Task<IssueSuggestion> SuggestAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var since = await SinceAsync(now, ct);
        var published = db.ContentItems.AsNoTracking().Where(i => i.Status == ContentStatus.Published);
        var events = await published
            .Where(i => (i.Type == ContentType.Event || i.Type == ContentType.Workshop) && i.PublishedUtc > since && i.LiveDateUtc >= now)
            .OrderBy(i => i.LiveDateUtc).Take(PerSection).Select(i => new SuggestedItem(i.Key, i.LiveTitle!, i.Type, i.LiveDateUtc)).ToListAsync(ct);
        var sections = new List<SuggestedSection> { new("Komende bijeenkomsten", events) };
        foreach (var (type, title) in new[] { (ContentType.MeetingReport, "Nieuwe verslagen"), (ContentType.DossierArticle, "Nieuwe artikelen") })
        {
            sections.Add(new(title, await published.Where(i => i.Type == type && i.PublishedUtc > since).OrderByDescending(i => i.PublishedUtc)
                .Take(PerSection).Select(i => new SuggestedItem(i.Key, i.LiveTitle!, i.Type, i.PublishedUtc)).ToListAsync(ct)));
        }

        // A dossier counts when it is new or changed since; UpdatedUtc is stamped by publishing (and by saving a draft, so a live
        // dossier with a newer draft is suggested too: the editor sees its live title and decides).
        sections.Add(new("Nieuwe en bijgewerkte dossiers", await published
            .Where(i => i.Type == ContentType.Dossier && (i.PublishedUtc > since || i.UpdatedUtc > since)).OrderByDescending(i => i.UpdatedUtc)
            .Take(PerSection).Select(i => new SuggestedItem(i.Key, i.LiveTitle!, i.Type, i.UpdatedUtc)).ToListAsync(ct)));
        return new IssueSuggestion(since, [.. sections.Where(s => s.Items.Count > 0)]);
    }

    private async Task<DateTime> SinceAsync(DateTime now, CancellationToken ct)
    {
        var lastSend = await db.Set<NewsletterSend>().AsNoTracking()
            .Where(s => s.StartedUtc != null && s.State != SendState.Cancelled).MaxAsync(s => s.StartedUtc, ct);
        if (lastSend is { } sent)
        {
            return sent;
        }

        var lastIssue = await db.ContentItems.AsNoTracking().Where(i => i.Type == ContentType.NewsletterIssue && i.Status == ContentStatus.Published)
            .MaxAsync(i => i.PublishedUtc, ct);
        return lastIssue ?? now.AddDays(-30);
    }
}
