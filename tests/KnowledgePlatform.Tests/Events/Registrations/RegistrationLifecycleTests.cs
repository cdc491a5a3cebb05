using KnowledgePlatform.Tests.Infrastructure;
using KnowledgePlatform.Web.Audit;
using KnowledgePlatform.Web.Content;
using KnowledgePlatform.Web.Events.Registrations;
using KnowledgePlatform.Web.Site;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace KnowledgePlatform.Tests.Events.Registrations;

/// <summary>Event changes and invitations, anonymisation after the retention period, erasure; on each provider.</summary>
public abstract class RegistrationLifecycleTests(RegistrationFixture fixture)
{
    private readonly RegistrationFactory app = Reset(fixture.App);

    private static RegistrationFactory Reset(RegistrationFactory app)
    {
        app.Clock.Set(RegistrationFactory.Start);
        return app;
    }

    [Fact]
    public async Task Changing_time_or_place_raises_the_invitation_sequence_under_the_same_uid_and_cancelling_sends_method_cancel()
    {
        var body = RegistrationSteps.OpenEvent(capacity: 5);
        var key = await app.PublishEventAsync(body);
        await app.ProcessOutboxAsync();
        await app.RegisterAsync(body.Slug, "Anna", "anna@example.org");
        var first = await app.RegistrationAsync(key, "anna@example.org");
        Assert.Equal(0, first.IcsSequence);
        var request = await ICalJs.ParseAsync(Invitation(first, key, body, "REQUEST"));

        // A text edit is not worth a mail to everyone; a new time is.
        await app.PublishEventAsync(body with { Summary = "Andere samenvatting." }, key);
        await app.ProcessOutboxAsync();
        Assert.Equal(0, (await app.RegistrationAsync(key, "anna@example.org")).IcsSequence);
        var moved = body with { Start = body.Start.AddHours(1), End = body.End!.Value.AddHours(1) };
        await app.PublishEventAsync(moved, key);
        await app.ProcessOutboxAsync();
        await app.ProcessOutboxAsync(); // handled again: nothing more happens
        var updated = await app.RegistrationAsync(key, "anna@example.org");
        Assert.Equal(1, updated.IcsSequence);
        var update = await ICalJs.ParseAsync(Invitation(updated, key, moved, "REQUEST"));

        var cancelled = moved with { Cancelled = true };
        await app.PublishEventAsync(cancelled, key);
        await app.ProcessOutboxAsync();
        var last = await app.RegistrationAsync(key, "anna@example.org");
        Assert.Equal(2, last.IcsSequence);
        var cancel = await ICalJs.ParseAsync(Invitation(last, key, cancelled, "CANCEL"));

        Assert.Equal(["REQUEST", "REQUEST", "CANCEL"], new[] { request.Method ?? "", update.Method ?? "", cancel.Method ?? "" });
        Assert.Single(new[] { request, update, cancel }.Select(c => Assert.Single(c.Events).Uid).Distinct());
        Assert.Equal([0, 1, 2], new[] { request, update, cancel }.Select(c => c.Events[0].Sequence));
        Assert.Equal(moved.Start.UtcDateTime, update.Events[0].Start.Utc!.Value.UtcDateTime);
        Assert.Equal("CANCELLED", cancel.Events[0].Status);
    }

    [Fact]
    public async Task Registrations_are_anonymised_after_the_retention_period_with_a_note_in_the_audit_trail()
    {
        var body = RegistrationSteps.OpenEvent(capacity: 5);
        var key = await app.PublishEventAsync(body);
        await app.RegisterAsync(body.Slug, "Anna", "anna@example.org", new RegistrationAnswers { Organisation = "Gemeente Delft" });
        var end = body.End!.Value;

        app.Clock.Set(end.AddMonths(12).AddDays(-1));
        await app.RunJobsAsync();
        Assert.Equal("Anna", (await app.RegistrationAsync(key, "anna@example.org")).Name);

        app.Clock.Set(end.AddMonths(12).AddDays(1));
        await app.RunJobsAsync();
        var row = Assert.Single(await app.RegistrationsAsync(key));
        Assert.Equal(RegistrationJobs.AnonymisedName, row.Name);
        Assert.DoesNotContain("anna", row.Email, StringComparison.Ordinal);
        Assert.Null(row.Answers);
        Assert.NotNull(row.AnonymisedUtc);
        var audit = await app.InScopeAsync(sp => PlatformFactory.Db(sp).Set<AuditEntry>().AsNoTracking()
            .Where(a => a.Action == "registrations.anonymised" && a.TargetId == key.ToString("D")).ToListAsync());
        Assert.Equal(AuditLog.System, Assert.Single(audit).Actor);
        Assert.Contains("\"registrations\":1", audit[0].After, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasure_removes_an_address_from_every_registration_and_frees_its_seat()
    {
        // An address of its own: other tests in this class register anna@example.org on the same database.
        var anna = $"anna-{Guid.NewGuid():N}@example.org";
        var body = RegistrationSteps.OpenEvent(capacity: 1);
        var key = await app.PublishEventAsync(body);
        await app.RegisterAsync(body.Slug, "Anna", anna);
        await app.RegisterAsync(body.Slug, "Bram", "bram@example.org");

        var export = await app.InScopeAsync(sp => sp.GetRequiredService<RegistrationPersonalData>().ExportAsync("A" + anna[1..], CancellationToken.None));
        Assert.Equal(body.Title, Assert.Single(export).EventTitle);
        var erased = await app.InScopeAsync(sp => sp.GetRequiredService<RegistrationPersonalData>().EraseAsync(anna, "privacy@example.org", CancellationToken.None));

        Assert.Equal(1, erased);
        Assert.Empty(await app.InScopeAsync(sp => sp.GetRequiredService<RegistrationPersonalData>().ExportAsync(anna, CancellationToken.None)));
        Assert.DoesNotContain(await app.RegistrationsAsync(key), r => r.Email.Contains("anna-", StringComparison.Ordinal) || r.Name == "Anna");
        Assert.Equal(RegistrationStatus.Offered, (await app.RegistrationAsync(key, "bram@example.org")).Status);
    }

    private static string Invitation(EventRegistration r, Guid key, EventContent e, string method) =>
        RegistrationInvitation.Write(r, key, e, method, new SiteOptions(), DateTimeOffset.UtcNow);
}

public sealed class RegistrationLifecycleTests_Sqlite(RegistrationSqliteFixture fixture)
    : RegistrationLifecycleTests(fixture), IClassFixture<RegistrationSqliteFixture>;

public sealed class RegistrationLifecycleTests_Postgres(RegistrationPostgresFixture fixture)
    : RegistrationLifecycleTests(fixture), IClassFixture<RegistrationPostgresFixture>;
