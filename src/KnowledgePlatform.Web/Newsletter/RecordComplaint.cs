using System.Globalization;
using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>
/// A subscriber marked our newsletter as spam. Mailing them again would hurt the sender's reputation
/// for every other subscriber, so they stop at once: status Bounced (no more mail until they sign up
/// again), their mail not yet sent is cancelled, and the consent ledger and audit trail say why.
/// Complaints arrive as feedback reports (<see cref="FeedbackReport"/>, through the API) or are
/// recorded by an editor who received one another way.
/// </summary>
public sealed class RecordComplaint(KnowledgeDbContext db, TimeProvider clock)
{
    /// <summary>Applies a feedback report; returns the number of subscribers it stopped (0 for "not-spam" or a report about mail that is not ours).</summary>
    public async Task<int> FromReportAsync(string report, CancellationToken ct)
    {
        if (FeedbackReport.FeedbackType(report) is null or "not-spam")
        {
            return 0;
        }

        var stopped = 0;
        foreach (var (ledgerId, messageId) in FeedbackReport.OurMessageIds(report))
        {
            var subscriberId = await db.Set<MailLedgerEntry>().AsNoTracking()
                .Where(m => m.Id == ledgerId && m.MessageId == messageId && m.Kind == PrepareSend.Kind)
                .Select(m => m.RecipientRef).SingleOrDefaultAsync(ct);
            if (subscriberId is { } id && await StopAsync(id, "feedback-report", $"Als spam gemeld (bericht {messageId})", "mailprovider", ct))
            {
                stopped++;
            }
        }

        return stopped;
    }

    /// <summary>An editor records a complaint that reached them directly; false when there is no such (unerased) subscriber.</summary>
    public Task<bool> ByEditorAsync(long subscriberId, string editor, CancellationToken ct) =>
        StopAsync(subscriberId, "beheer", "Klacht geregistreerd door de redactie", editor, ct);

    private Task<bool> StopAsync(long subscriberId, string source, string note, string actor, CancellationToken ct) => db.InTransactionAsync(async () =>
    {
        var subscriber = await db.Set<Subscriber>().SingleOrDefaultAsync(s => s.Id == subscriberId, ct);
        if (subscriber is null || subscriber.Status == SubscriberStatus.Erased)
        {
            return false;
        }

        var now = NewsletterClock.Now(clock);
        if (subscriber.Status is SubscriberStatus.Active or SubscriberStatus.Paused or SubscriberStatus.Pending)
        {
            subscriber.Status = SubscriberStatus.Bounced;
        }

        subscriber.LastBounce = $"Klacht: {note}";
        subscriber.UpdatedUtc = now;
        Consent.Record(db, subscriber, "complaint", source, note, null, now);
        int[] unsent = [(int)MailState.Queued, (int)MailState.Held];
        var cancelled = await db.Set<MailLedgerEntry>()
            .Where(m => m.RecipientRef == subscriberId && m.Kind == PrepareSend.Kind && unsent.Contains((int)m.State))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.State, MailState.Cancelled), ct);
        AuditLog.Record(db, actor, "subscriber.complaint", "subscriber", subscriberId.ToString(CultureInfo.InvariantCulture), null, new { source, cancelled });
        await db.SaveChangesAsync(ct);
        return true;
    }, ct);
}
