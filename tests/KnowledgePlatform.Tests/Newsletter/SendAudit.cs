using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Mail;

namespace KnowledgePlatform.Tests.Newsletter;

/// <summary>
/// The once-only promise, checked against what the SMTP server really got: nobody received the
/// issue twice; every row is final; every Sent row's Message-ID is at the sink exactly once, for
/// that row's recipient; every message at the sink is a Sent row or an Uncertain one (the server
/// may have it); and, unless uncertain rows are allowed, nothing is uncertain.
/// </summary>
public static class SendAudit
{
    public sealed record Summary(int Rows, int Sent, int Uncertain, int AtSink)
    {
        public override string ToString() => $"{Rows} rows: {Sent} sent, {Uncertain} uncertain; {AtSink} messages at the sink";
    }

    public static Summary Check(IReadOnlyList<LedgerRow> ledger, IReadOnlyList<SinkMessage> received, int expectedRows, bool uncertainAllowed)
    {
        Assert.Equal(expectedRows, ledger.Count);
        Assert.All(received, m => Assert.Single(m.Recipients));

        var twice = received.GroupBy(m => m.Recipients[0], StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"{twice.Count} recipients received the issue more than once, e.g. {string.Join(", ", twice.Take(5))}");
        var idTwice = received.GroupBy(m => m.MessageId).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(idTwice.Count == 0, $"{idTwice.Count} Message-IDs arrived more than once, e.g. {string.Join(", ", idTwice.Take(5))}");

        var notFinal = ledger.Where(r => r.State is not (MailState.Sent or MailState.Uncertain)).ToList();
        Assert.True(notFinal.Count == 0, $"{notFinal.Count} rows are neither Sent nor Uncertain, e.g. {string.Join(", ", notFinal.Take(5))}");

        var atSink = received.ToDictionary(m => m.MessageId!, StringComparer.Ordinal);
        var byMessageId = ledger.Where(r => r.MessageId is not null).ToDictionary(r => r.MessageId!, StringComparer.Ordinal);
        var sentMissing = ledger.Where(r => r.State == MailState.Sent && (r.MessageId is null || !atSink.ContainsKey(r.MessageId))).ToList();
        Assert.True(sentMissing.Count == 0, $"{sentMissing.Count} rows stamped Sent are not at the sink, e.g. {string.Join(", ", sentMissing.Take(5))}");
        foreach (var row in ledger.Where(r => r.State == MailState.Sent))
        {
            Assert.Equal(row.ToAddress, atSink[row.MessageId!].Recipients[0], StringComparer.OrdinalIgnoreCase);
        }

        var unexplained = received.Where(m => !byMessageId.TryGetValue(m.MessageId!, out var row) || row.State is not (MailState.Sent or MailState.Uncertain)).ToList();
        Assert.True(unexplained.Count == 0, $"{unexplained.Count} messages at the sink match no Sent or Uncertain row, e.g. {string.Join(", ", unexplained.Take(5).Select(m => m.MessageId))}");

        var uncertain = ledger.Count(r => r.State == MailState.Uncertain);
        if (!uncertainAllowed)
        {
            Assert.Equal(0, uncertain);
        }

        return new Summary(ledger.Count, ledger.Count(r => r.State == MailState.Sent), uncertain, received.Count);
    }
}
