using System.Data.Common;
using KnowledgePlatform.Web.Mail.Mime;
using KnowledgePlatform.Web.Mail.Smtp;

namespace KnowledgePlatform.Web.Mail;

/// <summary>One chunk on the wire: in flight → transmitted → written down, with as few commits as the throttle allows.</summary>
public sealed partial class MailWorker
{
    /// <summary>
    /// Marks the chunk in flight and sends it. What the previous chunk got is written in the same
    /// transaction when the throttle lets this chunk go at once (one commit per chunk instead of two);
    /// otherwise first, so a slow throttle never leaves sent mail unrecorded while it waits.
    /// </summary>
    private async Task<SentChunk> SendChunkAsync(DbConnection connection, ClaimedMail[] chunk, IReadOnlyDictionary<long, OutgoingMail?> mails,
        SentChunk? previous, CancellationToken ct)
    {
        var domain = from.Address[(from.Address.IndexOf('@') + 1)..];
        var envelopes = chunk.Select(r => new SmtpEnvelope(from.Address, r.ToAddress, MimeMessageWriter.Write(
            new MimeMessage(from, mails[r.Id]!, MailLedgerStore.MessageIdFor(r, nonce, domain), clock.GetUtcNow())))).ToList();
        if (previous is not null && !throttle.TryTake(chunk.Length))
        {
            await WriteDownAsync(connection, previous, null, ct);
            previous = null;
            await throttle.WaitAsync(chunk.Length, ct);
        }
        else if (previous is null)
        {
            await throttle.WaitAsync(chunk.Length, ct);
        }

        var ours = await WriteDownAsync(connection, previous, chunk, ct);
        var toSend = Enumerable.Range(0, chunk.Length).Where(i => ours.Contains(chunk[i].Id)).ToList();
        // Not cancelled by shutdown: a chunk once on the wire is finished (replies are bounded by Smtp:TimeoutSeconds),
        // so a graceful stop leaves nothing uncertain.
        var results = await session!.SendAsync([.. toSend.Select(i => envelopes[i])], CancellationToken.None);
        lastUse = clock.GetUtcNow().UtcDateTime;
        var accepted = toSend.Where((_, n) => results[n].Outcome == SendOutcome.Accepted).ToList();
        status.CountSent(accepted.Count);
        stats.CountMessages(accepted.Count, accepted.Sum(i => (long)envelopes[i].Message.Length));
        return new SentChunk([.. toSend.Select(i => chunk[i])], results);
    }

    /// <summary>One transaction: the outcomes of <paramref name="sent"/>, then <paramref name="next"/> marked in flight (returns the ids still ours).</summary>
    private async Task<HashSet<long>> WriteDownAsync(DbConnection connection, SentChunk? sent, ClaimedMail[]? next, CancellationToken ct)
    {
        if (sent is null && next is null)
        {
            return [];
        }

        IReadOnlyList<(ClaimedMail Row, string Reply)> permanent = [];
        var ours = await store.InTransactionAsync(connection, async () =>
        {
            if (sent is not null)
            {
                permanent = await MailStamping.StampAsync(store, connection, owner, sent.Rows, sent.Results, options, clock);
            }

            return next is null
                ? []
                : await store.MarkInFlightAsync(connection, owner, [.. next.Select(r => r.Id)], nonce,
                    from.Address[(from.Address.IndexOf('@') + 1)..], LeaseFrom(clock.GetUtcNow()), ct);
        }, sent is null ? ct : CancellationToken.None); // what the wire said is written down even while stopping
        await MailStamping.NotifyAsync(scopes, permanent);
        return ours;
    }

    private sealed record SentChunk(IReadOnlyList<ClaimedMail> Rows, IReadOnlyList<SendResult> Results);
}
