using KnowledgePlatform.Tests.Events.Registrations;
using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Areas.Admin.Editing;
using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Data;
using KnowledgePlatform.Web.Events.Registrations;
using KnowledgePlatform.Web.Mail;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.Cluster;

/// <summary>
/// Two instances on one PostgreSQL database and one clock: each due item of the background jobs is
/// done exactly once, also when the instance that took it dies mid-job (<see cref="JobNode.Dies"/>:
/// its claim was made, its work is not committed) and only the other is left.
/// </summary>
public sealed class BackgroundWorkOnceTests : IAsyncLifetime
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private readonly ManualClock clock = new(RegistrationFactory.Start);
    private readonly HandledLog log = new();
    private TestDatabase database = null!;
    private JobNode a = null!;
    private JobNode? b;

    public async ValueTask InitializeAsync()
    {
        database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        a = new JobNode(database, "A", clock, log);
        _ = a.Server;
    }

    public async ValueTask DisposeAsync()
    {
        await a.DisposeAsync();
        if (b is not null)
        {
            await b.DisposeAsync();
        }

        await database.DisposeAsync();
    }

    /// <summary>The second instance, started when the test first needs it.</summary>
    private JobNode B
    {
        get
        {
            if (b is null)
            {
                b = new JobNode(database, "B", clock, log);
                _ = b.Server;
            }

            return b;
        }
    }

    private static ScheduledPublisher Publisher(JobNode node) => node.Services.GetRequiredService<ScheduledPublisher>();

    [Fact]
    public async Task Scheduled_items_are_published_once_when_both_instances_run_at_once()
    {
        var keys = await ScheduleAsync(20);
        _ = B; // started before the items are due: its scheduler's first run at start-up finds nothing
        clock.Advance(TimeSpan.FromMinutes(10));

        var runs = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(() => Publisher(i % 2 == 0 ? a : B).RunDueAsync(Ct), Ct)));

        Assert.Equal(20, runs.Sum());
        await AssertPublishedOnceAsync(keys);
        Assert.Equal(0, await Publisher(a).RunDueAsync(Ct) + await Publisher(B).RunDueAsync(Ct));
    }

    [Fact]
    public async Task A_scheduled_item_whose_instance_died_mid_publish_is_published_once_by_the_other_when_the_claim_lapses()
    {
        var keys = await ScheduleAsync(6);
        _ = B;
        clock.Advance(TimeSpan.FromMinutes(10));

        a.Dies.Armed = true;
        await Assert.ThrowsAsync<InstanceDiedException>(() => Publisher(a).RunDueAsync(Ct)); // claimed the first, died publishing it
        await a.DisposeAsync();
        Assert.Equal(1, await InDb(db => db.Set<EditorialState>().CountAsync(s => keys.Contains(s.ContentKey) && s.ClaimedUntilUtc != null, Ct)));
        Assert.Equal(0, await InDb(db => db.ContentItems.CountAsync(i => keys.Contains(i.Key) && i.Status == ContentStatus.Published, Ct)));

        Assert.Equal(5, await Publisher(B).RunDueAsync(Ct));
        Assert.Equal(0, await Publisher(B).RunDueAsync(Ct)); // the dead instance's claim (2 minutes) still holds
        clock.Advance(TimeSpan.FromMinutes(3));
        Assert.Equal(1, await Publisher(B).RunDueAsync(Ct));

        await AssertPublishedOnceAsync(keys);
    }

    [Fact]
    public async Task Offers_reminders_and_anonymisation_are_done_once_by_the_other_instance_when_one_dies_mid_job()
    {
        // An old event with Eva; a later one with two seats: Anna and Dirk have them, Bram and Carla wait.
        var old = RegistrationSteps.OpenEvent(capacity: 5, start: clock.GetUtcNow().AddDays(5));
        var oldKey = await a.PublishEventAsync(old);
        await a.RegisterAsync(old.Slug, "Eva", "eva@example.org");
        var cancelAt = clock.GetUtcNow().AddMonths(13);
        var later = RegistrationSteps.OpenEvent(capacity: 2, start: cancelAt.AddHours(60));
        var key = await a.PublishEventAsync(later);
        foreach (var name in new[] { "anna", "dirk", "bram", "carla" })
        {
            await a.RegisterAsync(later.Slug, name, $"{name}@example.org");
        }

        clock.Set(cancelAt);
        Assert.True(await a.CancelAsync((await a.RegistrationAsync(key, "anna@example.org")).Token)); // Bram is offered the seat for 48 h
        clock.Set(cancelAt.AddHours(50)); // the offer lapsed, the reminder is due, Eva's data is past retention

        a.Dies.Armed = true;
        var jobs = a.Services.CreateScope().ServiceProvider.GetRequiredService<RegistrationJobs>();
        await Assert.ThrowsAsync<InstanceDiedException>(() => jobs.ExpireOffersAsync(Ct));
        await Assert.ThrowsAsync<InstanceDiedException>(() => jobs.SendRemindersAsync(Ct));
        await Assert.ThrowsAsync<InstanceDiedException>(() => jobs.AnonymiseAsync(Ct));
        await a.DisposeAsync();
        // Nothing of it stayed (read before B starts: its job runner runs once at start-up).
        Assert.Equal(RegistrationStatus.Offered, await InDb(db => db.Registrations().Where(r => r.EventKey == key && r.Email == "bram@example.org").Select(r => r.Status).SingleAsync(Ct)));
        Assert.Empty(await MailsAsync("registration.reminder"));
        Assert.Equal(0, await InDb(db => db.Registrations().CountAsync(r => r.AnonymisedUtc != null, Ct)));

        await Task.WhenAll(B.RunJobsAsync(), B.RunJobsAsync(), B.RunJobsAsync());
        await B.RunJobsAsync();

        Assert.Equal(RegistrationStatus.Cancelled, (await B.RegistrationAsync(key, "bram@example.org")).Status);
        Assert.Equal(RegistrationStatus.Offered, (await B.RegistrationAsync(key, "carla@example.org")).Status);
        Assert.Equal(["carla@example.org"], (await MailsAsync("registration.offer")).Where(m => m.ToAddress != "bram@example.org").Select(m => m.ToAddress));
        Assert.Equal(["dirk@example.org"], (await MailsAsync("registration.reminder")).Select(m => m.ToAddress));
        Assert.Equal(RegistrationJobs.AnonymisedName, Assert.Single(await B.RegistrationsAsync(oldKey)).Name);
        Assert.Equal(1, await InDb(db => db.Set<AuditEntry>().CountAsync(e => e.Action == "registrations.anonymised" && e.TargetId == oldKey.ToString("D"), Ct)));
    }

    [Fact]
    public async Task Outbox_rows_an_instance_claimed_before_it_died_are_handled_by_the_other_when_the_claims_lapse()
    {
        a.Dies.Armed = true;
        List<long> ids;
        await using (var db = OutboxClaimTests.Context(database))
        {
            var rows = Enumerable.Range(0, 250).Select(_ => new OutboxMessage { Kind = "test.ping", CreatedUtc = clock.GetUtcNow().UtcDateTime }).ToList();
            db.Outbox.AddRange(rows);
            await db.SaveChangesAsync(Ct);
            ids = [.. rows.Select(r => r.Id)];
        }

        // A claims them all (NOTIFY wakes it), handles them, and dies each time before stamping them done.
        await Eventually.AssertAsync(async () => Assert.Equal(0, await InDb(db => db.Outbox.CountAsync(m => ids.Contains(m.Id) && m.ClaimToken == null, Ct))));
        await a.DisposeAsync();

        _ = B;
        await Task.Delay(2500, Ct); // B polls each second: the claims of the dead instance still hold
        Assert.DoesNotContain(log.Entries, e => e.Node == "B" && ids.Contains(e.MessageId));
        Assert.Equal(250, await InDb(db => db.Outbox.CountAsync(m => ids.Contains(m.Id) && m.ProcessedUtc == null, Ct)));

        clock.Advance(OutboxClaims.Lease + TimeSpan.FromSeconds(1));
        await Eventually.AssertAsync(async () => Assert.Equal(0, await InDb(db => db.Outbox.CountAsync(m => ids.Contains(m.Id) && m.ProcessedUtc == null, Ct))), timeoutSeconds: 60);
        var byB = log.Entries.Where(e => e.Node == "B" && ids.Contains(e.MessageId)).Select(e => e.MessageId).ToList();
        Assert.Equal(ids.Order(), byB.Order()); // each once by B; A had handled them too: handlers are idempotent by contract
    }

    private async Task<List<Guid>> ScheduleAsync(int count) => await a.InScopeAsync(async sp =>
    {
        var keys = new List<Guid>();
        for (var i = 0; i < count; i++)
        {
            var saved = await sp.GetRequiredService<SaveDraft.Handler>().HandleAsync(new(null, TestContent.Event(title: $"Gepland {i}"), "test"), Ct);
            await sp.GetRequiredService<Workflow>().ScheduleAsync(saved.Key, clock.GetUtcNow().UtcDateTime.AddMinutes(5), null, "test", Ct);
            keys.Add(saved.Key);
        }

        return keys;
    });

    /// <summary>Live, one version, one scheduled-publish entry in the audit trail and one publish record in the outbox each.</summary>
    private async Task AssertPublishedOnceAsync(List<Guid> keys)
    {
        var ids = keys.Select(k => k.ToString()).ToList();
        var audits = await InDb(db => db.Set<AuditEntry>().Where(e => e.Action == "content.publish-scheduled" && ids.Contains(e.TargetId!)).Select(e => e.TargetId!).ToListAsync(Ct));
        Assert.Equal(ids.Order(), audits.Order());
        var publishes = await InDb(db => db.Outbox.Where(m => m.Kind == PublishContent.OutboxKind && keys.Contains(m.ContentKey!.Value)).Select(m => m.ContentKey!.Value).ToListAsync(Ct));
        Assert.Equal(keys.Order(), publishes.Order());
        var items = await InDb(db => db.ContentItems.Where(i => keys.Contains(i.Key)).Select(i => new { i.Status, i.LiveVersion, i.LatestVersion }).ToListAsync(Ct));
        Assert.All(items, i => Assert.Equal((ContentStatus.Published, (int?)1, 1), (i.Status, i.LiveVersion, i.LatestVersion)));
        Assert.Equal(keys.Count, items.Count);
    }

    private Task<List<MailLedgerEntry>> MailsAsync(string kind) =>
        InDb(db => db.Set<MailLedgerEntry>().AsNoTracking().Where(m => m.Kind == kind).OrderBy(m => m.ToAddress).ToListAsync(Ct));

    private async Task<T> InDb<T>(Func<KnowledgeDbContext, Task<T>> query)
    {
        await using var db = OutboxClaimTests.Context(database);
        return await query(db);
    }
}
