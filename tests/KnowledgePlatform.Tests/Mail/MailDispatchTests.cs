using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Tests.Mail;

/// <summary>The ledger and its dispatcher in the running app, against smtp-sink, on both databases.</summary>
public abstract class MailDispatchTests(DatabaseProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static async Task EnqueueAsync(PlatformFactory app, params OutgoingMail[] mails) => await app.InScopeAsync(async sp =>
    {
        var db = PlatformFactory.Db(sp);
        foreach (var mail in mails)
        {
            await MailQueue.EnqueueAsync(db, mail, Ct);
        }

        await db.SaveChangesAsync(Ct);
    });

    private static Task<List<MailLedgerEntry>> LedgerAsync(PlatformFactory app) =>
        app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<MailLedgerEntry>().AsNoTracking().OrderBy(m => m.Id).ToListAsync(Ct));

    [Fact]
    public async Task Each_mail_is_sent_once_and_stamped_with_the_message_id_the_server_got()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new MailPlatformFactory(database, sink.Port);
        _ = app.Server;

        var mails = Enumerable.Range(0, 30).Select(i => TestMails.Simple($"lezer{i}@example.nl", $"welkom:{i}")).ToArray();
        await EnqueueAsync(app, mails);
        await EnqueueAsync(app, mails[0], mails[1] with { Subject = "nogmaals" }); // same keys: no-ops
        await app.InScopeAsync(sp =>
        {
            var db = PlatformFactory.Db(sp);
            Assert.True(MailQueue.Enqueue(db, TestMails.Simple("nieuw@example.nl", "welkom:nieuw")));
            Assert.False(MailQueue.Enqueue(db, TestMails.Simple("nieuw@example.nl", "welkom:nieuw")));
            return db.SaveChangesAsync(Ct);
        });

        var received = await sink.WaitForAsync(31);
        var ledger = await Eventually.ValueAsync(async () =>
        {
            var rows = await LedgerAsync(app);
            Assert.All(rows, r => Assert.Equal(MailState.Sent, r.State));
            return rows;
        });
        Assert.Equal(31, ledger.Count);
        Assert.Equal(ledger.Select(r => r.MessageId!).Order(), received.Select(m => m.MessageId!).Order());
        Assert.Equal(31, received.Select(m => m.MessageId).Distinct().Count());
        Assert.Equal(ledger.Single(r => r.DedupeKey == "welkom:1").MessageId, received.Single(m => m.Recipients.Single().Contains("lezer1@", StringComparison.Ordinal)).MessageId);
        Assert.DoesNotContain(received, m => m.Headers["Subject"].Contains("nogmaals", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Temporary_refusals_are_retried_until_the_server_takes_the_mail()
    {
        await using var refusing = await SmtpSink.StartAsync("-r", "RCPT");
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new MailPlatformFactory(database, refusing.Port);
        _ = app.Server;
        await EnqueueAsync(app, TestMails.Simple("later@example.nl", "retry:1"));

        var refused = await Eventually.ValueAsync(async () =>
        {
            var row = Assert.Single(await LedgerAsync(app));
            Assert.True(row.Attempts >= 1 && row.State == MailState.Queued, $"state {row.State}, attempts {row.Attempts}");
            return row;
        });
        Assert.StartsWith("4", refused.LastReply, StringComparison.Ordinal);

        await refusing.DisposeAsync();
        await using var accepting = await SmtpSink.StartAsync(refusing.Port, []);
        Assert.Single(await accepting.WaitForAsync(1, 30));
        await Eventually.AssertAsync(async () => Assert.Equal(MailState.Sent, Assert.Single(await LedgerAsync(app)).State), 30);
    }

    [Fact]
    public async Task Permanent_refusals_are_recorded_and_not_retried()
    {
        await using var sink = await SmtpSink.StartAsync("-f", "RCPT");
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new MailPlatformFactory(database, sink.Port);
        _ = app.Server;
        await EnqueueAsync(app, TestMails.Simple("bestaatniet@example.nl", "bounce:1"));

        var row = await Eventually.ValueAsync(async () =>
        {
            var r = Assert.Single(await LedgerAsync(app));
            Assert.Equal(MailState.Failed, r.State);
            return r;
        });
        Assert.StartsWith("5", row.LastReply, StringComparison.Ordinal);
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task While_the_relay_is_down_mail_waits_in_the_queue_and_goes_out_when_it_is_back()
    {
        await using var probe = await SmtpSink.StartAsync();
        var port = probe.Port;
        await probe.DisposeAsync();
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new MailPlatformFactory(database, port);
        _ = app.Server;
        await EnqueueAsync(app, [.. Enumerable.Range(0, 5).Select(i => TestMails.Simple($"w{i}@example.nl", $"wait:{i}"))]);

        var status = (MailTransportStatus)app.Services.GetService(typeof(MailTransportStatus))!;
        await Eventually.AssertAsync(() =>
        {
            Assert.NotNull(status.DownSinceUtc);
            return Task.CompletedTask;
        });
        Assert.All(await LedgerAsync(app), r => Assert.Equal((MailState.Queued, 0), (r.State, r.Attempts)));

        await using var sink = await SmtpSink.StartAsync(port, []);
        Assert.Equal(5, (await sink.WaitForAsync(5, 30)).Count);
    }
}

public sealed class MailDispatchTests_Sqlite() : MailDispatchTests(DatabaseProvider.Sqlite);

public sealed class MailDispatchTests_Postgres() : MailDispatchTests(DatabaseProvider.Postgres);
