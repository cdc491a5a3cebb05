using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>
/// A scheduled issue stays unpublished until its mail goes out, so the public archive, feeds,
/// sitemap, search and API never show an issue before subscribers got it. When the send starts
/// (the scheduler at the set time, or an editor resuming it early) the version being sent is
/// published, in the caller's transaction. An issue an editor published meanwhile keeps what they
/// published.
/// </summary>
public static class ScheduledIssuePublication
{
    public static async Task PublishAsync(KnowledgeDbContext db, PublishContent.Handler publish, NewsletterSend send, CancellationToken ct)
    {
        if (await db.ContentItems.AnyAsync(i => i.Key == send.IssueKey && i.Status != ContentStatus.Published, ct))
        {
            var version = await publish.HandleAsync(new(send.IssueKey, send.CreatedBy, send.IssueVersion), ct);
            AuditLog.Record(db, AuditLog.System, "content.publish-scheduled", "content", send.IssueKey.ToString(),
                new { newsletterSend = send.Id, by = send.CreatedBy }, new { status = "Published", liveVersion = version });
            await db.SaveChangesAsync(ct);
        }
    }
}
