using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Tests.Mail;
using KnowledgePlatform.Tests.Site;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;
using KnowledgePlatform.Web.Newsletter;

namespace KnowledgePlatform.Tests.Newsletter;

/// <summary>
/// A relay that is down pauses the send with a Dutch reason in its progress, uses up no attempts and
/// fails nobody; when the relay is back the send resumes by itself and everyone gets the issue once.
/// </summary>
public abstract class RelayDownTests(DatabaseProvider provider)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_send_to_a_relay_that_is_down_pauses_with_a_dutch_reason_and_resumes_by_itself_when_it_is_back()
    {
        await using var probe = await SmtpSink.StartAsync();
        var port = probe.Port;
        await probe.DisposeAsync(); // nobody listens on this port until the "relay" comes back
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = new MailPlatformFactory(database, port);
        var item = await app.PublishAsync(TestContent.Article());
        var issueKey = await app.PublishAsync(new NewsletterIssueContent
        {
            Title = "Terwijl de server plat ligt",
            Slug = TestContent.UniqueSlug("plat"),
            Sections = [new NewsletterSection { Title = "Nieuw", Items = [item] }],
        });
        await app.AddActiveSubscribersAsync(300, "geduld");

        var send = await app.InScopeAsync(sp => sp.Service<PrepareSend.Handler>().HandleAsync(new PrepareSend.Command(issueKey, null, "redacteur@example.org"), Ct));

        var paused = await Eventually.ValueAsync(async () =>
        {
            var status = (await ProgressAsync(app, send.Id))!;
            Assert.Equal(SendState.Paused, status.State);
            return status;
        }, 60);
        Assert.StartsWith("Gepauzeerd: de mailserver is niet bereikbaar. De verzending gaat vanzelf verder", paused.PauseReason, StringComparison.Ordinal);
        Assert.Equal((0, 0, 0, 300), (paused.Sent, paused.Failed, paused.Uncertain, paused.Remaining));
        var rows = await app.LedgerAsync(send.Id);
        Assert.All(rows, r => Assert.Equal((MailState.Held, 0), (r.State, r.Attempts)));

        await using var sink = await SmtpSink.StartAsync(port, []);

        var received = await sink.WaitForAsync(300, 120);
        Assert.Equal(300, received.Select(m => m.Recipients.Single()).Distinct().Count());
        var done = await Eventually.ValueAsync(async () =>
        {
            var status = (await ProgressAsync(app, send.Id))!;
            Assert.Equal(SendState.Completed, status.State);
            return status;
        }, 60);
        Assert.Equal((300, 0, 0, null), (done.Sent, done.Failed, done.Remaining, done.PauseReason));
        Assert.Equal(300, sink.Count);
    }

    private static Task<SendStatus?> ProgressAsync(PlatformFactory app, long sendId) =>
        app.InScopeAsync(sp => sp.Service<SendProgress>().ForAsync(sendId, Ct));
}

public sealed class RelayDownTests_Sqlite() : RelayDownTests(DatabaseProvider.Sqlite);

public sealed class RelayDownTests_Postgres() : RelayDownTests(DatabaseProvider.Postgres);
