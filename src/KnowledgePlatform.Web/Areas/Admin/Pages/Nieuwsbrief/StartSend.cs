using KnowledgePlatform.Web.Areas.Admin.Editing;
using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Newsletter;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Areas.Admin.Pages.Nieuwsbrief;

/// <summary>
/// "Send now" and "schedule", in one transaction: <see cref="PrepareSend"/> fixes the audience for
/// the version the editor confirmed; audited. Sent now, that version is published at once (the web
/// version appears with the mail); scheduled, it stays unpublished until the send starts, so the
/// public archive, feeds and search never show an issue before it went out. Refused when the issue changed after
/// the editor confirmed, when it is empty, or when an earlier send of it already reached people.
/// </summary>
public static class StartSend
{
    public static Task<NewsletterSend> RunAsync(KnowledgeDbContext db, TimeProvider clock, Workflow workflow, PrepareSend.Handler prepare, IssueOverview overview,
        Guid key, int confirmedVersion, DateTime? scheduledUtc, string editor, CancellationToken ct) =>
        db.InTransactionAsync(async () =>
        {
            var item = await db.ContentItems.AsNoTracking().SingleOrDefaultAsync(i => i.Key == key && i.Type == ContentType.NewsletterIssue, ct)
                ?? throw new ContentNotFoundException(key);
            if (item.LatestVersion != confirmedVersion)
            {
                throw ValidationFailedException.For("Version",
                    $"De nieuwsbrief is gewijzigd nadat u hem bekeek (nu versie {item.LatestVersion}). Bekijk het voorbeeld opnieuw en bevestig daarna.");
            }

            var body = (NewsletterIssueContent)ContentJson.DeserializeBody(await db.ContentVersions.AsNoTracking()
                .Where(v => v.ContentKey == key && v.Number == item.LatestVersion).Select(v => v.Body).SingleAsync(ct));
            if (!body.Sections.Any(s => s.Items.Count > 0))
            {
                throw ValidationFailedException.For("Version", "Er staat nog niets in deze nieuwsbrief: voeg eerst items toe.");
            }

            if (await overview.LatestSendAsync(key, ct) is { } earlier
                && (await overview.CountsAsync([earlier.Id], ct)).GetValueOrDefault(earlier.Id) is { } c && c.Sent + c.Failed + c.Uncertain > 0)
            {
                throw ValidationFailedException.For("Version",
                    "Deze nieuwsbrief is al naar abonnees gegaan. Opnieuw versturen zou hen een tweede keer mailen; maak een nieuwe nieuwsbrief.");
            }

            // Sent now: publish now. Scheduled: the scheduler publishes the confirmed version when the send starts.
            var startsNow = scheduledUtc is null || scheduledUtc <= clock.GetUtcNow().UtcDateTime;
            if (startsNow && (item.Status != ContentStatus.Published || item.LiveVersion != item.LatestVersion))
            {
                await workflow.PublishAsync(key, editor, ct);
            }

            var send = await prepare.HandleAsync(new PrepareSend.Command(key, scheduledUtc, editor, startsNow ? null : confirmedVersion), ct);
            AuditLog.Record(db, editor, scheduledUtc is null ? "newsletter.send" : "newsletter.schedule", "newsletter", key.ToString(), null,
                new { sendId = send.Id, version = confirmedVersion, recipients = send.Recipients, scheduledUtc });
            await db.SaveChangesAsync(ct);
            return send;
        }, ct);
}
