using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Tests.Newsletter;
using KnowledgePlatform.Tests.Site;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Mail;
using KnowledgePlatform.Web.Newsletter;
using Microsoft.EntityFrameworkCore;

namespace KnowledgePlatform.Tests.Cluster;

/// <summary>
/// A scheduled newsletter send on several instances: the instance that tried to start it died before
/// committing; the two left start it once and split the sending, each subscriber getting one mail.
/// </summary>
public sealed class NewsletterOnceTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_send_whose_starting_instance_died_is_started_once_by_the_others_and_each_subscriber_gets_one_mail()
    {
        await using var sink = await SmtpSink.StartAsync();
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        var log = new HandledLog();
        await using var a = new JobNode(database, "A", TimeProvider.System, log, sink.Port);
        _ = a.Server;
        var issueKey = await a.PublishIssueWithOneArticleAsync("Twee instanties", "twee-instanties");
        await a.AddActiveSubscribersAsync(30, "cluster");
        var send = await a.InScopeAsync(sp => sp.Service<PrepareSend.Handler>().HandleAsync(
            new PrepareSend.Command(issueKey, DateTime.UtcNow.AddSeconds(2), "redacteur@example.org"), Ct));
        Assert.Equal(SendState.Scheduled, send.State);

        a.Dies.Armed = true;
        await Task.Delay(2500, Ct); // due now: A's own scheduler tries each second and dies each time
        await Assert.ThrowsAsync<InstanceDiedException>(() => a.InScopeAsync(sp => NewsletterScheduler.TickAsync(sp, DateTime.UtcNow, Ct)));
        await a.DisposeAsync();
        await using (var db = OutboxClaimTests.Context(database))
        {
            Assert.Equal(SendState.Scheduled, await db.Set<NewsletterSend>().Where(s => s.Id == send.Id).Select(s => s.State).SingleAsync(Ct));
            Assert.All(await db.Set<MailLedgerEntry>().Where(m => m.GroupId == send.Id).ToListAsync(Ct), m => Assert.Equal(MailState.Held, m.State));
        }

        Assert.Equal(0, sink.Count);

        await using var b = new JobNode(database, "B", TimeProvider.System, log, sink.Port);
        await using var c = new JobNode(database, "C", TimeProvider.System, log, sink.Port);
        _ = b.Server;
        _ = c.Server;
        await sink.WaitForAsync(30);
        await Eventually.AssertAsync(async () => Assert.Equal(SendState.Completed, await b.InScopeAsync(sp =>
            PlatformFactory.Db(sp).Set<NewsletterSend>().Where(s => s.Id == send.Id).Select(s => s.State).SingleAsync(Ct))), timeoutSeconds: 60);
        await Task.Delay(1000, Ct); // a duplicate would arrive about now
        var recipients = sink.Messages().SelectMany(m => m.Recipients).ToList();
        Assert.Equal(30, recipients.Count);
        Assert.Equal(30, recipients.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }
}
