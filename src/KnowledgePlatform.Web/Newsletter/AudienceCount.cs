using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>
/// How many active subscribers an issue would go to right now — the number an editor confirms
/// before sending. Decided like <see cref="PrepareSend"/> does (by <see cref="IssueAudience"/>), so the
/// figure matches the send prepared a moment later unless subscribers change in between.
/// </summary>
public sealed class AudienceCount(KnowledgeDbContext db)
{
    public async Task<int> CountAsync(NewsletterIssueContent issue, CancellationToken ct)
    {
        var active = db.Set<Subscriber>().AsNoTracking().Where(s => s.Status == SubscriberStatus.Active);
        if (issue.Sections.Any(s => s.Items.Count > 0 && s.Terms is not { Count: > 0 }))
        {
            return await active.CountAsync(ct);
        }

        if (!issue.Sections.Any(s => s.Items.Count > 0))
        {
            return 0;
        }

        var candidates = await active.Select(s => new { s.AllTopics, s.Terms }).ToListAsync(ct);
        return candidates.Count(s => IssueAudience.SectionsFor(issue, s.AllTopics,
            s.Terms.Split('|', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse).ToHashSet()).Count > 0);
    }
}
