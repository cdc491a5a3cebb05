using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>Live progress of a send, from its ledger rows.</summary>
public sealed record SendStatus(long SendId, SendState State, string? PauseReason, int Recipients, int Sent, int Failed, int Uncertain,
    int Skipped, int Cancelled, int Remaining, double PerSecond, TimeSpan? TimeLeft);

public sealed class SendProgress(KnowledgeDbContext db, TimeProvider clock)
{
    public async Task<SendStatus?> ForAsync(long sendId, CancellationToken ct)
    {
        var send = await db.Set<NewsletterSend>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == sendId, ct);
        if (send is null)
        {
            return null;
        }

        var counts = await db.Set<MailLedgerEntry>().Where(m => m.GroupId == sendId).GroupBy(m => m.State)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        int Count(params MailState[] states) => states.Sum(s => counts.GetValueOrDefault(s));
        var since = clock.GetUtcNow().UtcDateTime.AddSeconds(-30);
        var recent = await db.Set<MailLedgerEntry>().CountAsync(m => m.GroupId == sendId && m.State == MailState.Sent && m.FinishedUtc >= since, ct);
        var rate = recent / 30.0;
        var remaining = Count(MailState.Queued, MailState.Claimed, MailState.InFlight, MailState.Held);
        return new SendStatus(send.Id, send.State, send.PauseReason, send.Recipients, Count(MailState.Sent), Count(MailState.Failed),
            Count(MailState.Uncertain), Count(MailState.Skipped), Count(MailState.Cancelled), remaining, rate,
            rate > 0 && remaining > 0 ? TimeSpan.FromSeconds(remaining / rate) : null);
    }
}
