using System.Data.Common;
using KnowledgePlatform.Web.Mail.Smtp;

namespace KnowledgePlatform.Web.Mail;

/// <summary>
/// Records what the wire said: accepted → Sent; 5xx → Failed (and observers count the bounce);
/// 4xx → queued again with doubling backoff until Newsletter:MaxAttempts; never transmitted → back
/// to the queue; written without a reply → Uncertain.
/// </summary>
internal static class MailStamping
{
    /// <summary>Writes the outcomes; returns the permanent failures for <see cref="NotifyAsync"/> (after the caller's transaction).</summary>
    public static async Task<IReadOnlyList<(ClaimedMail Row, string Reply)>> StampAsync(MailLedgerStore store, DbConnection connection, string owner,
        IReadOnlyList<ClaimedMail> rows, IReadOnlyList<SendResult> results, SendingOptions options, TimeProvider clock)
    {
        // Not cancellable: what happened on the wire must be written down even while stopping.
        var ct = CancellationToken.None;
        var now = clock.GetUtcNow();
        var pairs = rows.Zip(results).ToList();
        await store.FinishAsync(connection, owner, Ids(pairs, SendOutcome.Accepted), MailState.Sent, null, now.UtcDateTime, ct);
        await store.ReleaseAsync(connection, owner, Ids(pairs, SendOutcome.NotTransmitted), now.ToUnixTimeMilliseconds(), null, undoAttempt: true, ct);
        foreach (var (row, result) in pairs.Where(p => p.Second.Outcome == SendOutcome.Unknown))
        {
            await store.FinishAsync(connection, owner, [row.Id], MailState.Uncertain, "Onzeker: " + result.Reply, now.UtcDateTime, ct);
        }

        foreach (var (row, result) in pairs.Where(p => p.Second.Outcome == SendOutcome.Transient))
        {
            var attempts = row.Attempts + 1;
            if (attempts >= options.MaxAttempts)
            {
                await store.FinishAsync(connection, owner, [row.Id], MailState.Failed, result.Reply, now.UtcDateTime, ct);
                continue;
            }

            var delay = TimeSpan.FromSeconds(options.RetryBaseSeconds * Math.Pow(2, attempts - 1));
            await store.ReleaseAsync(connection, owner, [row.Id], now.Add(delay).ToUnixTimeMilliseconds(), result.Reply, undoAttempt: false, ct);
        }

        var permanent = pairs.Where(p => p.Second.Outcome == SendOutcome.Permanent).Select(p => (p.First, p.Second.Reply ?? "")).ToList();
        foreach (var (row, reply) in permanent)
        {
            await store.FinishAsync(connection, owner, [row.Id], MailState.Failed, reply, now.UtcDateTime, ct);
        }

        return permanent;
    }

    /// <summary>Lets observers count bounces; outside the ledger transaction (they write with their own connection).</summary>
    public static async Task NotifyAsync(IServiceScopeFactory scopes, IReadOnlyList<(ClaimedMail Row, string Reply)> permanent)
    {
        if (permanent.Count == 0)
        {
            return;
        }

        using var scope = scopes.CreateScope();
        foreach (var observer in scope.ServiceProvider.GetServices<IMailOutcomeObserver>())
        {
            await observer.PermanentFailuresAsync(permanent, CancellationToken.None);
        }
    }

    private static List<long> Ids(List<(ClaimedMail First, SendResult Second)> pairs, SendOutcome outcome) =>
        [.. pairs.Where(p => p.Second.Outcome == outcome).Select(p => p.First.Id)];
}
