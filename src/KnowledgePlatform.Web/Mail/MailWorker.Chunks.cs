using System.Data.Common;
using System.Diagnostics;
using KnowledgePlatform.Web.Mail.Mime;
using KnowledgePlatform.Web.Mail.Smtp;

namespace KnowledgePlatform.Web.Mail;

/// <summary>A batch on the wire chunk by chunk, with the ledger's commits overlapping the transmission.</summary>
public sealed partial class MailWorker
{
    /// <summary>
    /// Sends the chunks in order. While chunk i is on the wire, one transaction writes down what
    /// chunk i-1 got and marks chunk i+1 in flight, so the commit (on SQLite an fsync) overlaps the
    /// transmission instead of following it. Hence at most two chunks per worker are in flight: the
    /// one on the wire and the next, marked but not yet sent. Stopping or a relay that is down puts
    /// back everything not transmitted (the marked chunk too), after writing down what was.
    /// </summary>
    private async Task<int> SendChunksAsync(DbConnection connection, List<ClaimedMail[]> chunks, IReadOnlyDictionary<long, OutgoingMail?> mails, CancellationToken ct)
    {
        // The session first: nothing is marked in flight for a relay that is down.
        var down = await SessionDownAsync(ct);
        HashSet<long> marked = down is null && !ct.IsCancellationRequested ? await WriteDownAsync(connection, null, chunks[0], ct) : [];
        SentChunk? previous = null;
        var sent = 0;
        for (var i = 0; i < chunks.Count; i++)
        {
            down ??= await SessionDownAsync(ct);
            if (ct.IsCancellationRequested || down is not null)
            {
                // Back in the queue before the observers hear of it (the newsletter then holds the rows with its pause).
                await PutBackAsync(connection, previous, chunks.Skip(i), ct.IsCancellationRequested ? TimeSpan.Zero : TimeSpan.FromSeconds(10));
                if (down is not null && !ct.IsCancellationRequested)
                {
                    await MailRendering.TransportDownAsync(scopes, chunks[i], down, ct);
                }

                return ct.IsCancellationRequested ? sent : 0;
            }

            var rows = chunks[i].Where(r => marked.Contains(r.Id)).ToList();
            var envelopes = Encode(rows, mails);
            var next = i + 1 < chunks.Count ? chunks[i + 1] : null;
            var stamps = previous;
            // Not cancelled by shutdown: what the wire said is written down even while stopping.
            var writing = Task.Run(() => WriteDownAsync(connection, stamps, next, CancellationToken.None), CancellationToken.None);
            var stopping = false;
            try
            {
                stopping = !await throttle.TryWaitAsync(rows.Count, ct);
                previous = stopping ? null : await TransmitAsync(rows, envelopes);
            }
            finally
            {
                marked = await writing;
            }

            if (stopping)
            {
                await PutBackAsync(connection, null, chunks.Skip(i), TimeSpan.Zero);
                return sent;
            }

            sent += rows.Count;
        }

        await WriteDownAsync(connection, previous, null, CancellationToken.None);
        return sent;
    }

    /// <summary>Null when a usable session is there (opened if needed); else why not. Stopping counts as usable (the caller checks).</summary>
    private async Task<string?> SessionDownAsync(CancellationToken ct)
    {
        try
        {
            return session is { IsUsable: true } ? null : await OpenSessionAsync(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>Writes down <paramref name="sent"/>, then returns the chunks not transmitted to the queue (undoing the in-flight mark's attempt).</summary>
    private async Task PutBackAsync(DbConnection connection, SentChunk? sent, IEnumerable<ClaimedMail[]> chunks, TimeSpan delay)
    {
        await WriteDownAsync(connection, sent, null, CancellationToken.None);
        await store.ReleaseAsync(connection, owner, [.. chunks.SelectMany(c => c).Select(r => r.Id)], RetryAt(delay), null, undoAttempt: true, CancellationToken.None);
    }

    private List<SmtpEnvelope> Encode(List<ClaimedMail> rows, IReadOnlyDictionary<long, OutgoingMail?> mails)
    {
        var started = Stopwatch.GetTimestamp();
        var domain = from.Address[(from.Address.IndexOf('@') + 1)..];
        var envelopes = rows.Select(r => new SmtpEnvelope(from.Address, r.ToAddress, MimeMessageWriter.Write(
            new MimeMessage(from, mails[r.Id]!, MailLedgerStore.MessageIdFor(r, nonce, domain), clock.GetUtcNow())))).ToList();
        stats.CountStage(MailDispatchStats.Stage.Encode, started);
        return envelopes;
    }

    private async Task<SentChunk> TransmitAsync(List<ClaimedMail> rows, List<SmtpEnvelope> envelopes)
    {
        var started = Stopwatch.GetTimestamp();
        // Not cancelled by shutdown: a chunk once on the wire is finished (replies are bounded by Smtp:TimeoutSeconds),
        // so a graceful stop leaves nothing uncertain.
        IReadOnlyList<SendResult> results = rows.Count == 0 ? [] : await session!.SendAsync(envelopes, CancellationToken.None);
        stats.CountStage(MailDispatchStats.Stage.Wire, started);
        lastUse = clock.GetUtcNow().UtcDateTime;
        var accepted = Enumerable.Range(0, rows.Count).Where(n => results[n].Outcome == SendOutcome.Accepted).ToList();
        status.CountSent(accepted.Count);
        stats.CountMessages(accepted.Count, accepted.Sum(n => (long)envelopes[n].Message.Length));
        return new SentChunk(rows, results);
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
        }, ct);
        await MailStamping.NotifyAsync(scopes, permanent);
        return ours;
    }

    private sealed record SentChunk(IReadOnlyList<ClaimedMail> Rows, IReadOnlyList<SendResult> Results);
}
