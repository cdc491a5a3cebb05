using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Web.Newsletter;

/// <summary>
/// Pause, resume and cancel a send. Pausing holds every row not yet on the wire (rows in flight
/// finish); resuming queues them again; cancelling makes them final. Each is one transaction.
/// A pause because the relay is down is marked as such, so it ends by itself (<see cref="RelayRecovery"/>).
/// </summary>
public sealed class SendControl(KnowledgeDbContext db, TimeProvider clock, PublishContent.Handler publish)
{
    public Task<bool> PauseAsync(long sendId, string? reason, CancellationToken ct) => PauseAsync(sendId, reason, forRelay: false, ct);

    internal Task<bool> PauseForRelayAsync(long sendId, string reason, CancellationToken ct) => PauseAsync(sendId, reason, forRelay: true, ct);

    public Task<bool> ResumeAsync(long sendId, CancellationToken ct) => ChangeAsync(sendId, [SendState.Paused], SendState.Sending, async send =>
    {
        send.PauseReason = null;
        send.PausedForRelay = false;
        if (send.StartedUtc is null)
        {
            // A scheduled send resumed before its time starts now: its issue goes online with it.
            await ScheduledIssuePublication.PublishAsync(db, publish, send, ct);
            send.StartedUtc = clock.GetUtcNow().UtcDateTime;
        }

        await SetRowsAsync(sendId, [MailState.Held], MailState.Queued, ct);
    }, ct);

    public Task<bool> CancelAsync(long sendId, CancellationToken ct) => ChangeAsync(sendId, [SendState.Sending, SendState.Scheduled, SendState.Paused], SendState.Cancelled, async send =>
    {
        send.CompletedUtc = clock.GetUtcNow().UtcDateTime;
        await SetRowsAsync(sendId, [MailState.Queued, MailState.Claimed, MailState.Held], MailState.Cancelled, ct);
    }, ct);

    private Task<bool> PauseAsync(long sendId, string? reason, bool forRelay, CancellationToken ct) => ChangeAsync(sendId, [SendState.Sending, SendState.Scheduled], SendState.Paused, async send =>
    {
        send.PauseReason = reason;
        send.PausedForRelay = forRelay;
        await SetRowsAsync(sendId, [MailState.Queued, MailState.Claimed], MailState.Held, ct);
    }, ct);

    private async Task<bool> ChangeAsync(long sendId, SendState[] from, SendState to, Func<NewsletterSend, Task> rows, CancellationToken ct) =>
        await db.InTransactionAsync(async () =>
        {
            var send = await db.Set<NewsletterSend>().SingleOrDefaultAsync(s => s.Id == sendId, ct);
            if (send is null || !from.Contains(send.State))
            {
                return false;
            }

            send.State = to;
            await rows(send);
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);

    private Task<int> SetRowsAsync(long sendId, MailState[] from, MailState to, CancellationToken ct)
    {
        var states = from.Select(s => (int)s).ToArray();
        return db.Set<MailLedgerEntry>().Where(m => m.GroupId == sendId && states.Contains((int)m.State))
            .ExecuteUpdateAsync(u => u.SetProperty(m => m.State, to).SetProperty(m => m.LeaseOwner, (string?)null), ct);
    }
}
