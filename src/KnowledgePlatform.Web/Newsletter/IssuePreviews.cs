using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>An issue as one reader would receive it. <see cref="Sections"/> empty: they would not get it at all.</summary>
public sealed record IssuePreview(string Subject, string Html, string Text, IReadOnlyList<string> Sections);

/// <summary>
/// Renders an issue's latest version exactly as a send would (<see cref="IssueTemplates"/> and
/// <see cref="IssueMailSource.Compose"/>), for a chosen subscriber or for a reader of everything.
/// The footer links point to the public newsletter page instead of the subscriber's signed links,
/// so an editor clicking around in a preview or a test mail changes nobody's subscription.
/// </summary>
public sealed class IssuePreviews(KnowledgeDbContext db, IssueTemplates templates, NewsletterLinks links)
{
    /// <summary>The latest version's body (what the editor sees and would send next), or null.</summary>
    public async Task<(ContentItem Item, NewsletterIssueContent Body)?> LatestAsync(Guid key, CancellationToken ct)
    {
        var item = await db.ContentItems.AsNoTracking().SingleOrDefaultAsync(i => i.Key == key && i.Type == ContentType.NewsletterIssue, ct);
        if (item is null)
        {
            return null;
        }

        var json = await db.ContentVersions.AsNoTracking().Where(v => v.ContentKey == key && v.Number == item.LatestVersion).Select(v => v.Body).SingleAsync(ct);
        return (item, (NewsletterIssueContent)ContentJson.DeserializeBody(json));
    }

    /// <param name="reader">The subscriber to render for; null: a reader who chose everything, without a name.</param>
    public async Task<IssuePreview> RenderAsync(NewsletterIssueContent issue, Subscriber? reader, CancellationToken ct)
    {
        var template = await templates.BuildAsync(issue, ct);
        var sections = IssueAudience.SectionsFor(issue, reader?.AllTopics ?? true, reader?.TermKeys().ToHashSet() ?? []);
        var harmless = links.Absolute("nieuwsbrief");
        var (html, text) = IssueMailSource.Compose(template, reader?.Name, sections, harmless, harmless);
        return new IssuePreview(issue.Title, html, text, [.. sections.Select(i => issue.Sections[i].Title)]);
    }
}
